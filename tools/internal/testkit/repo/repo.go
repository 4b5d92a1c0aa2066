// Package repo locates this repository's folders for tests and their
// helpers, wherever the test binary runs.
package repo

import (
	"path/filepath"
	"runtime"
)

// Root is the repository's root folder (which holds go.mod).
var Root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", "..", ".."))
}()

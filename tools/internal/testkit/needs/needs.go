// Package needs decides what a test does when a tool it needs from outside
// Go is missing (Chromium, Java, npm): on a developer's machine it skips,
// saying what to install; under CI (CI=true, as .ci/run and GitHub Actions
// set it) it fails, so that CI never passes by skipping a check.
package needs

import (
	"os"
	"strconv"
)

// TB is the part of testing.TB that Missing uses.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// InCI reports whether the tests run under CI: CI is set to true (or 1).
func InCI() bool {
	ci, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && ci
}

// Missing ends the test because a tool it needs is missing, with the
// message format gives (what is missing and how to install it): a skip,
// or under CI a failure.
func Missing(t TB, format string, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatalf(format+" [CI=true: a missing tool fails the test, it never skips]", args...)
		return
	}
	t.Skipf(format, args...)
}

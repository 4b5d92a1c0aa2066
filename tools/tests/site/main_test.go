// Package site tests the HTML that Hugo produces from the theme: the
// exampleSite as Netlify builds it, and tiny fixture sites for each feature
// and each kind of bad input.
package site

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

var (
	buildDir    string
	exampleOnce sync.Once
	example     *hugotest.Site
	exampleErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "labsite-site-test-")
	if err != nil {
		panic(err)
	}
	buildDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// exampleSite builds exampleSite once for the package, the way netlify.toml
// does (--gc --minify).
func exampleSite(t *testing.T) *hugotest.Site {
	t.Helper()
	exampleOnce.Do(func() {
		example, exampleErr = hugotest.RunTo(t, hugotest.ExampleSite, filepath.Join(buildDir, "public"), "--gc", "--minify")
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return example
}

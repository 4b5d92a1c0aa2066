package site

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// TestBuildIsReproducible builds exampleSite twice, as Netlify builds it,
// into different folders with different caches, and wants the same files
// with the same bytes: no build time, random id, map order or temp path
// may reach the output, so that a deploy changes only what the content
// changed.
func TestBuildIsReproducible(t *testing.T) {
	first := exampleSite(t)
	second := hugotest.Build(t, hugotest.ExampleSite, "--gc", "--minify")
	a, b := files(t, first.Public), files(t, second.Public)
	if !slices.Equal(a, b) {
		t.Fatalf("the builds wrote different files:\n%q\n%q", a, b)
	}
	if len(a) < 20 {
		t.Fatalf("only %d files built", len(a))
	}
	for _, name := range a {
		x, err := os.ReadFile(filepath.Join(first.Public, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(second.Public, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// files lists every file under dir, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

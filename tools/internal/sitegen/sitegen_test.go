package sitegen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeterministic checks that the generator writes the same bytes for
// the same seed and n, so benchmarks compare like with like, and exactly n
// content files.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := Write(dir, 60, Options{Seed: 7, ThemePath: "../../theme"}); err != nil {
			t.Fatal(err)
		}
	}
	pages := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		if strings.HasPrefix(rel, "content"+string(filepath.Separator)) && strings.HasSuffix(rel, ".md") {
			pages++
		}
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 60 {
		t.Errorf("%d content files, want 60", pages)
	}
	config, _ := os.ReadFile(filepath.Join(a, "hugo.toml"))
	if !bytes.Contains(config, []byte(`replacements = "github.com/neuralml/labsite/theme -> ../../theme"`)) {
		t.Errorf("hugo.toml has no replacement:\n%s", config)
	}
}

func TestCounts(t *testing.T) {
	c := CountsFor(10_000)
	if got := c.Sections + c.Themes + c.People + c.Publications + c.News; got != 10_000 {
		t.Errorf("counts add up to %d", got)
	}
	if c.Themes != 199 || c.People != 1499 || c.News != 2498 {
		t.Errorf("CountsFor(10000) = %+v", c)
	}
}

func TestRefusals(t *testing.T) {
	if err := Write(t.TempDir(), MinFiles-1, Options{}); err == nil {
		t.Error("a site below MinFiles was written")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, MinFiles, Options{}); err == nil {
		t.Error("Write wrote into a folder that was not empty")
	}
}

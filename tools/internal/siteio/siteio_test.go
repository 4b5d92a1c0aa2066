package siteio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newSite(t *testing.T) (*Site, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func TestOpenNeedsAHugoSite(t *testing.T) {
	var se *SiteError
	if _, err := Open(t.TempDir()); !errors.As(err, &se) || !strings.Contains(err.Error(), "labtool new site") {
		t.Errorf("a folder without hugo.toml: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); !errors.As(err, &se) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("a missing folder: %v", err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "config", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err != nil {
		t.Errorf("a site configured in config/: %v", err)
	}
}

func TestWriteNeverOverwritesUnlessForced(t *testing.T) {
	s, dir := newSite(t)
	if err := s.Write("content/a.md", []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	var exists *ExistsError
	if err := s.Write("content/a.md", []byte("two"), false); !errors.As(err, &exists) {
		t.Errorf("second write: %v, want ExistsError", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "content/a.md")); string(got) != "one" {
		t.Errorf("file holds %q after a refused write", got)
	}
	if err := s.Write("content/a.md", []byte("two"), true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "content/a.md")); string(got) != "two" {
		t.Errorf("forced write left %q", got)
	}
}

// Every way of writing refuses a path outside the site, by name or
// through a symlink, and writes nothing there.
func TestEveryWriteStaysInside(t *testing.T) {
	s, dir := newSite(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	writes := map[string]func(rel string) error{
		"Write": func(rel string) error { return s.Write(rel, []byte("x"), true) },
		"WriteGenerated": func(rel string) error {
			_, err := s.WriteGenerated(rel, []byte("x"), true)
			return err
		},
		"Replace": func(rel string) error {
			return s.Replace(rel, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
		},
	}
	for name, write := range writes {
		for _, rel := range []string{"../x.md", "data/x.json", filepath.Join(outside, "x")} {
			if err := write(rel); err == nil || !strings.Contains(err.Error(), "outside the site") {
				t.Errorf("%s(%q): %v, want a refusal", name, rel, err)
			}
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote %d files outside the site", len(entries))
	}
}

func TestWriteGeneratedLeavesTheSameFileAlone(t *testing.T) {
	s, _ := newSite(t)
	if changed, err := s.WriteGenerated("schemas/a.json", []byte("{}"), false); err != nil || !changed {
		t.Fatalf("first write: %v, %v", changed, err)
	}
	if changed, err := s.WriteGenerated("schemas/a.json", []byte("{}"), false); err != nil || changed {
		t.Errorf("same content: changed %v, %v", changed, err)
	}
	var exists *ExistsError
	if _, err := s.WriteGenerated("schemas/a.json", []byte("[]"), false); !errors.As(err, &exists) {
		t.Errorf("different content without force: %v", err)
	}
}

// Replace keeps the old file when the writer fails.
func TestReplaceIsAtomic(t *testing.T) {
	s, dir := newSite(t)
	if err := s.Write("data/b.json", []byte("old"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace("data/b.json", func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("boom") }); err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "data/b.json")); string(got) != "old" {
		t.Errorf("file holds %q after a failed replace", got)
	}
}

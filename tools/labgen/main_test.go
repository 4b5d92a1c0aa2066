package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLabgenWritesASite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "40", "-out", out, "-theme", "../../theme"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "wrote " + out + ": 19 content files (5 section pages, 1 research themes, 5 people, 8 news) and 21 publications in references.bib, imported into data/publications.json\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
	theme, _ := filepath.Abs("../../theme")
	config, err := os.ReadFile(filepath.Join(out, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(config), "github.com/neuralml/labsite/theme -> "+theme) {
		t.Errorf("hugo.toml does not replace the theme with %s:\n%s", theme, config)
	}
	if _, err := os.Stat(filepath.Join(out, "data", "publications.json")); err != nil {
		t.Errorf("no data/publications.json: %v", err)
	}
	// The same arguments into a folder that now has the site: refused.
	if code := run([]string{"-n", "40", "-out", out, "-theme", "../../theme"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is not empty") {
		t.Errorf("second run: exit %d, %s", code, stderr.String())
	}
}

func TestLabgenUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"-n", "3", "-out", t.TempDir()}, {"-n", "x"}, {"-out", t.TempDir(), "extra"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("labgen %q: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
	// Without -theme, outside the repository's root: a clear usage error.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", filepath.Join(t.TempDir(), "s")}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "no ./theme folder here") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

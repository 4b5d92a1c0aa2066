package doctor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A theme in Go's module cache at the version go.mod requires, and
// settings split over config/_default/ in YAML, as Hugo reads them.
func TestThemeFromModuleCacheAndConfigDir(t *testing.T) {
	dir := writeSite(t, `
-- site/go.mod --
module mylab

go 1.26

require github.com/neuralml/labsite/theme v0.3.1 // indirect
-- site/config/_default/hugo.yaml --
title: Lab
Params:
  Labsite:
    Name: Lab
-- site/config/_default/markup.yaml --
goldmark:
  parser:
    wrapStandAloneImageWithinParagraph: false
    attribute:
      block: true
-- cache/github.com/neuralml/labsite/theme@v0.3.1/hugo.toml --
[module.hugoVersion]
  min = "0.158.0"
[params.labsite]
  name = ""
-- cache/github.com/neuralml/labsite/theme@v0.3.1/templates.sum --
page.html 2026-01-01 0000000000000000000000000000000000000000000000000000000000000000
`)
	env := map[string]string{"GOMODCACHE": filepath.Join(dir, "cache")}
	r, err := Site(filepath.Join(dir, "site"), Options{Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 0 {
		t.Errorf("findings: %+v", r.Findings)
	}
	if got := strings.Join(r.Checks, ", "); got != "Hugo version, Markdown settings, deprecated settings, overridden templates" {
		t.Errorf("checks: %s", got)
	}
	// Not downloaded yet: a clear error that says what to run.
	env["GOMODCACHE"] = t.TempDir()
	r, err = Site(filepath.Join(dir, "site"), Options{Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 || !strings.Contains(r.Findings[0].Message, "v0.3.1, which is not downloaded yet: run hugo mod get") {
		t.Errorf("findings: %+v", r.Findings)
	}
}

func TestSumsAddKeepsTemplatesTogether(t *testing.T) {
	s := Sums{{Path: "a.html", Date: "1"}, {Path: "b.html", Date: "1"}, {Path: "b.html", Date: "2"}, {Path: "d.html", Date: "1"}}
	s = s.Add(SumEntry{Path: "b.html", Date: "3"})
	s = s.Add(SumEntry{Path: "c.html", Date: "1"})
	s = s.Add(SumEntry{Path: "e.html", Date: "1"})
	var got []string
	for _, e := range s {
		got = append(got, e.Path+"@"+e.Date)
	}
	if want := "a.html@1 b.html@1 b.html@2 b.html@3 c.html@1 d.html@1 e.html@1"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
	if e, ok := s.Latest("b.html"); !ok || e.Date != "3" {
		t.Errorf("latest b.html: %+v", e)
	}
}

func TestHeaderValueNormalisedAsNetlify(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{"a ,b,  c", "a, b, c"},
		{"  x   y ", "x y"},
		{[]any{"a", "b c"}, "a, b c"},
	} {
		if got := headerValue(tc.in); got != tc.want {
			t.Errorf("headerValue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

package validate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitegen"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGeneratedSitesAreClean validates sites from the generator: they use
// every content type, references, figures, figrefs, cites and images, and
// must raise nothing.
func TestGeneratedSitesAreClean(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		dir := t.TempDir()
		if err := sitegen.Write(dir, 400, sitegen.Options{Seed: seed}); err != nil {
			t.Fatal(err)
		}
		r, err := Site(dir, Options{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if r.Files != 402 || len(r.Diagnostics) > 0 {
			var b bytes.Buffer
			_ = WriteText(&b, r, true)
			t.Errorf("seed %d:\n%s", seed, b.String())
		}
	}
}

// TestExampleSiteIsClean keeps the repository's own site valid.
func TestExampleSiteIsClean(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "exampleSite")
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		t.Skip("no exampleSite/content")
	}
	r, err := Site(dir, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Diagnostics) > 0 {
		var b bytes.Buffer
		_ = WriteText(&b, r, true)
		t.Errorf("exampleSite:\n%s", b.String())
	}
}

// TestGoldenJSON checks --format json against testdata/golden/report.json,
// for the site in testdata/golden/site, which breaks many rules. Run with
// -update to rewrite the golden file after a deliberate change.
func TestGoldenJSON(t *testing.T) {
	r, err := Site(filepath.Join("testdata", "golden", "site"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "report.json")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("JSON output differs from %s (run go test -update after a deliberate change):\n%s", golden, got.String())
	}
}

// TestEveryRuleIsScriptedAndDocumented checks that each rule has a
// testscript asserting one of its diagnostics and a section in the docs
// (docs/*.md), and that every diagnostic the docs show is the exact output
// of a script.
func TestEveryRuleIsScriptedAndDocumented(t *testing.T) {
	scripts := filepath.Join("..", "..", "testdata", "script")
	pages, _ := filepath.Glob(filepath.Join("..", "..", "..", "docs", "*.md"))
	var docs []byte
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b...)
	}
	// Any command's script may assert a diagnostic the docs show
	// (labtool check prints them in the same form).
	names, _ := filepath.Glob(filepath.Join(scripts, "*.txtar"))
	var all []byte
	for _, name := range names {
		b, _ := os.ReadFile(name)
		all = append(all, b...)
	}
	diagLine := regexp.MustCompile(`(?m)^\S+:\d+:\d+: (error|warning): .*\]$`)
	shown := diagLine.FindAll(docs, -1)
	if len(shown) < len(Rules) {
		t.Errorf("the docs show %d diagnostics, fewer than the %d rules", len(shown), len(Rules))
	}
	ids := map[string]bool{}
	for _, r := range Rules {
		ids[r.ID] = true
	}
	for _, line := range shown {
		// Diagnostics of other commands (labtool check) are not validate's.
		rule := line[bytes.LastIndexByte(line, '[')+1 : len(line)-1]
		if !ids[string(rule)] {
			continue
		}
		if !bytes.Contains(all, append(append([]byte("\n"), line...), '\n')) {
			t.Errorf("the docs show a diagnostic no script asserts:\n%s", line)
		}
	}
	for _, rule := range Rules {
		name := filepath.Join(scripts, "validate_"+strings.ReplaceAll(rule.ID, "-", "_")+".txtar")
		script, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("rule %s has no script: %v", rule.ID, err)
		} else if !regexp.MustCompile(`(?m)^\S+:\d+:\d+: (error|warning): .* \[` + regexp.QuoteMeta(rule.ID) + `\]$`).Match(script) {
			t.Errorf("%s asserts no [%s] diagnostic", name, rule.ID)
		}
		if !bytes.Contains(docs, []byte("### `"+rule.ID+"`")) || !bytes.Contains(docs, []byte("["+rule.ID+"]")) {
			t.Errorf("the docs have no section for rule %s with an example diagnostic", rule.ID)
		}
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Files: 42}, "no problems in 42 files"},
		{Report{Files: 1}, "no problems in 1 file"},
		{Report{Files: 42, Errors: 3, Warnings: 1}, "3 errors, 1 warning in 42 files"},
		{Report{Files: 2, Errors: 1}, "1 error in 2 files"},
		{Report{Files: 2, Warnings: 2}, "2 warnings in 2 files"},
	} {
		if got := tc.r.Summary(); got != tc.want {
			t.Errorf("Summary() = %q, want %q", got, tc.want)
		}
	}
}

func TestHugoDates(t *testing.T) {
	for s, want := range map[string]bool{
		"2026-01-05":                    true,
		"2026-01-05T09:30:00Z":          true,
		"2026-01-05T09:30:00.5+01:00":   true,
		"2026-01-05T09:30:00":           true,
		"2026-01-05 09:30:00":           true,
		"2026-01-05 09:30:00 +0100":     true,
		"Mon, 05 Jan 2026 09:30:00 GMT": true,
		"05 Jan 2026":                   true,
		"2026-02-30":                    false,
		"2026-1-5":                      false,
		"2026-01-05 09:30":              false,
		"5 March 2026":                  false,
		"05/01/2026":                    false,
	} {
		if got := hugoParsesDate(s); got != want {
			t.Errorf("hugoParsesDate(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"title", "color", "weight", "summary", "people", "linkTitle"}
	for word, want := range map[string]string{
		"colour": "color", "titel": "title", "Wieght": "weight", "linktitle": "linkTitle",
		"sponsor": "", "x": "", "peple": "people",
	} {
		if got := suggest(word, names); got != want {
			t.Errorf("suggest(%q) = %q, want %q", word, got, want)
		}
	}
}

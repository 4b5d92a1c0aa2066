// Package nuhtml runs the Nu Html Checker (vnu.jar, the W3C validator's
// engine, pinned in package.json) over every page of the built exampleSite,
// built with --minify as Netlify builds it.
package nuhtml

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/demolab"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/needs"
	"github.com/neuralml/labsite/tools/internal/testkit/npmtools"
)

// message is one finding of the checker, with its file relative to the
// checked folder.
type message struct {
	File    string
	Line    int
	Column  int
	Type    string
	Message string
	Extract string
}

func (m message) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", m.File, m.Line, m.Column, m.Message)
	if m.Extract != "" {
		s += fmt.Sprintf(" (in %q)", m.Extract)
	}
	return s
}

// check runs `vnu.jar --errors-only --skip-non-html` on dir and returns its
// messages sorted by file and place.
func check(t *testing.T, dir string) []message {
	t.Helper()
	jar := npmtools.Path(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		needs.Missing(t, "the Nu Html Checker needs Java 11 or later (apt-get install -y default-jre-headless): %v", err)
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it finds errors
	// The JSON report goes to stderr.
	var report struct {
		Messages []struct {
			Type        string `json:"type"`
			URL         string `json:"url"`
			LastLine    int    `json:"lastLine"`
			FirstColumn int    `json:"firstColumn"`
			Message     string `json:"message"`
			Extract     string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu.jar: %v; cannot read its report (%v):\n%s%s", runErr, err, stdout.String(), stderr.String())
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu.jar failed without a message: %v\n%s%s", runErr, stdout.String(), stderr.String())
	}
	var msgs []message
	for _, m := range report.Messages {
		file := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(dir, filepath.FromSlash(u.Path)); err == nil {
				file = filepath.ToSlash(rel)
			}
		}
		msgs = append(msgs, message{file, m.LastLine, m.FirstColumn, m.Type, m.Message, m.Extract})
	}
	slices.SortFunc(msgs, func(a, b message) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return msgs
}

// Every page of the exampleSite, as Netlify publishes it, is valid HTML.
func TestExampleSiteIsValidHTML(t *testing.T) {
	s := hugotest.Build(t, hugotest.ExampleSite, "--minify")
	pages := s.Pages(t)
	if len(pages) == 0 {
		t.Fatal("the exampleSite build has no HTML page")
	}
	for _, m := range check(t, s.Public) {
		t.Errorf("%s", m)
	}
	t.Logf("checked %d pages", len(pages))
}

// Every page of the fictional demo lab (tools/internal/testkit/demolab) is
// valid HTML: the team page with its alumni, the person pages, the
// publication pages from the .bib, their filters and the home page's
// selected publications.
func TestDemoLabIsValidHTML(t *testing.T) {
	s, err := demolab.Build(t, filepath.Join(t.TempDir(), "public"), "--minify")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range check(t, s.Public) {
		t.Errorf("%s", m)
	}
	t.Logf("checked %d pages", len(s.Pages(t)))
}

// The check can fail: a broken page gets its errors, with file and line.
func TestCheckReportsErrors(t *testing.T) {
	dir := t.TempDir()
	page := "<!doctype html>\n<html lang=\"en\">\n<head><title>x</title></head>\n<body>\n<p><div>block in p</p>\n<img src=\"x.png\">\n</body>\n</html>\n"
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "bad.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	// --skip-non-html leaves other files alone.
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("<p><div>"), 0o644); err != nil {
		t.Fatal(err)
	}
	msgs := check(t, dir)
	var imgAlt bool
	for _, m := range msgs {
		if m.File != "sub/bad.html" {
			t.Errorf("message for %q, want only sub/bad.html: %s", m.File, m)
		}
		if m.Line == 6 && strings.Contains(m.Message, "alt") {
			imgAlt = true
		}
	}
	if !imgAlt {
		t.Errorf("no error for the img without alt on line 6; got:\n%v", msgs)
	}
}

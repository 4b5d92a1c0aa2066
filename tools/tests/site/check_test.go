package site

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitecheck"
	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// TestExampleSiteHasNoBrokenReferences runs labtool check's checker on
// exampleSite built as Netlify builds it, at the domain's root and for a
// sub-path: every link, #fragment, image, stylesheet and feed leads
// somewhere, and every internal URL carries the base path.
func TestExampleSiteHasNoBrokenReferences(t *testing.T) {
	for _, tc := range []struct{ name, baseURL string }{
		{"root", ""},
		{"sub-path", "https://example.org/lab/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := exampleSite(t)
			if tc.baseURL != "" {
				site = hugotest.Build(t, hugotest.ExampleSite, "--gc", "--minify", "-b", tc.baseURL)
			}
			r, err := sitecheck.Check(site.Public, sitecheck.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.baseURL != "" && r.BaseURL != tc.baseURL {
				t.Errorf("checked against %s, want %s", r.BaseURL, tc.baseURL)
			}
			for _, p := range r.Problems {
				t.Errorf("%s:%d:%d: %s [%s]", p.Page, p.Line, p.Col, p.Message, p.Rule)
			}
			if r.Pages < 10 || r.References < 100 {
				t.Errorf("checked only %d pages and %d references", r.Pages, r.References)
			}
		})
	}
}

// TestMarkdownLinksCarryTheBasePath: a Markdown link written from the
// site's root ([research](/research/), [CV](/files/cv.pdf)) gets the base
// path of a site served from a sub-path, the page's URL for a page, and
// keeps its #fragment.
func TestMarkdownLinksCarryTheBasePath(t *testing.T) {
	site := hugotest.Build(t, hugotest.Fixture(t, `
-- content/_index.md --
---
title: Home
---
[Research](/research/), [a theme](/research/x/#methods), [CV](/files/cv.pdf), [elsewhere](https://example.com/a/), [here](#top).
-- content/research/_index.md --
---
title: Research
---
-- content/research/x.md --
---
title: X
color: "#538d5f"
weight: 10
---
## Methods
-- static/files/cv.pdf --
%PDF
`), "-b", "https://example.org/lab/")
	doc := site.Parse(t, "index.html")
	var got []string
	for _, p := range doc.Find(hugotest.Tag("p"))[:1] {
		for _, a := range p.Find(hugotest.Tag("a")) {
			href, _ := a.Attr("href")
			got = append(got, href)
		}
	}
	want := []string{"/lab/research/", "/lab/research/x/#methods", "/lab/files/cv.pdf", "https://example.com/a/", "#top"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("links %q, want %q", got, want)
	}
	r, err := sitecheck.Check(site.Public, sitecheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s [%s]", filepath.ToSlash(p.Page), p.Message, p.Rule)
	}
}

// TestGeneratedSiteHasNoBrokenReferences builds small sites from sitegen
// (the benchmarks' sites, with the Markdown settings that make figures),
// with publications as content files and from the .bib, and checks them:
// every figref finds its figure, every citation its entry, every link its
// page.
func TestGeneratedSiteHasNoBrokenReferences(t *testing.T) {
	for _, fromBib := range []bool{false, true} {
		t.Run(fmt.Sprintf("publications-from-bib=%v", fromBib), func(t *testing.T) {
			src := t.TempDir()
			if err := sitegen.Write(src, 120, sitegen.Options{Seed: 3, ThemePath: hugotest.ThemeDir, PublicationsFromBib: fromBib}); err != nil {
				t.Fatal(err)
			}
			site := hugotest.Build(t, src, "--minify")
			r, err := sitecheck.Check(site.Public, sitecheck.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range r.Problems {
				t.Errorf("%s:%d:%d: %s [%s]", p.Page, p.Line, p.Col, p.Message, p.Rule)
			}
			if r.Pages < 120 {
				t.Errorf("only %d pages", r.Pages)
			}
		})
	}
}

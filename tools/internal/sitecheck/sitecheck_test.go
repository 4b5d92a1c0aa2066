package sitecheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// writeSite writes a txtar archive of built files into a temp folder.
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

// summary lists problems as "page:line:col rule url".
func summary(r *Report) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s", p.Page, p.Line, p.Col, p.Rule, p.URL))
	}
	return out
}

const site = `
-- index.html --
<!doctype html><html><head>
<link rel=canonical href=https://lab.example/>
<link rel=stylesheet href=/css/main.css>
<link rel=stylesheet href=/css/gone.css>
<link rel=alternate type=application/rss+xml href=/index.xml>
<link rel=alternate type=application/rss+xml href=/news/index.xml>
<link rel=icon href=/favicon.svg>
<link rel=preconnect href=https://fonts.example>
</head><body>
<a href=#main>skip</a><main id=main>
<a href=research/>ok relative</a>
<a href=/research>ok folder without slash</a>
<a href=/reserch/>typo</a>
<a href=/research/#theme-1>ok fragment</a>
<a href=/research/#theme-9>missing fragment</a>
<a href=#nowhere>missing here</a>
<a href=#top>top</a>
<a href=#>empty</a>
<a href="https://lab.example/people/">own host, missing</a>
<a href="https://other.example/x/">other host</a>
<a href="mailto:a@lab.example">mail</a>
<a href="/files/cv%20final.pdf">encoded</a>
<img src=/img/a.png alt="">
<img src=img/missing.png alt="">
<img srcset="/img/a.png 1x, /img/a-2x.png 2x" src=/img/a.png alt="">
<picture><source srcset="/img/a.webp 480w,/img/b.webp 960w"><img src=/img/a.png alt=""></picture>
<svg><use href="#icon"></use><symbol id=icon></symbol></svg>
</main></body></html>
-- css/main.css --
-- index.xml --
-- favicon.svg --
-- img/a.png --
-- img/a-2x.png --
-- img/a.webp --
-- files/cv final.pdf --
-- research/index.html --
<!doctype html><html><body><h2 id=theme-1>One</h2><a href=../>home</a><a href=../index.html#main>home main</a></body></html>
`

func TestCheckFindsEveryKindOfProblem(t *testing.T) {
	dir := writeSite(t, site)
	r, err := Check(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.BaseURL != "https://lab.example/" {
		t.Errorf("base URL %q, want https://lab.example/ from the canonical link", r.BaseURL)
	}
	got := map[string]string{}
	for _, p := range r.Problems {
		got[p.URL] = p.Rule
		if p.Page != "index.html" {
			t.Errorf("problem on %s: %+v", p.Page, p)
		}
	}
	want := map[string]string{
		"/css/gone.css":               RuleStylesheet,
		"/news/index.xml":             RuleFeed,
		"/reserch/":                   RuleLink,
		"/research/#theme-9":          RuleFragment,
		"#nowhere":                    RuleFragment,
		"https://lab.example/people/": RuleLink,
		"img/missing.png":             RuleImage,
		"/img/b.webp":                 RuleSrcset,
		"/favicon.svg":                "",
	}
	for url, rule := range want {
		if got[url] != rule {
			t.Errorf("%s: rule %q, want %q", url, got[url], rule)
		}
	}
	if len(r.Problems) != len(want)-1 {
		t.Errorf("%d problems, want %d: %q", len(r.Problems), len(want)-1, summary(r))
	}
	for _, p := range r.Problems {
		if p.URL == "/reserch/" && p.Hint != "did you mean /research/?" {
			t.Errorf("typo's hint %q", p.Hint)
		}
		// Line and column point at the element's tag.
		line := strings.Split(strings.SplitN(site, "-- index.html --\n", 2)[1], "\n")[p.Line-1]
		if tag := line[p.Col-1:]; !strings.HasPrefix(tag, "<") || !strings.Contains(tag[:strings.IndexByte(tag, '>')], p.URL) {
			t.Errorf("%s at %d:%d, which is %q", p.URL, p.Line, p.Col, tag)
		}
	}
	if r.Pages != 2 {
		t.Errorf("%d pages, want 2", r.Pages)
	}
}

func TestCheckSubPath(t *testing.T) {
	dir := writeSite(t, `
-- index.html --
<link rel=canonical href=https://example.org/lab/><link rel=stylesheet href=/lab/main.css>
<a href=/lab/research/>ok</a><a href=/research/>forgot the base path</a><a href=research/>ok</a><a href=/lab>home</a><a href=../lab/>home</a>
-- main.css --
-- research/index.html --
<a href=../>up</a><a href=/lab/>home</a><a href=/lab/research/>self</a>
`)
	r, err := Check(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.BaseURL != "https://example.org/lab/" {
		t.Errorf("base URL %q", r.BaseURL)
	}
	if got := summary(r); !slices.Equal(got, []string{"index.html:2:30 base-path /research/"}) {
		t.Errorf("problems %q", got)
	}
	// Checked as if at the domain's root, every /lab/ link is broken.
	r, err = Check(dir, Options{BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 7 {
		t.Errorf("at the root: %q", summary(r))
	}
}

func TestDetectBaseURLMultilingual(t *testing.T) {
	dir := writeSite(t, `
-- index.html --
<!DOCTYPE html><html lang=en><head><title>https://example.org/lab/en/</title><link rel=canonical href=https://example.org/lab/en/><meta charset=utf-8><meta http-equiv=refresh content="0; url=https://example.org/lab/en/"></head></html>
-- en/index.html --
<a href=/lab/en/>home</a><a href=/lab/fr/>fr</a>
-- fr/index.html --
`)
	r, err := Check(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.BaseURL != "https://example.org/lab/" || len(r.Problems) != 0 {
		t.Errorf("base %q, problems %q", r.BaseURL, summary(r))
	}
}

func TestSrcsetURLs(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                     {},
		"a.png":                                {"a.png"},
		"a.png 1x, b.png 2x":                   {"a.png", "b.png"},
		"a.png 480w,b.png 960w":                {"a.png", "b.png"},
		" a,b.png 1x ,c.png":                   {"a,b.png", "c.png"},
		"a.png, b.png":                         {"a.png", "b.png"},
		"data:x 1x, img(1,2).png (x, y) 2x, c": {"data:x", "img(1,2).png", "c"},
	} {
		if got := srcsetURLs(in); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("srcsetURLs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNotASite(t *testing.T) {
	if _, err := Check(t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), "no index.html") {
		t.Errorf("empty folder: %v", err)
	}
}

func TestParseListMapsPagesToFiles(t *testing.T) {
	dir := writeSite(t, `
-- content/_index.md --
-- content/research/_index.md --
-- content/research/x.md --
-- content/posts/b/index.md --
`)
	out := `path,slug,title,date,expiryDate,publishDate,draft,permalink,kind,section
content/_index.md,,Home,,,,false,http://labtool.invalid/,home,
content/research/_index.md,,R,,,,false,http://labtool.invalid/research/,section,research
content/research/x.md,,X,,,,false,http://labtool.invalid/research/renamed/,page,research
content/posts/b/index.md,,B,,,,false,http://labtool.invalid/b.html,page,posts
publications/key,,From the .bib,,,,false,http://labtool.invalid/publications/key/,page,publications
`
	got, err := parseList([]byte(out), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html":                  "content/_index.md",
		"research/index.html":         "content/research/_index.md",
		"research/renamed/index.html": "content/research/x.md",
		"b.html":                      "content/posts/b/index.md",
	}
	if len(got) != len(want) {
		t.Errorf("got %q", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

func TestAttachSourcesFindsTheReference(t *testing.T) {
	dir := writeSite(t, `
-- content/_index.md --
---
title: Home
---
Read about [our résearch](/reserch/) and [us](/lab/pople/).
`)
	r := &Report{BaseURL: "https://example.org/lab/", Problems: []Problem{
		{Page: "index.html", URL: "/lab/reserch/"},
		{Page: "index.html", URL: "/lab/pople/"},
		{Page: "index.html", URL: "#ref-x"},
		{Page: "other/index.html", URL: "/x/"},
	}}
	AttachSources(r, dir, map[string]string{"index.html": "content/_index.md"})
	var got []string
	for _, p := range r.Problems {
		if p.Source == nil {
			got = append(got, "-")
			continue
		}
		got = append(got, fmt.Sprintf("%s:%d:%d", p.Source.Path, p.Source.Line, p.Source.Col))
	}
	want := []string{"content/_index.md:4:27", "content/_index.md:4:47", "content/_index.md:0:0", "-"}
	if !slices.Equal(got, want) {
		t.Errorf("sources %q, want %q", got, want)
	}
}

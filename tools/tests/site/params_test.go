package site

import (
	"crypto/md5"
	"fmt"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// A site sets the theme's params, overrides a hook partial and rewords a
// label, as the README says it can.
const customised = `
-- hugo.toml --
title = "Custom Lab"
baseURL = "https://lab.example/"
[params.labsite]
  name = "The Custom Lab"
  description = "We study custom things."
  logo = "images/logo.svg"
  phone = "+44 (0)117 123 4567"
  copyright = "Text under CC BY 4.0"
-- assets/images/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 40"></svg>
-- layouts/_partials/hooks/head-end.html --
<meta name="custom-hook" content="head-end">
-- layouts/_partials/hooks/body-end.html --
<p class="custom-body-end">Site-specific note.</p>
-- assets/css/custom.css --
.site-header__name { letter-spacing: 0.1em; }
-- i18n/en.toml --
figureLabel = "Fig. {{ .Number }} —"
-- assets/a.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>
-- content/page.md --
---
title: Page
---
{{< figure src="a.svg" alt="A" >}}Caption.{{< /figure >}}
`

func TestThemeParamsHooksAndLabels(t *testing.T) {
	t.Parallel()
	site := build(t, customised)
	doc := site.Parse(t, "page/index.html")
	text := doc.Find(hugotest.Tag("body"))[0].Text()

	if name := doc.Find(hugotest.Class("site-header__name")); len(name) != 1 || name[0].Text() != "The Custom Lab" {
		t.Errorf("header name = %v", texts(name))
	}
	logo := doc.Find(hugotest.Class("site-header__logo"))
	if len(logo) != 1 {
		t.Fatalf("want a header logo, got %d", len(logo))
	}
	if w, _ := logo[0].Attr("width"); w != "80" {
		t.Errorf("logo width = %q, want 80 (40 px high, from the viewBox)", w)
	}
	var tel bool
	for _, a := range doc.Find(hugotest.Tag("a")) {
		href, _ := a.Attr("href")
		tel = tel || href == "tel:+441171234567"
	}
	if !tel {
		t.Error("no tel: link for the phone number")
	}
	if c := doc.Find(hugotest.Class("site-footer__copyright")); len(c) != 1 || c[0].Text() != "Text under CC BY 4.0" {
		t.Errorf("copyright = %v", texts(c))
	}
	var hook bool
	for _, m := range doc.Find(hugotest.Tag("meta")) {
		if n, _ := m.Attr("name"); n == "custom-hook" {
			hook = true
		}
	}
	if !hook || !strings.Contains(text, "Site-specific note.") {
		t.Errorf("hook partials not used: head-end %v, body-end %v", hook, strings.Contains(text, "Site-specific note."))
	}
	if l := doc.Find(hugotest.Class("figure__label")); len(l) != 1 || l[0].Text() != "Fig. 1 —" {
		t.Errorf("figure label = %v, want the site's wording", texts(l))
	}
	// The lab's description stands in for pages without one.
	home := site.Parse(t, "index.html")
	var desc string
	for _, m := range home.Find(hugotest.Tag("meta")) {
		if n, _ := m.Attr("name"); n == "description" {
			desc, _ = m.Attr("content")
		}
	}
	if desc != "We study custom things." {
		t.Errorf("home description = %q", desc)
	}
}

// A site's assets/css/custom.css comes last in the one stylesheet, after
// the theme's rules and the research themes' colours, so it overrides them.
func TestCustomCSSComesLast(t *testing.T) {
	t.Parallel()
	site := build(t, customised)
	var href string
	for _, l := range site.Parse(t, "page/index.html").Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			href, _ = l.Attr("href")
		}
	}
	css := strings.TrimSpace(site.Read(t, strings.TrimPrefix(href, "/")))
	if !strings.HasSuffix(css, ".site-header__name{letter-spacing:.1em}") {
		t.Errorf("the stylesheet does not end with the site's custom.css rule:\n…%s", css[max(0, len(css)-200):])
	}
	if strings.Count(css, "letter-spacing:.1em") != 1 {
		t.Error("the custom rule appears more than once")
	}
}

// Under hugo server (the development environment) the stylesheet is left
// readable, with a source map, and is not fingerprinted; its link carries a
// hash of its content, so that a browser never reuses a cached copy after a
// change.
func TestDevelopmentStylesheetIsReadable(t *testing.T) {
	t.Parallel()
	site, err := hugotest.Run(t, hugotest.Fixture(t, researchIndex), "--environment", "development")
	if err != nil {
		t.Fatal(err)
	}
	var link hugotest.Element
	for _, l := range site.Parse(t, "research/index.html").Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			link = l
		}
	}
	if link.Node == nil {
		t.Fatal("no stylesheet")
	}
	if _, ok := link.Attr("integrity"); ok {
		t.Error("a development stylesheet has an integrity hash")
	}
	css := site.Read(t, "css/main.css")
	href, _ := link.Attr("href")
	if want := fmt.Sprintf("/css/main.css?v=%x", md5.Sum([]byte(css))); href != want {
		t.Errorf("stylesheet %q, want %s", href, want)
	}
	if strings.Count(css, "\n") < 100 || !strings.Contains(css, "sourceMappingURL=main.css.map") {
		t.Errorf("the development stylesheet is minified or has no source map (%d lines)", strings.Count(css, "\n"))
	}
	site.Read(t, "css/main.css.map")
}

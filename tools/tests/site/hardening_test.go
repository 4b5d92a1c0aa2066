package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// hostileBibliography holds entries that test the edges: a corporate
// author with "&", keys that anchorize alike, unsafe URLs and a DOI
// written as a link.
const hostileBibliography = `
-- data/bibliography.json --
[
  {"id": "jj2020", "type": "report", "title": "Care & <b>cure</b>", "author": [{"literal": "Johnson & Johnson"}], "issued": {"date-parts": [[2020]]}},
  {"id": "smith:2020", "type": "article-journal", "title": "Colon", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2020]]}, "URL": "javascript:alert(1)"},
  {"id": "smith2020", "type": "article-journal", "title": "Plain", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2021]]}, "DOI": "https://doi.org/10.1000/XYZ"},
  {"id": "Smith2020", "type": "article-journal", "title": "Capital", "author": [{"family": "Smyth"}], "issued": {"date-parts": [[2019]]}, "URL": " data:text/html,x"},
  {"id": "vb2018", "type": "article-journal", "title": "VB", "author": [{"family": "Basic"}], "issued": {"date-parts": [[2018]]}, "URL": "VBScript:msgbox(1)", "DOI": "doi:10.1000/vb"}
]
`

// A citation inside a masthead or a figure caption is escaped once: the
// reader sees "Johnson & Johnson", as in the page's text.
func TestCitationTextIsEscapedOnce(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+hostileBibliography+`
-- content/page.md --
---
title: Escaping
---
{{< masthead >}}Masthead {{< cite "jj2020" >}} and {{< figref "f" >}}.{{< /masthead >}}

{{< figure name="f" src="a.svg" alt="Plot" >}}(a) Caption {{< cite "jj2020" >}}.{{< /figure >}}

Body {{< cite "jj2020" >}}.
`)
	doc := site.Parse(t, "page/index.html")
	cites := doc.Find(hugotest.Class("cite"))
	if len(cites) != 3 {
		t.Fatalf("want 3 citations, got %d", len(cites))
	}
	for _, c := range cites {
		if c.Text() != "Johnson & Johnson 2020" {
			t.Errorf("citation reads %q, want %q", c.Text(), "Johnson & Johnson 2020")
		}
	}
	if raw := site.Read(t, "page/index.html"); strings.Contains(raw, "&amp;amp;") {
		t.Error("the page holds &amp;amp;: text escaped twice")
	}
}

// Panel labels are set in bold in the caption's text only: a "(a)" in an
// attribute (a link's title) is left as it is, and the markup stays whole.
func TestCaptionPanelLabelsOnlyInText(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Panels
---
{{< figure src="a.svg" alt="Plot" >}}(a) Left; see [the data](https://data.example "Data. (b) raw"). (b) Right: *done.* (c) Below.{{< /figure >}}
`)
	doc := site.Parse(t, "page/index.html")
	var panels []string
	for _, p := range doc.Find(hugotest.Class("figure__panel")) {
		panels = append(panels, p.Text())
	}
	if want := []string{"(a)", "(b)", "(c)"}; !slices.Equal(panels, want) {
		t.Errorf("panel labels %q, want %q", panels, want)
	}
	links := doc.Find(hugotest.Class("figure__caption"))[0].Find(hugotest.Tag("a"))
	if len(links) != 1 {
		t.Fatalf("want the caption's one link, got %d", len(links))
	}
	if title, _ := links[0].Attr("title"); title != "Data. (b) raw" {
		t.Errorf("link title %q, want %q", title, "Data. (b) raw")
	}
	if href, _ := links[0].Attr("href"); href != "https://data.example" {
		t.Errorf("link href %q", href)
	}
}

// No #ZgotmplZ ever reaches a page: a javascript:, data: or vbscript: URL
// in front matter, the bibliography or the site's params is left out, not
// printed as a dead link; a DOI written as a link is normalised.
func TestUnsafeURLsAreLeftOut(t *testing.T) {
	t.Parallel()
	site := build(t, hostileBibliography+`
-- hugo.toml --
title = "Lab"
baseURL = "https://lab.example/"
[params.labsite]
  social = [
    { name = "Evil", url = "javascript:alert(1)" },
    { name = "GitHub", url = "https://github.com/lab" },
  ]
  funders = [{ name = "Fund", url = "data:text/html,x" }]
-- content/people/pat.md --
---
title: Pat
website: "javascript:alert(1)"
themes: [no-such-theme]
---
-- content/people/sam.md --
---
title: Sam
website: " JavaScript:alert(1)"
email: sam@lab.example
---
-- content/news/n.md --
---
title: News
date: 2020-01-01
link: "vbscript:msgbox(1)"
---
-- content/page.md --
---
title: Cited
---
{{< cite "smith:2020" "smith2020" "Smith2020" "vb2018" >}}
`)
	for _, page := range site.Pages(t) {
		if strings.Contains(site.Read(t, page), "ZgotmplZ") {
			t.Errorf("%s holds #ZgotmplZ", page)
		}
	}
	for _, page := range site.Pages(t) {
		for _, a := range site.Parse(t, page).Find(hugotest.Tag("a")) {
			href, _ := a.Attr("href")
			if regexp.MustCompile(`(?i)^\s*(javascript|data|vbscript):`).MatchString(href) {
				t.Errorf("%s: link to %q", page, href)
			}
		}
	}
	if uls := site.Parse(t, "people/pat/index.html").Find(hugotest.Class("person__links")); len(uls) != 0 {
		t.Errorf("Pat's only link is unsafe, yet the page has a links list: %q", texts(uls))
	}
	if lists := site.Parse(t, "people/pat/index.html").Find(hugotest.Class("theme-list")); len(lists) != 0 {
		t.Errorf("Pat's only theme does not exist, yet the page has a themes list: %q", texts(lists))
	}
	if links := texts(site.Parse(t, "people/sam/index.html").Find(hugotest.Class("person__links"))); len(links) != 1 || links[0] != "E-mail" {
		t.Errorf("Sam's links = %q, want only E-mail", links)
	}
	home := site.Parse(t, "index.html")
	if social := texts(home.Find(hugotest.Class("site-footer__links"))); len(social) != 1 || social[0] != "GitHub" {
		t.Errorf("footer social links = %q, want only GitHub", social)
	}
	if n := len(home.Find(hugotest.Class("funders__item"))[0].Find(hugotest.Tag("a"))); n != 0 {
		t.Errorf("the funder with a data: URL is linked")
	}
	var dois []string
	for _, a := range site.Parse(t, "page/index.html").Find(hugotest.Class("reference__doi")) {
		href, _ := a.Attr("href")
		dois = append(dois, href)
	}
	slices.Sort(dois)
	if want := []string{"https://doi.org/10.1000/XYZ", "https://doi.org/10.1000/vb"}; !slices.Equal(dois, want) {
		t.Errorf("DOI links %q, want %q", dois, want)
	}
}

// Keys and theme files that anchorize alike still get distinct ids and
// classes, and each citation leads to its own entry.
func TestIDsStayDistinct(t *testing.T) {
	t.Parallel()
	site := build(t, hostileBibliography+`
-- content/research/_index.md --
---
title: Research
---
Cites {{< cite "smith:2020" "smith2020" "Smith2020" >}}.
-- content/research/foo.bar.md --
---
title: Dotted
color: "#112233"
weight: 1
---
-- content/research/foobar.md --
---
title: Plain
color: "#445566"
weight: 2
---
`)
	doc := site.Parse(t, "research/index.html")
	seen := map[string]bool{}
	for _, e := range hugotest.All(doc.Node, func(hugotest.Element) bool { return true }) {
		if id, ok := e.Attr("id"); ok {
			if seen[id] {
				t.Errorf("id %q appears twice", id)
			}
			seen[id] = true
		}
	}
	// Each citation leads to the entry of its own work.
	titles := map[string]string{}
	for _, li := range doc.Find(hugotest.Class("reference")) {
		id, _ := li.Attr("id")
		titles[id] = li.Find(hugotest.Class("reference__title"))[0].Text()
	}
	var got []string
	for _, a := range doc.Find(hugotest.Class("cite")) {
		href, _ := a.Attr("href")
		got = append(got, titles[strings.TrimPrefix(href, "#")])
	}
	if want := []string{"Colon.", "Plain.", "Capital."}; !slices.Equal(got, want) {
		t.Errorf("citations lead to %q, want %q", got, want)
	}
	// Each theme has its own class, with its own colour.
	classes := map[string]string{}
	for _, s := range doc.Find(hugotest.Class("research-theme")) {
		c, _ := s.Attr("class")
		classes[s.Find(hugotest.Tag("h2"))[0].Text()] = strings.TrimPrefix(strings.Fields(c)[1], "rt-")
	}
	if classes["Dotted"] == classes["Plain"] {
		t.Fatalf("both themes carry the class rt-%s", classes["Plain"])
	}
	colours := themeColours(t, site)
	for title, want := range map[string]string{"Dotted": "#112233", "Plain": "#445566"} {
		if got := colours[classes[title]]; got != want {
			t.Errorf("theme %s (rt-%s): colour %s, want %s", title, classes[title], got, want)
		}
	}
}

// A cite or figref that fails inside a masthead or a figure names its own
// line and column, not 1:1.
func TestNestedShortcodeErrorsNameTheirPosition(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ body, want string }{
		{"{{< masthead >}}\nWe study é {{< cite \"solo\" >}} and\n  {{< cite \"nosuch\" >}}.\n{{< /masthead >}}",
			`content/page.md:6:3: cite: no work with key "nosuch"`},
		{"{{< figure src=\"a.svg\" alt=\"A\" >}}(a) {{< figref \"nofig\" \"b\" >}}{{< /figure >}}",
			`content/page.md:4:39: figref "nofig": no figure named "nofig"`},
		{"Intro.\n\n{{< masthead >}}One {{< figref \"f\" >}}{{< /masthead >}}\n\n{{< figure name=\"f\" src=\"a.svg\" alt=\"A\" >}}See {{< cite \"jj2020\" >}}; {{< cite \"x\" >}}{{< /figure >}}",
			`content/page.md:8:71: cite: no work with key "x"`},
	} {
		t.Run(tc.want, func(t *testing.T) {
			t.Parallel()
			buildFails(t, figureAssets+hostileBibliography+fmt.Sprintf(`
-- content/page.md --
---
title: Page
---
%s
`, strings.ReplaceAll(tc.body, `"solo"`, `"jj2020"`)), tc.want)
		})
	}
}

// A work without author is listed title first, as APA does, and cited by
// the label labtool gave it; a work without date says n.d.
func TestReferenceWithoutAuthorOrYear(t *testing.T) {
	t.Parallel()
	site := build(t, `
-- data/bibliography.json --
[
  {"id": "noauthor", "type": "report", "title": "Annual report of the lab", "issued": {"date-parts": [[2020]]},
   "citation-label": "Annual report 2020", "custom": {"label-author": "Annual report", "label-year": "2020", "sort-key": "annual report 2020"}},
  {"id": "nodate", "type": "article-journal", "title": "Undated", "author": [{"family": "Smith", "given": "Ann"}]}
]
-- content/page.md --
---
title: Cited
---
{{< cite "noauthor" "nodate" >}}
`)
	doc := site.Parse(t, "page/index.html")
	if got := texts(doc.Find(hugotest.Class("cite"))); !slices.Equal(got, []string{"Annual report 2020", "Smith n.d."}) {
		t.Errorf("citations %q", got)
	}
	refs := texts(doc.Find(hugotest.Class("reference")))
	if want := []string{"Annual report of the lab. (2020).", "Smith, A. (n.d.). Undated."}; !slices.Equal(refs, want) {
		t.Errorf("references %q, want %q", refs, want)
	}
}

// Figure names that anchorize alike on one page get distinct ids, and each
// figref leads to its own figure.
func TestFigureIDsStayDistinct(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Figures
---
See {{< figref "a.b" >}} and {{< figref "ab" >}}.

{{< figure name="ab" src="a.svg" alt="A" >}}{{< /figure >}}

{{< figure name="a.b" src="b.svg" alt="B" >}}{{< /figure >}}
`)
	doc := site.Parse(t, "page/index.html")
	ids := map[string]string{}
	for _, f := range doc.Find(hugotest.Class("figure")) {
		id, _ := f.Attr("id")
		alt, _ := f.Find(hugotest.Tag("img"))[0].Attr("alt")
		if ids[id] != "" {
			t.Errorf("id %q used twice", id)
		}
		ids[id] = alt
	}
	var got []string
	for _, a := range doc.Find(hugotest.Class("figref")) {
		href, _ := a.Attr("href")
		got = append(got, a.Text()+" → "+ids[strings.TrimPrefix(href, "#")])
	}
	if want := []string{"Fig. 2 → B", "Fig. 1 → A"}; !slices.Equal(got, want) {
		t.Errorf("figrefs %q, want %q", got, want)
	}
}

// CSL-JSON from elsewhere (no labtool labels): a work without author is
// cited by its short title, else its title's first words, never by the
// whole title.
func TestForeignCSLWithoutAuthorIsCitedByTitleWords(t *testing.T) {
	t.Parallel()
	site := build(t, `
-- data/bibliography.json --
[
  {"id": "report", "type": "report", "title": "Annual report of the lab on learning and memory in mice", "issued": {"date-parts": [[2020]]}},
  {"id": "short", "type": "report", "title": "World health statistics 2021: monitoring health", "title-short": "WHS", "issued": {"date-parts": [[2021]]}}
]
-- content/page.md --
---
title: Cited
---
{{< cite "report" "short" >}}
`)
	got := texts(site.Parse(t, "page/index.html").Find(hugotest.Class("cite")))
	if want := []string{"Annual report 2020", "WHS 2021"}; !slices.Equal(got, want) {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// An unnamed figure's id is its number: a figure named "2" beside an
// unnamed figure 2 still gets an id of its own, and its figref leads to it.
func TestFigureNamedLikeANumberKeepsItsOwnID(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Figures
---
See {{< figref "2" >}}.

{{< figure name="2" src="a.svg" alt="A" >}}{{< /figure >}}

{{< figure src="b.svg" alt="B" >}}{{< /figure >}}
`)
	doc := site.Parse(t, "page/index.html")
	ids := map[string]string{}
	for _, f := range doc.Find(hugotest.Class("figure")) {
		id, _ := f.Attr("id")
		alt, _ := f.Find(hugotest.Tag("img"))[0].Attr("alt")
		if ids[id] != "" {
			t.Errorf("id %q used by figures %s and %s", id, ids[id], alt)
		}
		ids[id] = alt
	}
	if ids["fig-2"] != "B" {
		t.Errorf("the unnamed figure 2 is not fig-2: ids %v", ids)
	}
	refs := doc.Find(hugotest.Class("figref"))
	if len(refs) != 1 {
		t.Fatalf("%d figrefs, want 1", len(refs))
	}
	href, _ := refs[0].Attr("href")
	if got := ids[strings.TrimPrefix(href, "#")]; got != "A" || refs[0].Text() != "Fig. 1" {
		t.Errorf("figref %q → %q leads to figure %q, want Fig. 1 → A", refs[0].Text(), href, got)
	}
}

package site

import (
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

const figureAssets = `
-- assets/a.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>
-- assets/b.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 30 15"></svg>
-- assets/c.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"></svg>
`

// Figures number themselves in document order, whether written as the
// shortcode or as a Markdown image with a title; figrefs resolve before and
// after their figure, with or without a panel.
func TestFigureNumberingAndCrossReferences(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Figures
---
As {{< figref "second" "b" >}} shows, and before it {{< figref "first" >}}, learning is hard.

{{< figure name="first" src="a.svg" alt="First plot" title="The first." >}}(a) One. (b) Two.{{< /figure >}}

Then a Markdown figure:

![Second plot](b.svg "The second, in Markdown.")
{#second}

![Third plot](c.svg "An unnamed third.")

After them: {{< figref "first" "a" >}} and {{< figref "second" >}}.
`)
	doc := site.Parse(t, "page/index.html")
	figs := doc.Find(hugotest.Tag("figure"))
	if len(figs) != 3 {
		t.Fatalf("want 3 figures, got %d", len(figs))
	}
	wantIDs := []string{"fig-first", "fig-second", "fig-3"}
	wantCaps := []string{"Figure 1: The first. (a) One. (b) Two.", "Figure 2: The second, in Markdown.", "Figure 3: An unnamed third."}
	for i, f := range figs {
		if id, _ := f.Attr("id"); id != wantIDs[i] {
			t.Errorf("figure %d id = %q, want %q", i+1, id, wantIDs[i])
		}
		if c := f.Find(hugotest.Tag("figcaption")); len(c) != 1 || c[0].Text() != wantCaps[i] {
			t.Errorf("figure %d caption = %v, want %q", i+1, texts(c), wantCaps[i])
		}
	}
	// The SVG's size comes from width/height, else from its viewBox.
	if w, _ := figs[1].Find(hugotest.Tag("img"))[0].Attr("width"); w != "300" {
		t.Errorf("second figure width = %q, want 300", w)
	}
	if w, _ := figs[0].Find(hugotest.Tag("img"))[0].Attr("width"); w != "200" {
		t.Errorf("first figure width = %q, want 200 (from the viewBox)", w)
	}
	var refs []string
	for _, a := range doc.Find(hugotest.Class("figref")) {
		href, _ := a.Attr("href")
		refs = append(refs, a.Text()+" "+href)
	}
	want := []string{"Fig. 2b #fig-second", "Fig. 1 #fig-first", "Fig. 1a #fig-first", "Fig. 2 #fig-second"}
	if strings.Join(refs, ", ") != strings.Join(want, ", ") {
		t.Errorf("figrefs = %q, want %q", refs, want)
	}
}

// A figref inside a masthead or a caption (rendered as Markdown) still links.
func TestFigrefInsideMasthead(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Masthead
---
{{< masthead >}}Our view ({{< figref "main" "b" >}}).{{< /masthead >}}

{{< figure name="main" src="a.svg" alt="Plot" >}}See also {{< figref "main" "a" >}}.{{< /figure >}}
`)
	doc := site.Parse(t, "page/index.html")
	refs := doc.Find(hugotest.Class("figref"))
	if len(refs) != 2 {
		t.Fatalf("want 2 figrefs, got %d", len(refs))
	}
	for i, want := range []string{"Fig. 1b", "Fig. 1a"} {
		href, _ := refs[i].Attr("href")
		if refs[i].Text() != want || href != "#fig-main" {
			t.Errorf("figref %d = %q → %q", i, refs[i].Text(), href)
		}
	}
	if strings.Contains(site.Read(t, "page/index.html"), "raw HTML omitted") {
		t.Error("nested shortcode output was dropped as raw HTML")
	}
}

func TestUnknownFigrefFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, figureAssets+`
-- content/page.md --
---
title: Page
---
See {{< figref "missing" >}}.

{{< figure name="present" src="a.svg" alt="Plot" >}}{{< /figure >}}
`, `content/page.md:4:5: figref "missing": no figure named "missing" on this page`)
}

// Figures are numbered per page.
func TestFigureNumbersArePerPage(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/one.md --
---
title: One
---
{{< figure src="a.svg" alt="A" >}}{{< /figure >}}
-- content/two.md --
---
title: Two
---
{{< figure src="c.svg" alt="C" >}}{{< /figure >}}
`)
	for _, page := range []string{"one/index.html", "two/index.html"} {
		labels := site.Parse(t, page).Find(hugotest.Class("figure__label"))
		if len(labels) != 1 || labels[0].Text() != "Figure 1:" {
			t.Errorf("%s: labels %v", page, texts(labels))
		}
	}
}

// Research themes' bodies all appear on the research page, so their
// figures' ids carry the theme's slug and never collide there.
func TestResearchThemeFigureIDsAreUnique(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+researchIndex+`
-- content/research/one.md --
---
title: One
---
See {{< figref "plot" >}}.

{{< figure name="plot" src="a.svg" alt="One's plot" >}}{{< /figure >}}

{{< figure src="c.svg" alt="One's second" >}}{{< /figure >}}
-- content/research/two.md --
---
title: Two
---
{{< figure name="plot" src="a.svg" alt="Two's plot" >}}{{< /figure >}}

{{< figure src="c.svg" alt="Two's second" >}}{{< /figure >}}
`)
	doc := site.Parse(t, "research/index.html")
	seen := map[string]bool{}
	for _, el := range doc.Find(func(e hugotest.Element) bool { _, ok := e.Attr("id"); return ok }) {
		id, _ := el.Attr("id")
		if seen[id] {
			t.Errorf("id %q appears twice on the research page", id)
		}
		seen[id] = true
	}
	for _, id := range []string{"fig-one-plot", "fig-one-2", "fig-two-plot", "fig-two-2"} {
		if !seen[id] {
			t.Errorf("no figure with id %q", id)
		}
	}
	ref := doc.Find(hugotest.Class("figref"))
	if len(ref) != 1 {
		t.Fatalf("want 1 figref, got %d", len(ref))
	}
	if href, _ := ref[0].Attr("href"); href != "#fig-one-plot" || ref[0].Text() != "Fig. 1" {
		t.Errorf("figref = %q → %q", ref[0].Text(), href)
	}
}

// A figure takes its caption from caption=, as Hugo's own figure does,
// when it has no inner text; the inner text wins over it.
func TestFigureCaptionParam(t *testing.T) {
	t.Parallel()
	site := build(t, figureAssets+`
-- content/page.md --
---
title: Figures
---
{{< figure src="a.svg" alt="First plot" caption="The *whole* caption." />}}

{{< figure src="b.svg" alt="Second plot" caption="Not this one." >}}The inner one.{{< /figure >}}
`)
	figs := site.Parse(t, "page/index.html").Find(hugotest.Tag("figure"))
	if len(figs) != 2 {
		t.Fatalf("want 2 figures, got %d", len(figs))
	}
	for i, want := range []string{"Figure 1: The whole caption.", "Figure 2: The inner one."} {
		if c := figs[i].Find(hugotest.Tag("figcaption")); len(c) != 1 || c[0].Text() != want {
			t.Errorf("figure %d caption = %v, want %q", i+1, texts(c), want)
		}
	}
	if len(figs[0].Find(hugotest.Tag("em"))) != 1 {
		t.Error("the caption's Markdown is not rendered: no <em>")
	}
}

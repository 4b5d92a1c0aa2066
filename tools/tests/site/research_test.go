package site

import (
	"crypto/sha512"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// The seed's research themes, in the order the page must show them.
var seedThemes = []struct{ slug, title, color string }{
	{"cortical-circuits", "Cortical circuits for efficient credit assignment", "#919191"},
	{"neuromodulation", "Neuromodulation of cortical credit assignment", "#C97B33"},
	{"subcortical", "Subcortical regions as facilitators of cortical credit assignment", "#538D5F"},
}

func TestResearchPageTitleAndMasthead(t *testing.T) {
	t.Parallel()
	doc := exampleSite(t).Parse(t, "research/index.html")
	h1 := doc.Find(hugotest.Tag("h1"))
	if len(h1) != 1 || h1[0].Text() != "Brain-wide credit assignment" {
		t.Fatalf("want one h1 \"Brain-wide credit assignment\", got %d: %v", len(h1), texts(h1))
	}
	mastheads := doc.Find(hugotest.Class("masthead"))
	if len(mastheads) != 1 {
		t.Fatalf("want one masthead, got %d", len(mastheads))
	}
	paras := mastheads[0].Find(hugotest.Tag("p"))
	if len(paras) != 2 {
		t.Fatalf("want the seed's two masthead paragraphs, got %d", len(paras))
	}
	// The seed's text, verbatim, with its citations and figure references
	// now rendered by the cite and figref shortcodes.
	for _, want := range []string{
		"We are at an exciting turning point in neuroscience. New technologies now allow us to measure and control neural activity and behaviour with unprecedented detail (Landhuis 2017; Lauer et al. 2021).",
		"At the same time new theoretical frameworks are starting to reveal how rich behaviours arise from synaptic, circuit and systems computations (Richards et al. 2019).",
		"In our group we are contributing directly to the latter by aiming to understand how animals learn. To this end we are developing a new generation of computational models of brain function inspired by machine learning.",
	} {
		if !strings.Contains(paras[0].Text(), want) {
			t.Errorf("first masthead paragraph lacks %q:\n%s", want, paras[0].Text())
		}
	}
	for _, want := range []string{
		"We focus on understanding how a given behavioural outcome ultimately leads to credit being assigned to trillions of synapses across multiple brain areas – credit assignment problem (Fig. 1a).",
		"We believe that in order to have an unified understanding of how we learn to produce adaptible behaviours it is important to jointly study the contribution of (at least) three different systems (Fig. 1b): (i) cortical circuits, (ii) neuromodulation and (iii) subcortical facilitation.",
	} {
		if !strings.Contains(paras[1].Text(), want) {
			t.Errorf("second masthead paragraph lacks %q:\n%s", want, paras[1].Text())
		}
	}
	// Masthead links: the figrefs point at Figure 1, the citations at the
	// reference list.
	var hrefs []string
	for _, a := range mastheads[0].Find(hugotest.Tag("a")) {
		href, _ := a.Attr("href")
		hrefs = append(hrefs, href)
	}
	want := []string{"#ref-landhuis2017", "#ref-lauer2021", "#ref-richards2019", "#fig-brainwide", "#fig-brainwide"}
	if strings.Join(hrefs, " ") != strings.Join(want, " ") {
		t.Errorf("masthead links = %v, want %v", hrefs, want)
	}
}

func TestResearchPageFigure(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	doc := site.Parse(t, "research/index.html")
	figures := doc.Find(hugotest.Tag("figure"))
	if len(figures) != 1 {
		t.Fatalf("want 1 figure, got %d", len(figures))
	}
	fig := figures[0]
	if id, _ := fig.Attr("id"); id != "fig-brainwide" {
		t.Errorf("figure id = %q, want fig-brainwide", id)
	}
	imgs := fig.Find(hugotest.Tag("img"))
	if len(imgs) != 1 {
		t.Fatalf("want 1 img in the figure, got %d", len(imgs))
	}
	alt, _ := imgs[0].Attr("alt")
	if len(alt) < 40 || !strings.Contains(alt, "Panel a") || !strings.Contains(alt, "Panel b") {
		t.Errorf("figure alt text should describe both panels, got %q", alt)
	}
	src, _ := imgs[0].Attr("src")
	if !strings.HasSuffix(src, ".svg") {
		t.Errorf("figure src = %q, want the SVG served as is", src)
	}
	svg := site.Read(t, strings.TrimPrefix(src, "/"))
	if !strings.Contains(svg, "<svg") {
		t.Errorf("%s is not an SVG", src)
	}
	for _, attr := range []string{"width", "height"} {
		if v, ok := imgs[0].Attr(attr); !ok || v == "0" {
			t.Errorf("figure img lacks %s (layout shift)", attr)
		}
	}
	caps := fig.Find(hugotest.Tag("figcaption"))
	if len(caps) != 1 {
		t.Fatalf("want 1 figcaption, got %d", len(caps))
	}
	caption := caps[0].Text()
	if !strings.HasPrefix(caption, "Figure 1: Three key dimensions for credit assignment in the cortex. (a) Learning requires the sensory stimuli to be associated with specific behaviours.") {
		t.Errorf("caption = %q", caption)
	}
	if !strings.Contains(caption, "(b) We propose that it is critical to jointly study how (i) neocortical circuits (gray), (ii) subcortical systems (green) and (iii) neuromodulation (orange) shape credit assignment") {
		t.Errorf("caption lacks panel (b)'s text: %q", caption)
	}
	// Panel labels are bold and only (a), (b): not the roman (i).
	var panels []string
	for _, p := range caps[0].Find(hugotest.Class("figure__panel")) {
		if len(p.Find(hugotest.Tag("b"))) != 1 {
			t.Errorf("panel label %q is not bold", p.Text())
		}
		panels = append(panels, p.Text())
	}
	if strings.Join(panels, " ") != "(a) (b)" {
		t.Errorf("panel labels = %v, want (a) (b)", panels)
	}
	if labels := caps[0].Find(hugotest.Class("figure__label")); len(labels) != 1 || labels[0].Data != "strong" {
		t.Errorf("the Figure 1: label must be bold (strong)")
	}
}

func TestResearchThemesInOrderAndLinked(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	doc := site.Parse(t, "research/index.html")
	sections := doc.Find(hugotest.Class("research-theme"))
	if len(sections) != len(seedThemes) {
		t.Fatalf("want %d research-theme sections, got %d", len(seedThemes), len(sections))
	}
	for i, want := range seedThemes {
		sec := sections[i]
		if id, _ := sec.Attr("id"); id != want.slug {
			t.Errorf("section %d id = %q, want %q", i, id, want.slug)
		}
		if !sec.HasClass("rt-" + want.slug) {
			t.Errorf("section %q lacks its colour class rt-%s", want.slug, want.slug)
		}
		h2 := sec.Find(hugotest.Tag("h2"))
		if len(h2) != 1 || h2[0].Text() != want.title {
			t.Errorf("section %d heading = %v, want %q", i, texts(h2), want.title)
			continue
		}
		links := h2[0].Find(hugotest.Tag("a"))
		if len(links) != 1 {
			t.Errorf("heading %q does not link to its page", want.title)
			continue
		}
		href, _ := links[0].Attr("href")
		if href != "/research/"+want.slug+"/" {
			t.Errorf("heading %q links to %q", want.title, href)
		}
		page := site.Parse(t, "research/"+want.slug+"/index.html")
		if h1 := page.Find(hugotest.Tag("h1")); len(h1) != 1 || h1[0].Text() != want.title {
			t.Errorf("%s: h1 = %v, want %q", href, texts(h1), want.title)
		}
		if len(page.Find(hugotest.Class("rt-"+want.slug))) == 0 {
			t.Errorf("%s does not carry its colour class", href)
		}
		body := sec.Find(hugotest.Class("research-theme__body"))
		if len(body) != 1 || len(body[0].Text()) < 100 {
			t.Errorf("section %q has no body", want.slug)
		}
	}
}

func TestResearchThemeColoursInStylesheet(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	css := stylesheet(t, site)
	white, _ := model.ParseHex(model.LightBackground)
	dark, _ := model.ParseHex(model.DarkBackground)
	for _, th := range seedThemes {
		c, err := model.ParseHex(th.color)
		if err != nil {
			t.Fatal(err)
		}
		light := regexp.MustCompile(`\.rt-` + th.slug + `\{--accent:\s*` + c.Hex() + `;--accent-text:\s*` + model.ReadableOn(c, white).Hex() + `\}`)
		if !light.MatchString(css) {
			t.Errorf("stylesheet lacks %s's colours (accent %s, text %s)", th.slug, c.Hex(), model.ReadableOn(c, white).Hex())
		}
		darkRule := regexp.MustCompile(`\.rt-` + th.slug + `\{--accent-text:\s*` + model.ReadableOn(c, dark).Hex() + `\}`)
		if !darkRule.MatchString(css) {
			t.Errorf("stylesheet lacks %s's dark-mode text colour %s", th.slug, model.ReadableOn(c, dark).Hex())
		}
	}
	// The grey is 3.15:1 on white: its heading text must be a darker shade.
	if model.ReadableOn(model.RGB{R: 0x91, G: 0x91, B: 0x91}, white).Hex() == "#919191" {
		t.Fatal("the grey heading would not reach 4.5:1")
	}
}

func TestStylesheetIsFingerprintedWithIntegrity(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	for _, page := range site.Pages(t) {
		doc := site.Parse(t, page)
		var sheets []hugotest.Element
		for _, l := range doc.Find(hugotest.Tag("link")) {
			if rel, _ := l.Attr("rel"); rel == "stylesheet" {
				sheets = append(sheets, l)
			}
		}
		if len(sheets) != 1 {
			t.Errorf("%s: want exactly one stylesheet, got %d", page, len(sheets))
			continue
		}
		href, _ := sheets[0].Attr("href")
		integrity, ok := sheets[0].Attr("integrity")
		if !ok || !strings.HasPrefix(integrity, "sha384-") {
			t.Errorf("%s: stylesheet %s has no sha384 integrity", page, href)
			continue
		}
		sum := sha512.Sum384([]byte(site.Read(t, strings.TrimPrefix(href, "/"))))
		if want := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); integrity != want {
			t.Errorf("%s: integrity %s does not match the file (%s)", page, integrity, want)
		}
		if !regexp.MustCompile(`^/css/main\.[0-9a-f]{32,}\.css$`).MatchString(href) {
			t.Errorf("%s: stylesheet %s is not fingerprinted under /css/", page, href)
		}
	}
}

func TestFooter(t *testing.T) {
	t.Parallel()
	doc := exampleSite(t).Parse(t, "research/index.html")
	footers := doc.Find(hugotest.Tag("footer"))
	if len(footers) != 1 {
		t.Fatalf("want one footer, got %d", len(footers))
	}
	f := footers[0]
	text := f.Text()
	for _, want := range []string{"Neural & ML Group", "Computational Neuroscience Unit", "University of Bristol", "neuralml@example.org", "GitHub"} {
		if !strings.Contains(text, want) {
			t.Errorf("footer lacks %q: %s", want, text)
		}
	}
	var mail, social bool
	for _, a := range f.Find(hugotest.Tag("a")) {
		href, _ := a.Attr("href")
		mail = mail || href == "mailto:neuralml@example.org"
		social = social || href == "https://github.com/neuralml"
	}
	if !mail || !social {
		t.Errorf("footer links: mailto %v, GitHub %v", mail, social)
	}
	logos := f.Find(hugotest.Class("funders__logo"))
	if len(logos) != 2 {
		t.Fatalf("want 2 funder logos, got %d", len(logos))
	}
	for _, img := range logos {
		if alt, _ := img.Attr("alt"); alt == "" {
			t.Errorf("funder logo without alt text")
		}
	}
}

func TestMenuMarksCurrentSection(t *testing.T) {
	t.Parallel()
	doc := exampleSite(t).Parse(t, "research/neuromodulation/index.html")
	var active []string
	for _, a := range doc.Find(hugotest.Class("site-menu__link")) {
		if a.HasClass("is-active") {
			active = append(active, a.Text())
		}
	}
	if strings.Join(active, ",") != "Research" {
		t.Errorf("active menu entries on a research theme page = %v, want [Research]", active)
	}
}

func TestNotFoundPage(t *testing.T) {
	t.Parallel()
	doc := exampleSite(t).Parse(t, "404.html")
	if h1 := doc.Find(hugotest.Tag("h1")); len(h1) != 1 || h1[0].Text() != "Page not found" {
		t.Errorf("404 h1 = %v", texts(h1))
	}
}

func texts(els []hugotest.Element) []string {
	var out []string
	for _, e := range els {
		out = append(out, e.Text())
	}
	return out
}

// stylesheet returns the built site's one stylesheet.
func stylesheet(t *testing.T, site *hugotest.Site) string {
	t.Helper()
	for _, l := range site.Parse(t, "index.html").Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			href, _ := l.Attr("href")
			return site.Read(t, strings.TrimPrefix(href, "/"))
		}
	}
	t.Fatal("no stylesheet")
	return ""
}

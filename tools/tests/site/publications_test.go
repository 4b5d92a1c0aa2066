package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/testkit/demolab"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

var (
	demoOnce sync.Once
	demo     *hugotest.Site
	demoErr  error
)

// demoLab builds the fictional demo lab (tools/internal/testkit/demolab)
// once for the package.
func demoLab(t *testing.T) *hugotest.Site {
	t.Helper()
	demoOnce.Do(func() {
		demo, demoErr = demolab.Build(t, filepath.Join(buildDir, "demolab"))
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demo
}

func meta(doc *hugotest.Doc, name string) []string {
	var out []string
	for _, m := range doc.Find(hugotest.Tag("meta")) {
		if n, _ := m.Attr("name"); n == name {
			c, _ := m.Attr("content")
			out = append(out, c)
		}
	}
	return out
}

func TestPublicationPageFromBibTeX(t *testing.T) {
	site := demoLab(t)
	doc := site.Parse(t, "publications/lovelace2024engines/index.html")
	main := doc.Find(hugotest.Tag("main"))[0]
	text := main.Text()
	for _, want := range []string{
		"Analytical engines as models of working memory",
		"Ada Lovélace, José Núñez and G. M. Hopper", // as the paper writes it; "Hopper, G. M." is one of Grace's names
		"Journal of Imaginary Memory, 12(3), 101–118",
		"March 2024", "Journal articles", "10.5555/jim.2024.101", "Best paper",
		"We ask whether a machine that weaves numbers can hold them in mind.",
		"Engines of memory", // the theme names the paper in its publications field
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
	// Members are linked and emphasised; others are not.
	var members []string
	for _, a := range main.Find(hugotest.Class("publication__member")) {
		href, _ := a.Attr("href")
		members = append(members, a.Text()+"="+href)
	}
	if want := []string{"Ada Lovélace=/people/ada-lovelace/", "José Núñez=/people/jose-nunez/", "G. M. Hopper=/people/grace-hopper/"}; !slices.Equal(members, want) {
		t.Errorf("member links = %v, want %v", members, want)
	}
	// The links: DOI (from a https://doi.org/ URL in the .bib), PDF, code.
	var links []string
	for _, a := range main.Find(hugotest.Class("publication__link")) {
		href, _ := a.Attr("href")
		links = append(links, a.Text()+"="+href)
	}
	if want := []string{"PDF=https://lovelace-lab.example.org/papers/lovelace2024.pdf", "Code=https://example.org/lovelace-lab/engines"}; !slices.Equal(links, want) {
		t.Errorf("links = %v, want %v", links, want)
	}
	// An arXiv eprint is linked as arXiv.
	pre := site.Parse(t, "publications/hopper2026compilers/index.html")
	var preLinks []string
	for _, a := range pre.Find(hugotest.Class("publication__link")) {
		href, _ := a.Attr("href")
		preLinks = append(preLinks, a.Text()+"="+href)
	}
	if want := []string{"arXiv=https://arxiv.org/abs/2601.00001"}; !slices.Equal(preLinks, want) {
		t.Errorf("preprint links = %v, want %v", preLinks, want)
	}
	// The Cite block holds the entry without al-folio's display fields, and
	// so does cite.bib.
	cite := main.Find(hugotest.Class("publication__bibtex"))[0].Text()
	bib := site.Read(t, "publications/lovelace2024engines/cite.bib")
	for _, s := range []string{cite, bib} {
		if !strings.HasPrefix(s, "@article{lovelace2024engines,") || !strings.Contains(s, `= {Lov{\'e}lace, Ada and`) {
			t.Errorf("BibTeX = %s", s)
		}
		for _, gone := range []string{"selected", "pdf", "bibtex_show", "abbr", "abstract", "award"} {
			if strings.Contains(s, gone+" ") {
				t.Errorf("BibTeX keeps %s: %s", gone, s)
			}
		}
	}
}

func TestPublicationScholarMeta(t *testing.T) {
	doc := demoLab(t).Parse(t, "publications/lovelace2024engines/index.html")
	want := map[string][]string{
		"citation_title":            {"Analytical engines as models of working memory"},
		"citation_author":           {"Lovélace, Ada", "Núñez, José", "Hopper, G. M."},
		"citation_publication_date": {"2024/03"},
		"citation_journal_title":    {"Journal of Imaginary Memory"},
		"citation_volume":           {"12"},
		"citation_issue":            {"3"},
		"citation_firstpage":        {"101"},
		"citation_lastpage":         {"118"},
		"citation_doi":              {"10.5555/jim.2024.101"},
		"citation_pdf_url":          {"https://lovelace-lab.example.org/papers/lovelace2024.pdf"},
	}
	for name, values := range want {
		if got := meta(doc, name); !slices.Equal(got, values) {
			t.Errorf("%s = %q, want %q", name, got, values)
		}
	}
	var ld string
	for _, s := range doc.Find(hugotest.Tag("script")) {
		if typ, _ := s.Attr("type"); typ == "application/ld+json" {
			ld = s.Text()
		}
	}
	for _, want := range []string{`"@type":"ScholarlyArticle"`, `"headline":"Analytical engines as models of working memory"`, `"datePublished":"2024-03"`, `"sameAs":"https://doi.org/10.5555/jim.2024.101"`, `"url":"https://lovelace-lab.example.org/people/ada-lovelace/"`} {
		if !strings.Contains(ld, want) {
			t.Errorf("JSON-LD lacks %s: %s", want, ld)
		}
	}
	// A conference paper names its conference.
	conf := demoLab(t).Parse(t, "publications/nunez2025cards/index.html")
	if got := meta(conf, "citation_conference_title"); !slices.Equal(got, []string{"ICL 2025"}) {
		t.Errorf("citation_conference_title = %q", got)
	}
}

func TestHandWrittenPublicationPageExtendsEntry(t *testing.T) {
	site := demoLab(t)
	doc := site.Parse(t, "publications/nunez2025cards/index.html")
	text := doc.Find(hugotest.Tag("main"))[0].Text()
	for _, want := range []string{
		"Punched cards for continual learning",     // from the .bib
		"José Núñez, Ada Lovelace and Petra Quill", // from the .bib
		"ICL 2025", // the page overrides the venue
		"What we learnt from a box of punched cards.", // the page's body
		"Continual learning",                          // the page's theme
		"Slides", "Blog post",                         // the .bib's link and the page's
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the hand-written page lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(doc.Find(hugotest.Class("publication__facts"))[0].Text(), "Proceedings of the Imaginary Conference") {
		t.Error("the .bib's venue shows, though the page overrides it")
	}
	if !strings.Contains(site.Read(t, "publications/nunez2025cards/cite.bib"), "@inproceedings{nunez2025cards,") {
		t.Error("the hand-written page has no cite.bib")
	}
	if got := strings.Count(site.Read(t, "publications/index.html"), `href="/publications/nunez2025cards/"`); got != 2 {
		t.Errorf("the list links the paper %d times, want 2 (featured, and its year)", got)
	}
}

func TestPublicationsListYearsFiltersAndFeed(t *testing.T) {
	site := demoLab(t)
	doc := site.Parse(t, "publications/index.html")
	var heads []string
	for _, h := range doc.Find(hugotest.Tag("h2")) {
		heads = append(heads, h.Text())
	}
	if want := "Featured|2026 (1 publication)|2025 (1 publication)|2024 (1 publication)"; !strings.HasPrefix(strings.Join(heads, "|"), want) {
		t.Errorf("headings = %q, want them to start %q", heads, want)
	}
	var filters []string
	for _, a := range doc.Find(hugotest.Class("publication-filters__link")) {
		href, _ := a.Attr("href")
		filters = append(filters, a.Text()+"="+href)
	}
	want := []string{
		"Journal articles (1)=/publications/types/article/",
		"Preprints (1)=/publications/types/preprint/",
		"Conference papers (1)=/publications/types/conference/",
		"Engines of memory (1)=/publications/themes/memory/",
		"Continual learning (1)=/publications/themes/learning/",
	}
	slices.Sort(want)
	slices.Sort(filters)
	if !slices.Equal(filters, want) {
		t.Errorf("filters = %q, want %q", filters, want)
	}
	titles := func(rel string) []string {
		var out []string
		for _, a := range site.Parse(t, rel).Find(hugotest.Class("publication__title")) {
			out = append(out, a.Text())
		}
		return out
	}
	if got := titles("publications/types/preprint/index.html"); !slices.Equal(got, []string{"Compilers in the cortex"}) {
		t.Errorf("preprints = %q", got)
	}
	if got := titles("publications/themes/memory/index.html"); !slices.Equal(got, []string{"Analytical engines as models of working memory"}) {
		t.Errorf("memory = %q", got)
	}
	if got := titles("index.html"); !slices.Equal(got, []string{"Punched cards for continual learning", "Analytical engines as models of working memory"}) {
		t.Errorf("home page's selected publications = %q", got)
	}
	rss := site.Read(t, "publications/index.xml")
	if n := strings.Count(rss, "<item>"); n != 3 || !strings.Contains(rss, "<title>Compilers in the cortex</title>") {
		t.Errorf("feed has %d items:\n%s", n, rss)
	}
}

// exampleSite's publications are the lab's works in its references.bib:
// Richards et al. 2019, never Landhuis 2017 or Lauer et al. 2021, which
// the research page only cites.
func TestExampleSitePublicationsAreTheLabs(t *testing.T) {
	site := exampleSite(t)
	for _, cited := range []string{"landhuis2017", "lauer2021"} {
		if _, err := os.Stat(filepath.Join(site.Public, "publications", cited)); err == nil {
			t.Errorf("exampleSite has a publication page for %s, which it only cites", cited)
		}
	}
	list := site.Read(t, "publications/index.html")
	if strings.Contains(list, "Landhuis") || !strings.Contains(list, "A deep learning framework for neuroscience") {
		t.Errorf("publications list:\n%s", list)
	}
	pubs, err := importer.ReadPublications(hugotest.ExampleSite)
	if err != nil || pubs == nil || len(pubs.Publications) != 1 || pubs.Publications[0].Key != "richards2019" {
		t.Fatalf("exampleSite/data/publications.json: %+v, %v", pubs, err)
	}
}

// A page made with labtool new publication --author "Lovelace, Ada" shows
// "Ada Lovelace": the names are joined as a reference joins them, never run
// together, and Google Scholar gets "Family, Given" for each.
func TestHandWrittenAuthorsAreShownGivenNameFirst(t *testing.T) {
	site := build(t, `
-- content/people/ada.md --
---
title: Ada Lovelace
role: pi
---
-- content/publications/_index.md --
---
title: Publications
---
-- content/publications/engines.md --
---
title: Engines
authors: ["Lovelace, Ada", "Charles Babbage", "Mary Somerville"]
date: 2026-01-02
people: [ada]
---
`)
	doc := site.Parse(t, "publications/engines/index.html")
	if got := doc.Find(hugotest.Class("publication__authors"))[0].Text(); got != "Ada Lovelace, Charles Babbage and Mary Somerville" {
		t.Errorf("authors = %q", got)
	}
	if got := meta(doc, "citation_author"); !slices.Equal(got, []string{"Lovelace, Ada", "Babbage, Charles", "Somerville, Mary"}) {
		t.Errorf("citation_author = %q", got)
	}
	if got := doc.Find(hugotest.Class("publication__member")); len(got) != 1 || got[0].Text() != "Ada Lovelace" {
		t.Errorf("member links = %v", got)
	}
}

// The page Hugo writes at /publications/page/1/ (and at any alias) is the
// theme's: a language, a title and the site's icon, so that the browser
// does not ask for a /favicon.ico the site lacks.
func TestAliasPageIsThemed(t *testing.T) {
	doc := demoLab(t).Parse(t, "publications/page/1/index.html")
	if html := doc.Find(hugotest.Tag("html")); len(html) == 0 {
		t.Fatal("no <html>")
	} else if lang, _ := html[0].Attr("lang"); lang != "en-gb" {
		t.Errorf("lang = %q", lang)
	}
	var icon, refresh bool
	for _, l := range doc.Find(hugotest.Tag("link")) {
		rel, _ := l.Attr("rel")
		icon = icon || rel == "icon"
	}
	for _, m := range doc.Find(hugotest.Tag("meta")) {
		content, _ := m.Attr("content")
		refresh = refresh || content == "0; url=https://lovelace-lab.example.org/publications/"
	}
	if !icon || !refresh {
		t.Errorf("alias page: icon %v, refresh to the list %v", icon, refresh)
	}
}

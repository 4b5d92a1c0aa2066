package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/webp"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// peopleGroups returns the people page's role headings and, for each, the
// names listed under it.
func peopleGroups(t *testing.T, doc *hugotest.Doc) []string {
	t.Helper()
	var out []string
	for _, sec := range doc.Find(hugotest.Class("people-group")) {
		var names []string
		for _, a := range sec.Find(hugotest.Class("person-card__name")) {
			names = append(names, a.Text())
		}
		for _, a := range sec.Find(hugotest.Class("alumnus__name")) {
			names = append(names, a.Text())
		}
		out = append(out, sec.Find(hugotest.Tag("h2"))[0].Text()+": "+strings.Join(names, ", "))
	}
	return out
}

// The demo lab is built on 2026-06-15: Otto Byron left the day before and
// is an alumnus; Petra Quill leaves today and Grace Hopper tomorrow, so
// both are still current. Roles come in the theme's default order.
func TestPeopleAlumniByDateAndRoleOrder(t *testing.T) {
	doc := demoLab(t).Parse(t, "people/index.html")
	// The demo lab sets no params.labsite.name: the header and the title
	// take the site's title.
	if got := doc.Find(hugotest.Class("site-header__name"))[0].Text(); got != "Lovelace Lab" {
		t.Errorf("header name = %q, want the site title", got)
	}
	if got := doc.Find(hugotest.Tag("title"))[0].Text(); got != "People · Lovelace Lab" {
		t.Errorf("<title> = %q", got)
	}
	want := []string{
		"Principal investigators: Ada Lovelace",
		"Postdoctoral researchers: José Núñez",
		"PhD students: Grace Hopper",
		"Master's students: Petra Quill",
		"Undergraduate students: Tom Reed",
		"Alumni: Otto Byron, Iris Vale",
	}
	if got := peopleGroups(t, doc); !slices.Equal(got, want) {
		t.Errorf("people page =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var alumni []string
	for _, li := range doc.Find(hugotest.Class("alumnus")) {
		alumni = append(alumni, strings.Join(strings.Fields(li.Text()), " "))
	}
	if want := []string{
		"Otto Byron, postdoctoral researcher (2020–2026). Now at Imaginary Institute of Engines",
		"Iris Vale, PhD student (2018–2022). Now at Vale Analytics",
	}; !slices.Equal(alumni, want) {
		t.Errorf("alumni = %q, want %q", alumni, want)
	}
}

// The order of the role groups is the site's params.labsite.roles.
func TestPeopleRoleOrderIsConfigurable(t *testing.T) {
	doc := build(t, `
-- hugo.toml --
title = "Lab"
[params.labsite]
  roles = ["phd", "pi"]
-- content/people/_index.md --
---
title: People
---
-- content/people/ada.md --
---
title: Ada Lovelace
role: pi
---
-- content/people/bob.md --
---
title: Bob Babbage
role: phd
---
-- content/people/cy.md --
---
title: Cy Staff
role: staff
---
`).Parse(t, "people/index.html")
	want := []string{"PhD students: Bob Babbage", "Principal investigators: Ada Lovelace", "Other members: Cy Staff"}
	if got := peopleGroups(t, doc); !slices.Equal(got, want) {
		t.Errorf("people page = %q, want %q", got, want)
	}
}

// A portrait becomes a square WebP thumbnail made by Hugo; without one,
// the person's initials stand in, hidden from screen readers (the name
// follows).
func TestPeoplePortraitsAndPlaceholders(t *testing.T) {
	site := demoLab(t)
	doc := site.Parse(t, "people/index.html")
	imgs := doc.Find(hugotest.Class("person-card__image"))
	if len(imgs) != 1 {
		t.Fatalf("%d portraits, want 1 (Ada's)", len(imgs))
	}
	src, _ := imgs[0].Attr("src")
	if w, _ := imgs[0].Attr("width"); w != "96" || !strings.HasSuffix(src, ".webp") {
		t.Errorf("portrait src=%q width=%q, want a .webp 96 px wide", src, w)
	}
	f, err := os.Open(filepath.Join(site.Public, filepath.FromSlash(strings.TrimPrefix(src, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := webp.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s is not a WebP image: %v", src, err)
	}
	if cfg.Width != 192 || cfg.Height != 192 {
		t.Errorf("thumbnail is %d×%d, want a 192×192 square (twice 96 px) from the 300×200 portrait", cfg.Width, cfg.Height)
	}
	var initials []string
	for _, p := range doc.Find(hugotest.Class("person-card__placeholder")) {
		if hidden, _ := p.Attr("aria-hidden"); hidden != "true" {
			t.Errorf("placeholder %q is not aria-hidden", p.Text())
		}
		initials = append(initials, p.Text())
	}
	if want := []string{"JN", "GH", "PQ", "TR"}; !slices.Equal(initials, want) {
		t.Errorf("placeholders = %q, want %q", initials, want)
	}
}

// A person's page: their publications (matched from the .bib), research
// themes named on either side, their links, and JSON-LD Person; an alumnus
// says so; no empty list anywhere.
func TestPersonPage(t *testing.T) {
	site := demoLab(t)
	doc := site.Parse(t, "people/jose-nunez/index.html")
	text := doc.Find(hugotest.Tag("main"))[0].Text()
	for _, want := range []string{"Continual learning", "Punched cards for continual learning", "Analytical engines as models of working memory"} {
		if !strings.Contains(text, want) {
			t.Errorf("José's page lacks %q:\n%s", want, text)
		}
	}
	ada := site.Parse(t, "people/ada-lovelace/index.html")
	var themes []string
	for _, h := range ada.Find(hugotest.Class("research-theme__title")) {
		themes = append(themes, h.Text())
	}
	if want := []string{"Engines of memory", "Continual learning"}; !slices.Equal(themes, want) {
		t.Errorf("Ada's themes = %q, want %q", themes, want)
	}
	var ld map[string]any
	for _, s := range ada.Find(hugotest.Tag("script")) {
		if typ, _ := s.Attr("type"); typ == "application/ld+json" {
			if err := json.Unmarshal([]byte(s.Text()), &ld); err != nil {
				t.Fatal(err)
			}
		}
	}
	if ld["@type"] != "Person" || ld["name"] != "Ada Lovelace" || ld["jobTitle"] != "Group leader" {
		t.Errorf("JSON-LD = %v", ld)
	}
	if same, _ := ld["sameAs"].([]any); len(same) != 2 || same[0] != "https://orcid.org/0000-0002-1825-0097" || same[1] != "https://github.com/ada-example" {
		t.Errorf("sameAs = %v", ld["sameAs"])
	}
	otto := site.Parse(t, "people/otto-byron/index.html")
	if got := strings.Join(strings.Fields(otto.Find(hugotest.Class("person__alumnus"))[0].Text()), " "); got != "Former member of the lab (2020–2026). Now at Imaginary Institute of Engines" {
		t.Errorf("Otto's page says %q", got)
	}
	// Tom has no links, themes or publications: no empty list or heading.
	tom := site.Read(t, "people/tom-reed/index.html")
	for _, empty := range []string{`class="person__links"`, `id="person-themes"`, `id="person-publications"`} {
		if strings.Contains(tom, empty) {
			t.Errorf("Tom's page has %s, though he has none", empty)
		}
	}
}

// A research theme's page lists the people and publications that name it,
// and those it names; not alumni.
func TestThemePageListsBothSides(t *testing.T) {
	site := demoLab(t)
	names := func(rel, class string) []string {
		var out []string
		for _, e := range site.Parse(t, rel).Find(hugotest.Class(class)) {
			out = append(out, e.Text())
		}
		return out
	}
	// learning names no one; Ada and José name it.
	if got := names("research/learning/index.html", "person-card__name"); !slices.Equal(got, []string{"Ada Lovelace", "José Núñez"}) {
		t.Errorf("learning's people = %q", got)
	}
	// memory names Ada and a publication; Ada names memory too (listed once).
	if got := names("research/memory/index.html", "person-card__name"); !slices.Equal(got, []string{"Ada Lovelace"}) {
		t.Errorf("memory's people = %q", got)
	}
	if got := names("research/memory/index.html", "publication__title"); !slices.Equal(got, []string{"Analytical engines as models of working memory"}) {
		t.Errorf("memory's publications = %q", got)
	}
	if got := names("research/learning/index.html", "publication__title"); !slices.Equal(got, []string{"Punched cards for continual learning"}) {
		t.Errorf("learning's publications = %q", got)
	}
}

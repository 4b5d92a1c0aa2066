package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

const labContent = `
-- content/research/_index.md --
---
title: Research
---
-- content/research/memory.md --
---
title: Memory
weight: 1
people: [ada]
---
How we remember.
-- content/people/_index.md --
---
title: People
---
-- content/people/ada.md --
---
title: Ada Lovelace
role: pi
position: Group leader
orcid: 0000-0002-1825-0097
themes: [memory]
---
Ada leads the lab.
-- content/people/bob.md --
---
title: Bob Babbage
role: phd
---
-- content/people/cyd.md --
---
title: Cyd Charisse
role: postdoc
left: 2025-06-30
---
-- content/publications/_index.md --
---
title: Publications
---
-- content/publications/old.md --
---
title: An old paper
authors: [Ada Lovelace, Bob Babbage]
date: 2024-03-01
venue: Journal of Memory
volume: "3"
issue: "2"
pages: 10–20
doi: 10.1000/old
people: [ada]
themes: [memory]
---
-- content/publications/new.md --
---
title: A new paper
authors: [Bob Babbage]
date: 2026-01-15
venue: bioRxiv
pubtype: preprint
featured: true
link: https://example.org/new
---
-- content/news/_index.md --
---
title: News
---
-- content/news/first.md --
---
title: First news
date: 2025-01-01
---
-- content/news/second.md --
---
title: Second news
date: 2026-02-01
summary: The newer one.
---
`

func TestPeoplePageGroupsByRoleThenAlumni(t *testing.T) {
	t.Parallel()
	doc := build(t, labContent).Parse(t, "people/index.html")
	groups := peopleGroups(t, doc)
	want := []string{"Principal investigators: Ada Lovelace", "PhD students: Bob Babbage", "Alumni: Cyd Charisse"}
	if strings.Join(groups, " | ") != strings.Join(want, " | ") {
		t.Errorf("people groups = %q, want %q", groups, want)
	}
}

func TestPersonPageListsThemesAndPublications(t *testing.T) {
	t.Parallel()
	doc := build(t, labContent).Parse(t, "people/ada/index.html")
	text := doc.Find(hugotest.Tag("main"))[0].Text()
	for _, want := range []string{"Ada Lovelace", "Group leader", "Memory", "An old paper"} {
		if !strings.Contains(text, want) {
			t.Errorf("Ada's page lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "A new paper") {
		t.Error("Ada's page lists a paper she is not on")
	}
	var orcid bool
	for _, a := range doc.Find(hugotest.Tag("a")) {
		href, _ := a.Attr("href")
		orcid = orcid || href == "https://orcid.org/0000-0002-1825-0097"
	}
	if !orcid {
		t.Error("no ORCID link")
	}
}

func TestPublicationsFeaturedThenByYear(t *testing.T) {
	t.Parallel()
	doc := build(t, labContent).Parse(t, "publications/index.html")
	var heads []string
	for _, h := range doc.Find(hugotest.Tag("h2")) {
		if h.Data == "h2" && !strings.Contains(h.Text(), "Contact") {
			heads = append(heads, h.Text())
		}
	}
	if got := strings.Join(heads[:3], ","); got != "Featured,2026 (1 publication),2024 (1 publication)" {
		t.Errorf("publication groups = %q", got)
	}
	items := doc.Find(hugotest.Class("publication"))
	if len(items) != 3 {
		t.Fatalf("want 3 entries (one featured twice), got %d", len(items))
	}
	if got := items[2].Text(); !strings.HasPrefix(got, "Ada Lovelace and Bob Babbage (2024). An old paper. Journal of Memory, 3(2), 10–20 DOI") {
		t.Errorf("publication entry = %q", got)
	}
}

func TestThemePageListsPeopleAndPublications(t *testing.T) {
	t.Parallel()
	doc := build(t, labContent).Parse(t, "research/memory/index.html")
	text := doc.Find(hugotest.Tag("main"))[0].Text()
	for _, want := range []string{"People on this theme", "Ada Lovelace", "Publications on this theme", "An old paper"} {
		if !strings.Contains(text, want) {
			t.Errorf("theme page lacks %q: %s", want, text)
		}
	}
}

func TestNewsNewestFirst(t *testing.T) {
	t.Parallel()
	site := build(t, labContent)
	var titles []string
	for _, a := range site.Parse(t, "news/index.html").Find(hugotest.Class("news-item__title")) {
		titles = append(titles, a.Text())
	}
	if strings.Join(titles, ",") != "Second news,First news" {
		t.Errorf("news order = %v", titles)
	}
	home := site.Parse(t, "index.html").Find(hugotest.Class("news-item__title"))
	if len(home) != 2 {
		t.Errorf("home page shows %d news items", len(home))
	}
}

// A person's portrait and a news item's picture are served as WebP at twice
// their display size; a missing or off-site one fails the build.
func TestPageImages(t *testing.T) {
	t.Parallel()
	dir := hugotest.Fixture(t, `
-- content/people/ada/index.md --
---
title: Ada Lovelace
role: pi
image: portrait.png
---
-- content/news/out.md --
---
title: Out now
date: 2026-01-02
image: /images/cover.png
---
`)
	writePNG(t, filepath.Join(dir, "content/people/ada/portrait.png"), 600, 800)
	if err := os.MkdirAll(filepath.Join(dir, "assets/images"), 0o755); err != nil {
		t.Fatal(err)
	}
	writePNG(t, filepath.Join(dir, "assets/images/cover.png"), 2000, 1000)
	site := hugotest.Build(t, dir)
	for _, tc := range []struct{ page, class, width, height, suffix string }{
		{"people/ada/index.html", "person__image", "240", "240", ".webp"},
		{"people/index.html", "person-card__image", "96", "96", ".webp"},
		{"news/out/index.html", "news__image", "736", "368", ".webp"},
	} {
		imgs := site.Parse(t, tc.page).Find(hugotest.Class(tc.class))
		if len(imgs) != 1 {
			t.Errorf("%s: want one .%s, got %d", tc.page, tc.class, len(imgs))
			continue
		}
		src, _ := imgs[0].Attr("src")
		w, _ := imgs[0].Attr("width")
		h, _ := imgs[0].Attr("height")
		if !strings.HasSuffix(src, tc.suffix) || w != tc.width || h != tc.height {
			t.Errorf("%s: img %s %s×%s, want %s×%s %s", tc.page, src, w, h, tc.width, tc.height, tc.suffix)
		}
		if _, err := os.Stat(filepath.Join(site.Public, filepath.FromSlash(src))); err != nil {
			t.Errorf("%s: %v", tc.page, err)
		}
	}
}

func TestMissingPortraitFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/people/ada.md --
---
title: Ada Lovelace
role: pi
image: ada.jpg
---
`, `content/people/ada.md: image "ada.jpg" not found`)
}

func TestOffSitePortraitFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/people/ada.md --
---
title: Ada Lovelace
role: pi
image: https://example.org/ada.jpg
---
`, `content/people/ada.md: image "https://example.org/ada.jpg" is not on this site`)
}

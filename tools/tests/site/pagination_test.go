package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitecheck"
	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// TestNewsIsPaginated: the news page shows a page of items at a time,
// newest first, with links between the pages, so it does not grow with the
// lab's news; the section's text is on the first page only.
func TestNewsIsPaginated(t *testing.T) {
	var files strings.Builder
	files.WriteString("-- hugo.toml --\ntitle = \"Test lab\"\nbaseURL = \"https://lab.example/\"\n[pagination]\npagerSize = 10\n")
	files.WriteString("-- content/news/_index.md --\n---\ntitle: News\n---\nWhat the lab has been up to.\n")
	for i := 1; i <= 23; i++ {
		fmt.Fprintf(&files, "-- content/news/item-%02d.md --\n---\ntitle: Item %02d\ndate: 2025-01-%02d\n---\nText.\n", i, i, i)
	}
	site := hugotest.Build(t, hugotest.Fixture(t, files.String()), "--minify")
	for _, tc := range []struct {
		page, first, last, status, prev, next string
		n                                     int
		intro                                 bool
	}{
		{"news/index.html", "Item 23", "Item 14", "Page 1 of 3", "", "/news/page/2/", 10, true},
		{"news/page/2/index.html", "Item 13", "Item 04", "Page 2 of 3", "/news/", "/news/page/3/", 10, false},
		{"news/page/3/index.html", "Item 03", "Item 01", "Page 3 of 3", "/news/page/2/", "", 3, false},
	} {
		doc := site.Parse(t, tc.page)
		items := doc.Find(hugotest.Class("news-item__title"))
		if len(items) != tc.n || items[0].Text() != tc.first || items[len(items)-1].Text() != tc.last {
			t.Errorf("%s: %d items %v, want %d from %s to %s", tc.page, len(items), texts(items), tc.n, tc.first, tc.last)
		}
		if status := texts(doc.Find(hugotest.Class("pager__status"))); fmt.Sprint(status) != "["+tc.status+"]" {
			t.Errorf("%s: pager status %v, want %s", tc.page, status, tc.status)
		}
		var prev, next string
		for _, a := range doc.Find(hugotest.Class("pager__link")) {
			rel, _ := a.Attr("rel")
			href, _ := a.Attr("href")
			if rel == "prev" {
				prev = href
			} else if rel == "next" {
				next = href
			}
		}
		if prev != tc.prev || next != tc.next {
			t.Errorf("%s: prev %q next %q, want %q %q", tc.page, prev, next, tc.prev, tc.next)
		}
		if intro := strings.Contains(site.Read(t, tc.page), "What the lab has been up to."); intro != tc.intro {
			t.Errorf("%s: section text shown %v, want %v", tc.page, intro, tc.intro)
		}
	}
	r, err := sitecheck.Check(site.Public, sitecheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s", p.Page, p.Message)
	}
}

// TestPublicationsListIsPaginated: the publications list shows
// params.labsite.publicationsPerPage publications a page, newest first,
// grouped by year, each year headed with the whole list's count; the
// featured ones only on the first page.
func TestPublicationsListIsPaginated(t *testing.T) {
	var files strings.Builder
	files.WriteString("-- hugo.toml --\ntitle = \"Test lab\"\nbaseURL = \"https://lab.example/\"\n[params.labsite]\npublicationsPerPage = 3\n")
	files.WriteString("-- content/publications/_index.md --\n---\ntitle: Publications\n---\n")
	for i, date := range []string{"2020-06-01", "2020-05-01", "2020-04-01", "2020-03-01", "2019-06-01", "2019-05-01", "2019-04-01"} {
		featured := ""
		if i == 5 {
			featured = "featured: true\n"
		}
		fmt.Fprintf(&files, "-- content/publications/p%d.md --\n---\ntitle: Paper %d\nauthors: [Ada Lovelace]\ndate: %s\npubtype: article\n%s---\n", i+1, i+1, date, featured)
	}
	site := hugotest.Build(t, hugotest.Fixture(t, files.String()), "--minify")
	for _, tc := range []struct {
		page, years, status string
		titles              []string
		featured            bool
	}{
		{"publications/index.html", "[2020 (4 publications)]", "Page 1 of 3", []string{"Paper 1", "Paper 2", "Paper 3"}, true},
		{"publications/page/2/index.html", "[2020 (4 publications) 2019 (3 publications)]", "Page 2 of 3", []string{"Paper 4", "Paper 5", "Paper 6"}, false},
		{"publications/page/3/index.html", "[2019 (3 publications)]", "Page 3 of 3", []string{"Paper 7"}, false},
	} {
		doc := site.Parse(t, tc.page)
		var years []string
		for _, s := range doc.Find(hugotest.Class("publication-year")) {
			years = append(years, s.Find(hugotest.Tag("h2"))[0].Text())
		}
		if fmt.Sprint(years) != tc.years {
			t.Errorf("%s: years %v, want %s", tc.page, years, tc.years)
		}
		var titles []string
		for _, s := range doc.Find(hugotest.Class("publication-year")) {
			for _, a := range s.Find(hugotest.Class("publication__title")) {
				titles = append(titles, a.Text())
			}
		}
		if fmt.Sprint(titles) != fmt.Sprint(tc.titles) {
			t.Errorf("%s: publications %v, want %v", tc.page, titles, tc.titles)
		}
		if status := texts(doc.Find(hugotest.Class("pager__status"))); fmt.Sprint(status) != "["+tc.status+"]" {
			t.Errorf("%s: pager %v, want %s", tc.page, status, tc.status)
		}
		if featured := strings.Contains(site.Read(t, tc.page), `id=pubs-featured`); featured != tc.featured {
			t.Errorf("%s: featured section %v, want %v", tc.page, featured, tc.featured)
		}
	}
	r, err := sitecheck.Check(site.Public, sitecheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s", p.Page, p.Message)
	}
}

// TestPublicationFilterPagesArePaginated: a publication type's filter page
// lists params.labsite.publicationsPerPage publications, on as many pages
// as the type needs (made by the content adapter), with a pager, and
// together the pages hold every publication of the type, once.
func TestPublicationFilterPagesArePaginated(t *testing.T) {
	src := t.TempDir()
	if err := sitegen.Write(src, 120, sitegen.Options{Seed: 3, ThemePath: hugotest.ThemeDir, PublicationsFromBib: true}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "config", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "config", "_default", "params.toml"), []byte("[labsite]\npublicationsPerPage = 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := hugotest.Build(t, src, "--minify")
	first := site.Parse(t, "publications/types/article/index.html")
	status := texts(first.Find(hugotest.Class("pager__status")))
	var total int
	if len(status) != 1 || !strings.HasPrefix(status[0], "Page 1 of ") {
		t.Fatalf("pager %v", status)
	}
	fmt.Sscanf(strings.TrimPrefix(status[0], "Page 1 of "), "%d", &total)
	if total < 3 {
		t.Fatalf("only %d pages of articles", total)
	}
	seen := map[string]bool{}
	for k := 1; k <= total; k++ {
		page := "publications/types/article/index.html"
		if k > 1 {
			page = fmt.Sprintf("publications/types/article/page/%d/index.html", k)
		}
		doc := site.Parse(t, page)
		titles := doc.Find(hugotest.Class("publication__title"))
		if k < total && len(titles) != 5 || len(titles) == 0 || len(titles) > 5 {
			t.Errorf("%s: %d publications", page, len(titles))
		}
		for _, a := range titles {
			href, _ := a.Attr("href")
			if seen[href] {
				t.Errorf("%s: %s listed twice", page, href)
			}
			seen[href] = true
		}
		if got := texts(doc.Find(hugotest.Class("pager__status"))); fmt.Sprint(got) != fmt.Sprintf("[Page %d of %d]", k, total) {
			t.Errorf("%s: pager %v", page, got)
		}
	}
	// Every article is on one of the pages: as many as the filter counts.
	for _, a := range first.Find(hugotest.Class("publication-filters__link")) {
		if href, _ := a.Attr("href"); href == "/publications/types/article/" {
			if want := fmt.Sprintf("(%d)", len(seen)); !strings.HasSuffix(a.Text(), want) {
				t.Errorf("the filter says %q, the pages hold %d articles", a.Text(), len(seen))
			}
		}
	}
	r, err := sitecheck.Check(site.Public, sitecheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s", p.Page, p.Message)
	}
}

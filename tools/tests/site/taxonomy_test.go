package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// emptyTaxonomies reports the /tags/ and /categories/ pages a built site
// has, in its folder or its sitemap.
func emptyTaxonomies(t *testing.T, site *hugotest.Site) []string {
	t.Helper()
	var found []string
	for _, tax := range []string{"tags", "categories"} {
		if _, err := os.Stat(filepath.Join(site.Public, tax)); err == nil {
			found = append(found, "/"+tax+"/ page")
		}
		if strings.Contains(site.Read(t, "sitemap.xml"), "/"+tax+"/") {
			found = append(found, "/"+tax+"/ in the sitemap")
		}
	}
	return found
}

// exampleSite tags nothing, so it publishes no empty tag or category
// pages, and lists none in its sitemap.
func TestExampleSiteHasNoEmptyTaxonomies(t *testing.T) {
	t.Parallel()
	if found := emptyTaxonomies(t, exampleSite(t)); len(found) > 0 {
		t.Errorf("exampleSite publishes %v", found)
	}
}

// Nor does a site that labtool new site starts; once the site names a
// taxonomy and tags a page, its pages are there.
func TestNewSiteHasNoEmptyTaxonomies(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.NewSite(dir, scaffold.SiteOptions{Title: "Test Lab", ThemePath: hugotest.ThemeDir}); err != nil {
		t.Fatal(err)
	}
	site := hugotest.Build(t, dir)
	if found := emptyTaxonomies(t, site); len(found) > 0 {
		t.Errorf("a new site publishes %v", found)
	}

	config, err := os.ReadFile(filepath.Join(dir, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	config = []byte(strings.Replace(string(config), "[taxonomies]\n", "[taxonomies]\n  tag = \"tags\"\n", 1))
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "news", "tagged.md"), []byte("---\ntitle: Tagged\ndate: 2020-01-01\ntags: [learning]\n---\nNews.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	site = hugotest.Build(t, dir)
	site.Read(t, "tags/learning/index.html")
	if _, err := os.Stat(filepath.Join(site.Public, "categories")); err == nil {
		t.Error("categories published, though the site names only tags")
	}
}

// emptyLists returns the lists (ul, ol) without an item on the site's
// pages, as "page: class".
func emptyLists(t *testing.T, site *hugotest.Site) []string {
	t.Helper()
	var out []string
	for _, page := range site.Pages(t) {
		doc := site.Parse(t, page)
		for _, tag := range []string{"ul", "ol"} {
			for _, l := range doc.Find(hugotest.Tag(tag)) {
				if len(l.Find(hugotest.Tag("li"))) == 0 {
					class, _ := l.Attr("class")
					out = append(out, page+": "+tag+"."+class)
				}
			}
		}
	}
	return out
}

// No page has an empty list: not exampleSite, not a new site whose
// sections are still empty, not a person without links or whose themes do
// not exist, not a taxonomy without terms.
func TestNoEmptyLists(t *testing.T) {
	t.Parallel()
	if found := emptyLists(t, exampleSite(t)); len(found) > 0 {
		t.Errorf("exampleSite has empty lists: %q", found)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.NewSite(dir, scaffold.SiteOptions{Title: "Test Lab", ThemePath: hugotest.ThemeDir}); err != nil {
		t.Fatal(err)
	}
	config, err := os.ReadFile(filepath.Join(dir, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	config = []byte(strings.Replace(string(config), "[taxonomies]\n", "[taxonomies]\n  tag = \"tags\"\n", 1))
	for name, data := range map[string][]byte{
		"hugo.toml":             config,
		"content/people/pat.md": []byte("---\ntitle: Pat\nrole: phd\nthemes: [no-such-theme]\n---\n"),
		"content/people/sam.md": []byte("---\ntitle: Sam\nrole: postdoc\nwebsite: \"javascript:alert(1)\"\n---\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if found := emptyLists(t, hugotest.Build(t, dir)); len(found) > 0 {
		t.Errorf("a sparse site has empty lists: %q", found)
	}
}

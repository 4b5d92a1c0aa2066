package site

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// TestPagesDoNotGrowWithTheSite builds the generated site at two sizes, 4×
// apart, and compares the HTML of each kind of page: the home page, the
// first page of each paginated list (news, publications, the publications
// of each type; later pages are more of the same), the taxonomies, and the
// median page of each section. None may grow with the site.
//
// The pages that list every research theme or every member of the lab
// (the research page, the home page's themes, the people page) grow with
// the lab by design and are left out: a lab has a handful of themes and
// tens of members, however long its history (the generated site scales
// them with its size), and the featured publications at the head of the
// publications list, which the lab chooses (a tenth of them, in the
// generated site). So are, for now, the pages of the publications on
// each research theme (/publications/themes/…), which list every one on
// one page.
func TestPagesDoNotGrowWithTheSite(t *testing.T) {
	small, large := pageSizes(t, 100), pageSizes(t, 400)
	for _, kind := range slices.Sorted(maps.Keys(small)) {
		a, b := small[kind], large[kind]
		if b == 0 {
			continue
		}
		if b > a+a/5+512 {
			t.Errorf("%s: %d bytes of HTML at 100 files, %d at 400", kind, a, b)
		}
	}
}

// pageSizes builds a generated site of n files and returns the HTML size
// of each kind of page: a list page by its path, a single page as the
// median of its section ("median research/*").
func pageSizes(t *testing.T, n int) map[string]int {
	t.Helper()
	src := t.TempDir()
	if err := sitegen.Write(src, n, sitegen.Options{Seed: 5, ThemePath: hugotest.ThemeDir, PublicationsFromBib: true}); err != nil {
		t.Fatal(err)
	}
	// Lists of 10, so that the first page of every list is full at both
	// sizes.
	if err := os.MkdirAll(filepath.Join(src, "config", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "config", "_default", "params.toml"), []byte("[labsite]\npublicationsPerPage = 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := hugotest.Build(t, src, "--minify")
	sizes := map[string]int{}
	singles := map[string][]int{}
	for _, p := range site.Pages(t) {
		size := len(site.Read(t, p))
		dir := path.Dir(p)
		switch {
		case p == "404.html" || p == "research/index.html" || p == "people/index.html" || strings.Contains(p, "/page/"):
		case strings.HasPrefix(p, "publications/themes/"):
		case strings.HasPrefix(p, "publications/types/"):
			// The first page of each type's list: the largest.
			sizes["largest publications/types/*"] = max(sizes["largest publications/types/*"], size)
		case p == "index.html":
			// Without its list of research themes.
			sizes[p] = size - elementSize(site.Read(t, p), "<ul class=theme-list>", "</ul>")
		case p == "publications/index.html":
			// Without the featured publications.
			sizes[p] = size - elementSize(site.Read(t, p), "<section aria-labelledby=pubs-featured>", "</section>")
		case strings.Count(dir, "/") == 0 && dir != ".":
			// The sections and the taxonomies' lists.
			sizes[p] = size
		case strings.HasPrefix(p, "tags/") || strings.HasPrefix(p, "categories/"):
			// Lists of one kind (a type, a theme, a tag): the largest.
			kind := "largest " + path.Dir(dir) + "/*"
			sizes[kind] = max(sizes[kind], size)
		default:
			kind := "median " + strings.SplitN(p, "/", 2)[0] + "/*"
			singles[kind] = append(singles[kind], size)
		}
	}
	for kind, list := range singles {
		slices.Sort(list)
		sizes[kind] = list[len(list)/2]
	}
	t.Logf("%d files: %s", n, fmt.Sprint(sizes))
	return sizes
}

// elementSize is the size of the first element of page that starts with
// open and ends with the first close after it, or 0.
func elementSize(page, open, close string) int {
	start := strings.Index(page, open)
	if start < 0 {
		return 0
	}
	return strings.Index(page[start:], close) + len(close)
}

package jekyll

import (
	"cmp"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/scaffold"
	"go.yaml.in/yaml/v3"
)

// The main menu: labsite's own entries (Research, People, Publications,
// News) come first; the pages the Jekyll site had in its navigation follow,
// in its order. Templates say which pages those are in different ways:
// al-folio with nav: true and nav_order, the Greene Lab template with
// nav: {order: N}, minima with header_pages in _config.yml (or else every
// page at the top), academicpages with _data/navigation.yml.

// navPage is a page that may be in the menu.
type navPage struct {
	rel, dest, title string
	order            int
	inNav            bool // the page says so itself
	top              bool // a page at the top of the site, with a title
}

// readNav notes where a page stands in the Jekyll site's navigation.
func (imp *importer) readNav(s *source, dest, title string, top bool) {
	p := navPage{rel: s.rel, dest: dest, title: title, top: top, order: 1 << 20}
	if e := s.entry("nav"); e != nil && e.Value != nil {
		switch {
		case e.Value.Text == "true":
			p.inNav = true
		case e.Value.Lookup("order") != nil:
			p.inNav = true
			if n, err := strconv.Atoi(e.Value.Lookup("order").Value.Text); err == nil {
				p.order = n
			}
		}
	}
	if n, err := strconv.Atoi(s.str("nav_order")); err == nil {
		p.order = n
	}
	s.used["nav_order"], s.used["nav"] = true, true
	imp.nav = append(imp.nav, p)
}

// menu is the main menu's entries after labsite's own.
func (imp *importer) menu() []scaffold.MenuEntry {
	var pages []navPage
	switch {
	case len(imp.cfg.HeaderPages) > 0:
		for i, hp := range imp.cfg.HeaderPages {
			for _, p := range imp.nav {
				if p.rel == hp || p.rel == "_pages/"+hp {
					p.order = i
					pages = append(pages, p)
				}
			}
		}
	case imp.navData() != nil:
		pages = imp.navData()
	case slices.ContainsFunc(imp.nav, func(p navPage) bool { return p.inNav }):
		for _, p := range imp.nav {
			if p.inNav {
				pages = append(pages, p)
			}
		}
	default:
		// minima without header_pages: every page at the top.
		for _, p := range imp.nav {
			if p.top {
				pages = append(pages, p)
			}
		}
	}
	slices.SortStableFunc(pages, func(a, b navPage) int { return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.rel, b.rel)) })
	var out []scaffold.MenuEntry
	seen := map[string]bool{}
	for _, p := range pages {
		ref := pageRef(p.dest)
		switch ref {
		case "/", "/research", "/people", "/publications", "/news":
			continue // labsite's own entries, or the home page (the site's name)
		}
		if seen[ref] {
			continue
		}
		seen[ref] = true
		out = append(out, scaffold.MenuEntry{Name: p.title, PageRef: ref, Weight: 50 + 10*len(out)})
	}
	return out
}

// pageRef is a content file's path as a menu's pageRef: /about, /talks.
func pageRef(dest string) string {
	p := strings.TrimSuffix(strings.TrimPrefix(dest, "content"), ".md")
	p = strings.TrimSuffix(strings.TrimSuffix(p, "_index"), "/")
	if p == "" {
		return "/"
	}
	return p
}

// navData reads academicpages' _data/navigation.yml: main: [{title, url}].
func (imp *importer) navData() []navPage {
	if imp.navFromData != nil {
		return *imp.navFromData
	}
	var pages []navPage
	imp.navFromData = &pages
	data, err := os.ReadFile(imp.abs("_data/navigation.yml"))
	if err != nil {
		return nil
	}
	var nav struct {
		Main []struct {
			Title string `yaml:"title"`
			URL   string `yaml:"url"`
		} `yaml:"main"`
	}
	if err := yaml.Unmarshal(data, &nav); err != nil {
		imp.report.add("_data/navigation.yml", 0, Warning, "menu", "the navigation does not parse (%v): the menu has labsite's entries only", err)
		return nil
	}
	for i, m := range nav.Main {
		u := normaliseURL(m.URL)
		if !strings.HasSuffix(u, "/") && path.Ext(u) == "" {
			u += "/"
		}
		dest := imp.urls[u]
		if dest == "" {
			imp.report.add("_data/navigation.yml", 0, Warning, "menu", "menu entry %q links to %s, which no imported page has: left out of the menu", m.Title, m.URL)
			continue
		}
		pages = append(pages, navPage{dest: dest, title: m.Title, order: i})
	}
	return pages
}

package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/pelletier/go-toml/v2"
)

// sectionPage is one content page of a section, with its front matter.
type sectionPage struct {
	rel  string
	slug string
	doc  *frontmatter.Document // nil when the file cannot be read
}

// param returns the value of the page's front-matter field name, or nil.
func (p sectionPage) param(name string) *frontmatter.Value {
	if p.doc == nil {
		return nil
	}
	if e := p.doc.Lookup(name); e != nil {
		return e.Value
	}
	return nil
}

// sectionPages returns the pages of the section folder (content/<section>):
// its files other than _index, and the index file of its page bundles.
// Front matter that does not parse counts for what parsed of it: labtool
// validate reports the rest.
func sectionPages(s *siteio.Site, section string) ([]sectionPage, error) {
	dir := path.Join("content", section)
	entries, err := os.ReadDir(s.Abs(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var pages []sectionPage
	for _, e := range entries {
		rel := path.Join(dir, e.Name())
		slug := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
		if e.IsDir() {
			index, ok := bundleIndex(s, rel)
			if !ok {
				continue
			}
			rel, slug = index, e.Name()
		} else if strings.HasPrefix(e.Name(), "_index.") || !isContentFile(e.Name()) {
			continue
		}
		p := sectionPage{rel: rel, slug: slug}
		if data, err := os.ReadFile(s.Abs(rel)); err == nil {
			p.doc, _ = frontmatter.Parse(data)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// bundleIndex returns the index file of the leaf bundle in folder rel.
func bundleIndex(s *siteio.Site, rel string) (string, bool) {
	for _, ext := range contentExts {
		index := path.Join(rel, "index"+ext)
		if fi, err := os.Stat(s.Abs(index)); err == nil && !fi.IsDir() {
			return index, true
		}
	}
	return "", false
}

var contentExts = []string{".md", ".markdown", ".html", ".htm"}

func isContentFile(name string) bool {
	for _, ext := range contentExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// checkSlugFree fails when another page of the section already has the
// slug that rel would take (a bundle slug/index.md, or slug.html), which
// --force cannot fix: the site would have two pages at one URL.
func checkSlugFree(s *siteio.Site, rel string) error {
	section, slug := path.Base(path.Dir(rel)), strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	pages, err := sectionPages(s, section)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if p.slug == slug && p.rel != rel {
			return fmt.Errorf("%s already has the slug %q; choose another title or pass --slug NAME", s.Path(p.rel), slug)
		}
	}
	return nil
}

// Palette returns the research-theme palette the site s sets in hugo.toml
// ([params.labsite] palette), or nil when it sets none.
func Palette(s *siteio.Site) []string {
	for _, name := range []string{"hugo.toml", "config.toml", filepath.Join("config", "_default", "params.toml"), filepath.Join("config", "_default", "hugo.toml")} {
		data, err := os.ReadFile(filepath.Join(s.Root(), name))
		if err != nil {
			continue
		}
		var cfg struct {
			Params struct {
				Labsite struct {
					Palette []string `toml:"palette"`
				} `toml:"labsite"`
			} `toml:"params"`
			Labsite struct {
				Palette []string `toml:"palette"`
			} `toml:"labsite"` // config/_default/params.toml has no [params] level
		}
		if toml.Unmarshal(data, &cfg) != nil {
			continue
		}
		if p := cfg.Params.Labsite.Palette; len(p) > 0 {
			return p
		}
		if p := cfg.Labsite.Palette; len(p) > 0 {
			return p
		}
	}
	return nil
}

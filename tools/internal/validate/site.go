package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cast"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
)

// ErrNoContent is returned by Site for a folder without a content/ folder.
var ErrNoContent = errors.New("no content/ folder")

// Options tune Site.
type Options struct {
	// Strict makes every warning an error.
	Strict bool
	// Workers bounds the files read and checked at once; 0 means one per
	// CPU (GOMAXPROCS).
	Workers int
}

// site is what the per-file rules need to know about the whole site. It is
// built before the workers start and only read afterwards.
type site struct {
	// files holds every file under content/, assets/, static/ and the
	// themes' assets/ and static/, as slash paths relative to the site's
	// root (a theme replaced by a folder outside the site starts with ../).
	files map[string]bool
	// assetDirs are the folders, relative to the root, where images and
	// files are looked up after the page bundle, in Hugo's order.
	assetDirs []string
	// leafBundles are the content folders that hold an index file.
	leafBundles map[string]bool
	// slugs holds the slugs of the pages of each content type, for refs.
	slugs map[string]map[string]bool
	// bib holds the ids of data/bibliography.json; nil without it.
	bib map[string]bool
	// pubs is data/publications.json, the lab's publications; nil without it.
	pubs *labPublications
	// shortcodes holds the shortcodes pages can use, each with whether it
	// takes inner content.
	shortcodes map[string]bool
	// unsafeHTML is the site's markup.goldmark.renderer.unsafe: whether
	// Hugo keeps raw HTML in Markdown.
	unsafeHTML bool
	// loc is the time zone Hugo reads dates in (the site's timeZone, else
	// UTC), and now the time of the check, for future dates.
	loc *time.Location
	now time.Time
}

// Site validates the site in folder dir.
func Site(dir string, opts Options) (*Report, error) {
	// The parsers allocate much and keep little: collecting garbage four
	// times less often saves a fifth of the work, for a few MB.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	// The bibliography is read while the site's files are indexed, and the
	// .bib files while the content files are checked.
	var bib map[string]bool
	var bibDiags, pubDiags []Diagnostic
	var pubs *labPublications
	var loading sync.WaitGroup
	loading.Go(func() { bib, bibDiags = loadBibliography(dir) })
	loading.Go(func() { pubs, pubDiags = loadPublications(dir) })
	s, pages, err := loadSite(dir)
	loading.Wait()
	if err != nil {
		return nil, err
	}
	s.bib = bib
	s.pubs = pubs
	r := &Report{Files: len(pages)}
	if pubs != nil {
		r.Files++
	}
	if bib != nil {
		r.Files++
	}
	bibFiles, _ := filepath.Glob(filepath.Join(dir, "*.bib"))
	slices.Sort(bibFiles)
	r.Files += len(bibFiles)
	var bibtexDiags []Diagnostic
	var wg sync.WaitGroup
	if len(bibFiles) > 0 {
		wg.Go(func() { bibtexDiags = checkBibFiles(bibFiles) })
	}
	wg.Go(func() { pubDiags = append(pubDiags, checkPublications(dir, pubs)...) })

	results, err := s.checkAll(dir, pages, opts.Workers)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	for _, res := range results {
		r.Diagnostics = append(r.Diagnostics, res.diags...)
	}
	r.Diagnostics = append(r.Diagnostics, bibDiags...)
	r.Diagnostics = append(r.Diagnostics, bibtexDiags...)
	r.Diagnostics = append(r.Diagnostics, pubDiags...)
	// The facts another file shares are reported: they need positions.
	shared := map[fact]int{}
	keys := func(res fileResult) (url, weight fact) {
		if res.weight != nil {
			weight = fact{value: res.weight.value, source: "weight"}
		}
		return fact{value: res.url.value}, weight
	}
	for _, res := range results {
		url, weight := keys(res)
		shared[url]++
		shared[weight]++
	}
	for i, res := range results {
		url, weight := keys(res)
		if res.lazy && (url.value != "" && shared[url] > 1 || weight.value != "" && shared[weight] > 1) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pages[i])))
			if err != nil {
				return nil, err
			}
			results[i] = s.checkFile(&frontmatter.Parser{}, pages[i], data)
		}
	}
	r.Diagnostics = append(r.Diagnostics, duplicateURLs(pages, results)...)
	r.Diagnostics = append(r.Diagnostics, idCollisions(dir, pages)...)
	r.Diagnostics = append(r.Diagnostics, duplicateWeights(pages, results)...)
	r.finish(opts.Strict)
	return r, nil
}

// loadSite indexes the site's files and the slugs of its pages, and
// returns the content files to check, sorted.
func loadSite(dir string) (*site, []string, error) {
	contentDir := filepath.Join(dir, "content")
	if fi, err := os.Stat(contentDir); err != nil || !fi.IsDir() {
		return nil, nil, ErrNoContent
	}
	s := &site{leafBundles: map[string]bool{}, slugs: map[string]map[string]bool{}, now: time.Now()}
	// A timeZone Hugo cannot read stops Hugo's build with its own message;
	// dates are then compared in UTC.
	if loc, err := siteconfig.Location(dir); err == nil {
		s.loc = loc
	} else {
		s.loc = time.UTC
	}
	themes := themeDirs(dir)
	s.assetDirs = []string{"assets", "static"}
	for _, t := range themes {
		s.assetDirs = append(s.assetDirs, t+"/assets", t+"/static")
	}
	s.shortcodes = siteShortcodes(dir, themes)
	s.unsafeHTML = unsafeHTML(dir)
	all, err := listFiles(dir, append([]string{"content"}, s.assetDirs...))
	if err != nil {
		return nil, nil, err
	}
	s.files = make(map[string]bool, len(all))
	var pages []string
	for _, rel := range all {
		s.files[rel] = true
		if strings.HasPrefix(rel, "content/") && isContentFile(rel) {
			pages = append(pages, rel)
			if base := path.Base(rel); strings.HasPrefix(base, "index.") {
				s.leafBundles[path.Dir(rel)] = true
			}
		}
	}
	for _, rel := range pages {
		if s.bundleResource(rel) || strings.HasPrefix(path.Base(rel), "_index.") {
			continue
		}
		t := model.TypeOf(strings.TrimPrefix(rel, "content/"))
		if s.slugs[t.Name] == nil {
			s.slugs[t.Name] = map[string]bool{}
		}
		s.slugs[t.Name][model.Slug(rel)] = true
	}
	return s, pages, nil
}

// isContentFile reports a file Hugo reads as Markdown content.
func isContentFile(rel string) bool {
	return strings.HasSuffix(rel, ".md") || strings.HasSuffix(rel, ".markdown")
}

// bundleResource reports a content file inside a leaf bundle other than
// the bundle's index: Hugo makes it a resource of the bundle, not a page.
func (s *site) bundleResource(rel string) bool {
	dir := path.Dir(rel)
	if strings.HasPrefix(path.Base(rel), "index.") {
		dir = path.Dir(dir)
	}
	for ; dir != "content" && dir != "."; dir = path.Dir(dir) {
		if s.leafBundles[dir] {
			return true
		}
	}
	return false
}

// listFiles returns every file under the folders subs of root (slash
// paths relative to root, which may start with ../), sorted. Folders are
// read concurrently: listing is mostly system calls. A missing folder holds
// no files; symbolic links are listed as files, not followed.
func listFiles(root string, subs []string) ([]string, error) {
	var (
		mu    sync.Mutex
		files []string
		errs  []error
		wg    sync.WaitGroup
		slots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	)
	var visit func(dir, rel string, top bool)
	visit = func(dir, rel string, top bool) {
		slots <- struct{}{}
		f, err := os.Open(dir)
		var entries []fs.DirEntry
		if err == nil {
			entries, err = f.ReadDir(-1)
			f.Close()
		}
		<-slots
		var local []string
		for _, e := range entries {
			r := rel + "/" + e.Name()
			if e.IsDir() {
				wg.Go(func() { visit(filepath.Join(dir, e.Name()), r, false) })
			} else {
				local = append(local, r)
			}
		}
		mu.Lock()
		files = append(files, local...)
		if err != nil && !(top && errors.Is(err, fs.ErrNotExist)) {
			errs = append(errs, err)
		}
		mu.Unlock()
	}
	for _, sub := range subs {
		wg.Go(func() { visit(filepath.Join(root, filepath.FromSlash(sub)), sub, true) })
	}
	wg.Wait()
	slices.Sort(files)
	return slices.Compact(files), errors.Join(errs...)
}

// themeDirs returns the folders of the site's themes, relative to the
// site's root: those in themes/ that the site names, and the local folders
// that its module replacements point to (relative to themes/, as Hugo
// resolves them).
func themeDirs(root string) []string {
	// The themes the site names (theme = "x", or a module import "x"),
	// when themes/ holds them: a folder there that the site does not name
	// is not a theme for Hugo.
	var names, pairs []string
	if theme, ok, _ := siteconfig.Lookup(root, "theme"); ok {
		names = cast.ToStringSlice(theme.Value)
	}
	if module, ok, _ := siteconfig.Lookup(root, "module"); ok {
		m, _ := module.Value.(map[string]any)
		for k, r := range m {
			switch s, isString := r.(string); {
			case strings.EqualFold(k, "replacements") && isString:
				pairs = strings.Split(s, ",")
			case strings.EqualFold(k, "replacements"):
				pairs = cast.ToStringSlice(r)
			case strings.EqualFold(k, "imports"):
				for _, imp := range cast.ToSlice(r) {
					names = append(names, cast.ToString(cast.ToStringMap(imp)["path"]))
				}
			}
		}
	}
	var themes []string
	for _, name := range names {
		if fi, err := os.Stat(filepath.Join(root, "themes", filepath.FromSlash(name))); err == nil && fi.IsDir() && name != "" {
			themes = append(themes, path.Join("themes", name))
		}
	}
	for _, pair := range pairs {
		_, local, ok := strings.Cut(pair, "->")
		local = strings.TrimSpace(local)
		if ok && local != "" && !filepath.IsAbs(local) && !strings.Contains(local, "://") {
			themes = append(themes, path.Join("themes", filepath.ToSlash(local)))
		}
	}
	var dirs []string
	for _, t := range themes {
		if !slices.Contains(dirs, t) {
			dirs = append(dirs, t)
		}
	}
	return dirs
}

// loadBibliography reads the ids of data/bibliography.json: nil when the
// file does not exist, and an empty set (with a diagnostic) when it is not
// a CSL-JSON list.
func loadBibliography(root string) (ids map[string]bool, diags []Diagnostic) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(model.BibliographyFile)))
	if err != nil {
		return nil, nil
	}
	ids = map[string]bool{}
	report := func(off int, format string, args ...any) []Diagnostic {
		pos := frontmatter.PosAt(data, off)
		d := Diagnostic{Path: model.BibliographyFile, Line: pos.Line, Col: pos.Col, Severity: Error, Rule: RuleBibliography,
			Message: fmt.Sprintf(format, args...), Hint: "write it again with labtool import bibtex FILE --bibliography"}
		d.source, _ = frontmatter.LineText(data, pos.Line)
		return []Diagnostic{d}
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		off := len(data)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1
		}
		return ids, report(off, "not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	items, ok := v.([]any)
	if !ok {
		return ids, report(len(data)-len(bytes.TrimLeft(data, " \t\r\n")), "not a CSL-JSON list of items, but a single %s", jsonKind(v))
	}
	// A list holding things other than objects: take the ids there are.
	for _, it := range items {
		if m, ok := it.(map[string]any); ok && m["id"] != nil {
			ids[fmt.Sprint(m["id"])] = true
		}
	}
	return ids, unsafeBibliographyURLs(data, items)
}

// jsonKind names the kind of a decoded JSON value.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

// checkAll reads and checks the pages with a bounded pool of workers. The
// result of page i is results[i], whatever order the workers finish in. It
// fails when a page cannot be read.
func (s *site) checkAll(root string, pages []string, workers int) ([]fileResult, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(len(pages), 1))
	results := make([]fileResult, len(pages))
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			// Most files are clean: they are read without YAML positions,
			// and read again with them when there is something to report.
			lazy, full := frontmatter.Parser{Lazy: true}, frontmatter.Parser{}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(pages) {
					return
				}
				data, err := readFile(&buf, filepath.Join(root, filepath.FromSlash(pages[i])))
				if err != nil {
					errs[w] = err
					return
				}
				if results[i] = s.checkFile(&lazy, pages[i], data); len(results[i].diags) > 0 {
					results[i] = s.checkFile(&full, pages[i], data)
				}
			}
		})
	}
	wg.Wait()
	return results, errors.Join(errs...)
}

// readFile reads a file into buf, which is reused from file to file; the
// result is valid until the next call.
func readFile(buf *bytes.Buffer, name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf.Reset()
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

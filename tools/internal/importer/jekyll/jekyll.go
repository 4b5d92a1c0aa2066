// Package jekyll moves a Jekyll site to labsite: it reads the site's source
// folder (no Ruby, no Jekyll) and writes a labsite site, as labtool new site
// does, with the site's configuration, pages, posts, collections, people,
// publications and assets.
//
// It understands a lab's page, not just its Markdown: a masthead <header>
// becomes the masthead shortcode, an image with a bold "Figure 1: …"
// caption becomes a numbered figure, "(Fig. 1a)" a figref, coloured
// headings research themes, and author–year citations cite shortcodes where
// the bibliography has the work. What it cannot convert it keeps visible and
// lists in the Report, with the source file and line.
package jekyll

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/neuralml/labsite/tools/internal/authors"
	bibimport "github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// Options are the arguments of an import.
type Options struct {
	// Source is the Jekyll site's source folder.
	Source string
	// Site is the labsite site to write; it must be empty or not exist,
	// unless Force is set.
	Site string
	// Bibliography is the .bib of the works the pages cite: citations
	// resolve against it, and it becomes data/bibliography.json. Without
	// it the site's own _bibliography/*.bib (the lab's papers, which
	// become data/publications.json) serves for both.
	Bibliography string
	// ThemePath, when set, is a local folder holding the theme (as
	// labtool new site --theme-path).
	ThemePath string
	// DryRun reports what would be written, and writes nothing.
	DryRun bool
	// Force writes into a folder that is not empty, replacing files.
	Force bool
}

// importer holds the state of one import.
type importer struct {
	o      Options
	src    string // absolute source folder
	cfg    config
	report *Report

	// files are the source files, relative, with slashes, sorted.
	files  []string
	byBase map[string][]string

	bib *bibIndex
	// labBib is the site's own .bib (source path), the lab's papers;
	// labBibName its copy in the new site. citeBib is the .bib in the new
	// site that citations resolve against.
	labBib, labBibName, citeBib string
	// genBib are the publications read from pages and data, for the lab's
	// .bib.
	genBib []bibEntry

	out      map[string][]byte      // site files to write, by relative path
	origin   map[string]string      // site file → the source file it came from
	assets   map[string]string      // site file → source file to copy
	assetUse map[string]int         // source file → how pages use it (usedAsImage, usedAsFile)
	dest     map[string]string      // source page → its content path, for {% link %}
	posts    map[string]string      // post name (2024-01-05-slug) → content path
	urls     map[string]string      // a page's URL, new or old → its content file
	people   map[string]*personPage // by slug
	// nav are the pages that may be in the main menu; navFromData is
	// _data/navigation.yml's, once read.
	nav []navPage
	// sources are the files prepare read (and converted) ahead.
	sources     map[string]readSource
	mu          sync.Mutex // guards assetUse while bodies convert at once
	navFromData *[]navPage
	colours     []string // research theme colours taken, in order
	weights     int      // research themes so far
}

// Import reads the Jekyll site o.Source and writes a labsite site into
// o.Site. The error is for what stops the import (a source folder that
// does not exist, a site folder that is not empty); problems with single
// files are in the report, and the import goes on without them.
func Import(o Options) (*Report, error) {
	fi, err := os.Stat(o.Source)
	if err != nil {
		return nil, fmt.Errorf("Jekyll site: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("Jekyll site %s is not a folder", o.Source)
	}
	abs, err := filepath.Abs(o.Source)
	if err != nil {
		return nil, err
	}
	if !o.DryRun && !o.Force {
		if entries, err := os.ReadDir(o.Site); err == nil && len(entries) > 0 {
			return nil, fmt.Errorf("%s is not empty; use --force to import into it (replacing the files the import writes)", o.Site)
		}
	}
	imp := &importer{
		o: o, src: abs,
		report: &Report{Source: o.Source, Site: o.Site, DryRun: o.DryRun},
		byBase: map[string][]string{},
		out:    map[string][]byte{}, origin: map[string]string{}, assets: map[string]string{}, assetUse: map[string]int{},
		dest: map[string]string{}, posts: map[string]string{}, urls: map[string]string{},
		people: map[string]*personPage{}, sources: map[string]readSource{},
	}
	imp.readConfig()
	if err := imp.scan(); err != nil {
		return nil, err
	}
	imp.readBibliography()
	imp.convert()
	if err := imp.write(); err != nil {
		return imp.report, err
	}
	imp.report.sort()
	return imp.report, nil
}

func (imp *importer) abs(rel string) string { return filepath.Join(imp.src, filepath.FromSlash(rel)) }

// skipped are files and folders of a Jekyll source that are never content.
var skipped = []string{"_site", "_layouts", "_includes", "_sass", "_plugins", "node_modules", "vendor", "Gemfile", "Gemfile.lock", ".jekyll-cache", ".sass-cache", ".jekyll-metadata", "CNAME", "LICENSE", "LICENSE.md", "README.md", "README", "CHANGELOG.md", "CONTRIBUTING.md", "package.json", "package-lock.json", "Dockerfile", "docker-compose.yml", "bin", "Rakefile", "purgecss.config.js"}

// scan lists the source files.
func (imp *importer) scan() error {
	// The new site may be inside the Jekyll folder (--out new-site): it is
	// not part of the old site.
	out, _ := filepath.Abs(imp.o.Site)
	err := filepath.WalkDir(imp.src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == out {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(imp.src, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		name := d.Name()
		excluded := strings.HasPrefix(name, ".") || slices.Contains(skipped, rel) || slices.ContainsFunc(imp.cfg.Exclude, func(e string) bool {
			return rel == strings.Trim(e, "/") || strings.HasPrefix(rel, strings.Trim(e, "/")+"/")
		})
		if excluded {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		imp.files = append(imp.files, rel)
		imp.byBase[strings.ToLower(path.Base(rel))] = append(imp.byBase[strings.ToLower(path.Base(rel))], rel)
		return nil
	})
	sort.Strings(imp.files)
	return err
}

// kind is what a source file becomes.
type kind int

const (
	kindNone kind = iota
	kindPage
	kindPost
	kindNews
	kindTheme
	kindPerson
	kindPublication
	kindCollection
	kindPeopleData
	kindNewsData
	kindPubData
	kindBib
)

var peopleDirs = []string{"_members", "_people", "_team", "_alumni", "_students"}

var peopleData = []string{"team", "members", "member", "people", "students", "alumni", "lab_members", "group"}

func (imp *importer) kindOf(rel string) (kind, string) {
	top, _, nested := strings.Cut(rel, "/")
	ext := strings.ToLower(path.Ext(rel))
	page := ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".mkd" || ext == ".mdown"
	if !nested {
		top = ""
	}
	switch {
	case top == "_posts" || top == "_drafts":
		if page {
			return kindPost, ""
		}
	case top == "_news" || top == "_announcements":
		if page {
			return kindNews, ""
		}
	case top == "_projects" || top == "_research":
		if page {
			return kindTheme, ""
		}
	case slices.Contains(peopleDirs, top):
		if page {
			return kindPerson, ""
		}
	case top == "_publications":
		if page {
			return kindPublication, ""
		}
	case top == "_bibliography":
		if ext == ".bib" {
			return kindBib, ""
		}
	case top == "_data":
		base := strings.TrimSuffix(path.Base(rel), ext)
		if ext != ".yml" && ext != ".yaml" {
			break
		}
		base = strings.ToLower(base)
		switch {
		case slices.ContainsFunc(peopleData, func(p string) bool { return strings.HasPrefix(base, p) }):
			return kindPeopleData, ""
		case strings.HasPrefix(base, "news"):
			return kindNewsData, ""
		case strings.HasPrefix(base, "publist") || strings.HasPrefix(base, "publications"):
			return kindPubData, ""
		}
	case top == "_pages":
		if page {
			return kindPage, ""
		}
	case strings.HasPrefix(top, "_"):
		name := strings.TrimPrefix(top, "_")
		if page && slices.Contains(imp.cfg.Collections, name) {
			return kindCollection, name
		}
	default:
		if page {
			return kindPage, ""
		}
	}
	return kindNone, ""
}

// readSource is a source file read ahead.
type readSource struct {
	s  *source
	ok bool
}

// prepare reads the source files and converts their bodies, on all CPUs:
// the work of each file that needs no other file. What follows (where
// each page goes, its front matter) runs in order.
func (imp *importer) prepare(rels []string, kinds []kind) {
	type result struct {
		rel string
		r   readSource
	}
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rel, k := rels[i], kinds[i]
				s, ok := imp.readSource(rel)
				if s != nil && (ok || k != kindPage) {
					var c converted
					switch k {
					case kindPage:
						if pi := imp.pageOf(s); !pi.skip {
							c = imp.convertBody(s, bodyOptions{research: true, section: pi.section})
						}
					default:
						c = imp.convertBody(s, bodyOptions{})
					}
					s.conv = &c
				}
				results <- result{rel, readSource{s, ok}}
			}
		}()
	}
	go func() {
		for i := range rels {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	for r := range results {
		imp.sources[r.rel] = r.r
	}
}

// convert reads every source file and plans the site's files.
func (imp *importer) convert() {
	// Where each page and post goes, first, so that {% link %} and
	// {% post_url %} resolve whatever the order.
	type job struct {
		rel  string
		kind kind
		coll string
	}
	var jobs []job
	for _, rel := range imp.files {
		k, coll := imp.kindOf(rel)
		if k == kindNone || k == kindBib {
			continue
		}
		jobs = append(jobs, job{rel, k, coll})
		if k == kindPost {
			name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
			imp.posts[name] = ""
		}
	}
	var rels []string
	var kinds []kind
	for _, j := range jobs {
		switch j.kind {
		case kindPage, kindPost, kindNews, kindTheme, kindPerson, kindPublication, kindCollection:
			rels, kinds = append(rels, j.rel), append(kinds, j.kind)
		}
	}
	imp.prepare(rels, kinds)
	for _, j := range jobs {
		switch j.kind {
		case kindPage:
			imp.convertPage(j.rel)
		case kindPost, kindNews:
			imp.convertPost(j.rel, j.kind == kindNews)
		case kindTheme:
			imp.convertProject(j.rel)
		case kindPerson:
			imp.convertPerson(j.rel)
		case kindPeopleData:
			imp.convertPeopleData(j.rel)
		case kindPublication:
			imp.convertPublication(j.rel)
		case kindNewsData:
			imp.convertNewsData(j.rel)
		case kindPubData:
			imp.convertPubData(j.rel)
		case kindCollection:
			imp.convertCollection(j.rel, j.coll)
		}
	}
	imp.finishBibliography()
	if a := imp.cfg.Author; a != nil {
		if _, ok := imp.origin[path.Join("content/people", model.Slugify(a.name)+".md")]; !ok {
			imp.report.add(imp.cfg.file, imp.cfg.authorLine, Warning, "person", "the site's author, %s, became a person with role pi: correct the role if it is not", a.name)
			a.role = "pi"
			if a.image != "" && !strings.Contains(a.image, "/") && !imp.exists(a.image) {
				a.image = "images/" + a.image // where minimal-mistakes looks
			}
			imp.emitPerson(imp.cfg.file, imp.cfg.authorLine, *a)
		}
	}
	imp.sections()
	imp.resolveLinks()
}

// sections writes the _index.md of the sections the theme's menu links
// to, unless a page of the Jekyll site became it.
func (imp *importer) sections() {
	for _, s := range []struct{ dir, title string }{
		{"", imp.siteTitle()}, {"research", "Research"}, {"people", "People"}, {"publications", "Publications"}, {"news", "News"},
	} {
		rel := path.Join("content", s.dir, "_index.md")
		if _, ok := imp.out[rel]; ok {
			continue
		}
		imp.emit(rel, "", entry{typ: "page", title: s.title})
	}
}

func (imp *importer) siteTitle() string {
	if imp.cfg.Title != "" {
		return imp.cfg.Title
	}
	return "My Lab"
}

// entry is a content file to write.
type entry struct {
	typ    string
	title  string
	values map[string]any
	body   string
	// extends: the page adds to an entry of data/publications.json.
	extends bool
}

// emit renders e with the content model and plans it at rel. A second
// file for the same place gets a number, and the report says so.
func (imp *importer) emit(rel, from string, e entry) string {
	if prev, ok := imp.origin[rel]; ok {
		ext := path.Ext(rel)
		base := strings.TrimSuffix(rel, ext)
		for i := 2; ; i++ {
			alt := fmt.Sprintf("%s-%d%s", base, i, ext)
			if _, ok := imp.origin[alt]; !ok {
				imp.report.add(from, 0, Warning, "duplicate", "%s would go to %s, like %s: written as %s", from, rel, prev, alt)
				rel = alt
				break
			}
		}
	}
	t := model.TypeNamed(e.typ)
	values := map[string]any{}
	for k, v := range e.values {
		f, ok := t.Field(k)
		if !ok {
			continue
		}
		checked, err := scaffold.CheckValue(f, v)
		if err != nil {
			imp.report.add(from, 0, Warning, "field", "%s: %v; the field was left out", k, errors.Unwrap(err))
			continue
		}
		values[k] = checked
	}
	en := scaffold.Entry{Type: t, Title: e.title, Values: values, Body: e.body, Extends: e.extends}
	data, examples, err := en.Render()
	if err != nil {
		imp.report.add(from, 0, Error, "field", "%v", err)
		return rel
	}
	if len(examples) > 0 {
		// The model's example stands in for what the source lacks: the page
		// is a draft, so that the example is never published.
		values["draft"] = true
		en.Values = values
		data, _, err = en.Render()
		if err != nil {
			imp.report.add(from, 0, Error, "field", "%v", err)
			return rel
		}
	}
	for _, f := range examples {
		imp.report.add(from, 0, Error, "field", "%s has no %s: %s holds the example %q and is a draft until you replace it", from, f.Name, rel, f.Example)
	}
	imp.out[rel] = data
	imp.origin[rel] = from
	imp.urls[pageURL(rel)] = rel
	if u, ok := values["url"].(string); ok {
		imp.urls[normaliseURL(u)] = rel
	}
	for _, a := range stringsOf(values["aliases"]) {
		imp.urls[normaliseURL(a)] = rel
	}
	return rel
}

// pageURL is the URL Hugo gives the content file rel by default.
func pageURL(rel string) string {
	p := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md")
	p = strings.TrimSuffix(strings.TrimSuffix(p, "_index"), "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// write writes the planned site, or in a dry run lists it.
func (imp *importer) write() error {
	imp.placeAssets()
	r := imp.report
	siteOpts := scaffold.SiteOptions{
		Title: imp.siteTitle(), ThemePath: imp.o.ThemePath, Force: imp.o.Force, Bare: true,
		Config: imp.siteConfig(),
	}
	dir := imp.o.Site
	if imp.o.DryRun {
		tmp, err := os.MkdirTemp("", "labtool-import-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
		siteOpts.Force = true
		if siteOpts.ThemePath != "" {
			siteOpts.ThemePath, _ = filepath.Abs(siteOpts.ThemePath)
		}
	}
	res, err := scaffold.NewSite(dir, siteOpts)
	if err != nil {
		return err
	}
	for _, f := range res.Files {
		rel, _ := filepath.Rel(dir, f)
		r.Files = append(r.Files, filepath.ToSlash(rel))
	}
	for rel := range imp.out {
		r.Files = append(r.Files, rel)
	}
	for rel := range imp.assets {
		r.Files = append(r.Files, rel)
	}
	if imp.labBib != "" {
		r.Files = append(r.Files, bibimport.PublicationsFile)
	}
	if imp.citeBib != "" {
		r.Files = append(r.Files, model.BibliographyFile)
	}
	if imp.o.DryRun {
		return nil
	}
	site, err := siteio.Open(imp.o.Site)
	if err != nil {
		return err
	}
	// The files are many and small, each written atomically and flushed
	// to disk: several at once, so that the disk's latency overlaps.
	type job struct {
		rel  string
		data []byte
		src  string
	}
	jobs := make(chan job)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				data := j.data
				if j.src != "" {
					var err error
					if data, err = os.ReadFile(imp.abs(j.src)); err != nil {
						errs <- err
						return
					}
				}
				if err := site.Write(j.rel, data, imp.o.Force); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var all []job
	for rel, data := range imp.out {
		all = append(all, job{rel: rel, data: data})
	}
	for rel, src := range imp.assets {
		all = append(all, job{rel: rel, src: src})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].rel < all[j].rel })
feed:
	for _, j := range all {
		select {
		case jobs <- j:
		case err := <-errs:
			errs <- err
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	if imp.labBib != "" {
		res, err := bibimport.BibTeX(site, site.Abs(imp.labBibName), bibimport.Options{})
		if err != nil {
			return err
		}
		if imp.linkInitials(site, res.Matches) {
			// The people now have the spellings: import again.
			if res, err = bibimport.BibTeX(site, site.Abs(imp.labBibName), bibimport.Options{}); err != nil {
				return err
			}
		}
		for _, d := range res.Diagnostics {
			r.add(imp.labBib, d.Line, Error, "bibtex", "%s", d.Msg)
		}
		for _, m := range res.Matches {
			msg, hint := m.Message()
			if hint != "" {
				msg += "; " + hint
			}
			r.add(imp.labBib, m.Line, Warning, "author-match", "%s", msg)
		}
	}
	if imp.citeBib != "" {
		bres, err := bibimport.WriteBibliography(site, site.Abs(imp.citeBib))
		if err != nil {
			return err
		}
		if imp.citeBib != imp.labBibName {
			for _, d := range bres.Diagnostics {
				r.add(imp.origin[imp.citeBib], d.Line, Error, "bibtex", "%s", d.Msg)
			}
		}
	}
	return nil
}

// linkInitials adds an author who matched one person of the import by
// initials only ("Shore, L." for Lin Shore) to that person's names, since
// the same Jekyll site listed both; the report says so, for a human to
// check. It reports whether a page changed.
func (imp *importer) linkInitials(site *siteio.Site, matches []bibimport.MatchProblem) bool {
	changed := false
	for _, m := range matches {
		if m.Result.Kind != authors.NearMiss || len(m.Result.Candidates) != 1 {
			continue
		}
		pp := imp.people[m.Result.Candidates[0].Slug]
		if pp == nil {
			continue
		}
		names := stringsOf(pp.e.values["names"])
		if contains(names, m.Author) {
			continue
		}
		pp.e.values["names"] = append(names, m.Author)
		en := scaffold.Entry{Type: model.TypeNamed("person"), Title: pp.e.title, Values: pp.e.values, Body: pp.e.body}
		data, _, err := en.Render()
		if err != nil {
			continue
		}
		if err := site.Write(pp.rel, data, true); err != nil {
			continue
		}
		imp.out[pp.rel] = data
		imp.report.add(pp.from, pp.line, Warning, "author-match", "author %q of %s was linked to %s by initials (names: in %s): check that it is them", m.Author, m.Key, pp.e.title, pp.rel)
		changed = true
	}
	return changed
}

// writers is how many files are written at once.
const writers = 8

// siteConfig is hugo.toml's part that comes from _config.yml.
func (imp *importer) siteConfig() scaffold.SiteConfig {
	c := imp.cfg
	sc := scaffold.SiteConfig{BaseURL: c.baseURL(), TimeZone: c.Timezone, Labsite: map[string]any{}, Menu: imp.menu()}
	if c.Title != "" {
		sc.Labsite["name"] = c.Title
	}
	if c.Description != "" {
		sc.Labsite["description"] = c.Description
	}
	if c.Email != "" {
		sc.Labsite["email"] = c.Email
	}
	if len(c.Address) > 0 {
		sc.Labsite["address"] = c.Address
	}
	if len(c.Social) > 0 {
		sc.Labsite["social"] = c.Social
	}
	if imp.report.Counts.Posts > 0 {
		if p, ok := hugoPermalink(c.postPermalink()); ok {
			sc.Permalinks = map[string]string{"news": p}
		}
	}
	return sc
}

package jekyll

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// source is one Jekyll file with front matter.
type source struct {
	rel      string
	doc      *frontmatter.Document // nil without front matter
	body     string
	bodyLine int
	html     bool // an .html file: its body is HTML, not Markdown
	broken   bool // its front matter does not parse (and was reported)
	listed   bool // its listing Liquid was taken out (pageOf)
	// conv is its body converted, when the import converted it ahead.
	conv *converted
	used map[string]bool
}

// read returns a source file, read ahead by prepare or read now.
func (imp *importer) read(rel string) (*source, bool) {
	if r, ok := imp.sources[rel]; ok {
		return r.s, r.ok
	}
	return imp.readSource(rel)
}

// readSource reads a source file. Front matter that does not parse is
// reported at its line; the body is imported all the same.
func (imp *importer) readSource(rel string) (*source, bool) {
	data, err := os.ReadFile(imp.abs(rel))
	if err != nil {
		imp.report.add(rel, 0, Error, "read", "%v", err)
		return nil, false
	}
	ext := strings.ToLower(path.Ext(rel))
	s := &source{rel: rel, html: ext == ".html" || ext == ".htm", used: map[string]bool{}, bodyLine: 1, body: string(data)}
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\ufeff"), []byte("---")) {
		return s, false
	}
	doc, err := frontmatter.Parse(data)
	if doc != nil {
		s.body, s.bodyLine = string(doc.Body), doc.BodyLine
	}
	if err != nil {
		var errs frontmatter.Errors
		line, msg := 0, err.Error()
		if es, ok := err.(frontmatter.Errors); ok && len(es) > 0 {
			errs = es
			line, msg = errs[0].Pos.Line, errs[0].Msg
		}
		s.broken = true
		imp.report.add(rel, line, Error, "frontmatter", "front matter does not parse: %s; the page was imported without it (title from its text or file name): copy its fields by hand", msg)
		if doc == nil || len(doc.Body) == 0 && len(doc.Raw) > 0 && doc.Close.Line == 0 {
			// Never closed: everything after the opening line is the body.
			if i := strings.IndexByte(string(data), '\n'); i >= 0 {
				s.body, s.bodyLine = string(data[i+1:]), 2
			}
		}
		return s, true
	}
	s.doc = doc
	return s, true
}

func (s *source) entry(key string) *frontmatter.Entry {
	if s.doc == nil {
		return nil
	}
	e := s.doc.Lookup(key)
	if e != nil {
		s.used[strings.ToLower(key)] = true
	}
	return e
}

func (s *source) str(key string) string {
	e := s.entry(key)
	if e == nil || e.Value == nil {
		return ""
	}
	switch e.Value.Kind {
	case frontmatter.StringValue, frontmatter.IntValue, frontmatter.FloatValue, frontmatter.TimestampValue, frontmatter.BoolValue:
		return strings.TrimSpace(e.Value.Text)
	}
	return ""
}

// list reads a list, or a string of space-separated words as Jekyll
// reads categories and tags.
func (s *source) list(key string, split bool) []string {
	e := s.entry(key)
	if e == nil || e.Value == nil {
		return nil
	}
	var out []string
	switch e.Value.Kind {
	case frontmatter.StringValue:
		if split {
			return strings.Fields(e.Value.Text)
		}
		if t := strings.TrimSpace(e.Value.Text); t != "" {
			return []string{t}
		}
	case frontmatter.ListValue:
		for _, it := range e.Value.Items {
			if t := strings.TrimSpace(it.Text); t != "" && it.Kind != frontmatter.NullValue {
				out = append(out, t)
			}
		}
	}
	return out
}

func (s *source) line(key string) int {
	if s.doc == nil {
		return 0
	}
	if e := s.doc.Lookup(key); e != nil {
		return e.KeyPos.Line
	}
	return 0
}

// dropped reports the front-matter fields no mapping used.
func (imp *importer) dropped(s *source, ignore ...string) {
	if s.doc == nil {
		return
	}
	var names []string
	line := 0
	for _, e := range s.doc.Entries {
		k := strings.ToLower(e.Key)
		if s.used[k] || k == "layout" || contains(ignore, k) || contains(quietFields, k) {
			continue
		}
		if line == 0 {
			line = e.KeyPos.Line
		}
		names = append(names, e.Key)
	}
	if len(names) > 0 {
		imp.report.add(s.rel, line, Warning, "field", "front matter not carried over: %s", strings.Join(names, ", "))
	}
}

// quietFields are Jekyll theme settings with no meaning on a labsite site.
var quietFields = []string{"sitemap", "comments", "giscus_comments", "related_posts", "toc", "share", "author_profile", "read_time", "mathjax", "nav", "nav_order", "pagination", "inline", "published", "collection", "excerpt_separator", "disqus_comments", "_styles", "output", "search", "header", "classes", "social", "announcements", "latest_posts", "selected_papers", "enable_math", "chart", "mermaid", "tikzjax", "pseudocode", "typograms", "map", "featured", "thumbnail", "last_modified_at"}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.+)$`)

// parseDate reads the dates Jekyll accepts, in UTC when they have no
// offset.
func parseDate(s string) (time.Time, bool) { return parseDateIn(s, time.UTC) }

// parseDateIn reads the dates Jekyll accepts; one without an offset is a
// time in loc, as Jekyll reads it in the site's timezone.
func parseDateIn(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{
		time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05-0700", "2006-01-02 15:04:05-07:00",
		"2006-01-02 15:04:05", "2006-01-02 15:04 -0700", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02", "2006-1-2",
	} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// date reads a front-matter date in the site's timezone.
func (imp *importer) date(s string) (time.Time, bool) {
	loc := imp.cfg.location
	if loc == nil {
		loc = time.UTC
	}
	return parseDateIn(s, loc)
}

// formatDate writes a date as front matter takes it: YYYY-MM-DD when it
// has no time, RFC 3339 otherwise.
func formatDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// common maps the front matter every kind of page shares: permalink →
// url, redirect_from → aliases, categories and tags → tags, date,
// description, published: false → draft.
//
// News items and publications keep Hugo's url for their own pattern
// (validate warns about it there): their permalink becomes an alias,
// which keeps the old URL working all the same.
func (imp *importer) common(s *source, values map[string]any, defaultURL string, ownURL bool) {
	var aliases []string
	if p := s.str("permalink"); p != "" {
		u := normaliseURL(p)
		switch {
		case u == defaultURL:
		case ownURL:
			values["url"] = u
		default:
			aliases = append(aliases, u)
		}
	}
	aliases = append(aliases, s.list("redirect_from", false)...)
	if a, ok := values["aliases"].([]string); ok {
		aliases = append(a, aliases...)
	}
	if len(aliases) > 0 {
		values["aliases"] = dedupe(aliases)
	}
	tags := append(s.list("categories", true), s.list("category", true)...)
	tags = append(tags, s.list("tags", true)...)
	if len(tags) > 0 {
		values["tags"] = dedupe(tags)
	}
	if d := s.str("date"); d != "" {
		if t, ok := imp.date(d); ok {
			values["date"] = formatDate(t)
		} else {
			imp.report.add(s.rel, s.line("date"), Warning, "field", "date %q is not a date; left out", d)
		}
	}
	if d := s.str("description"); d != "" {
		values["description"] = d
	}
	if e := s.str("excerpt"); e != "" {
		values["summary"] = strings.Join(strings.Fields(e), " ")
	}
	if s.str("published") == "false" {
		values["draft"] = true
	}
}

func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// normaliseURL makes a Jekyll permalink a path starting with /.
func normaliseURL(p string) string {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// sectionPages are the permalinks of the sections the theme makes.
var sectionPages = map[string]string{"/research/": "research", "/projects/": "research", "/people/": "people", "/team/": "people", "/members/": "people", "/publications/": "publications", "/news/": "news", "/blog/": "news"}

// pageInfo is where a page stands: its folder and name, its permalink,
// whether it is the home page or a section's own page.
type pageInfo struct {
	base, dir, permalink, sectionURL, section string
	home, skip                                bool
}

// pageOf reads where the page s stands. A section's or the home page's
// Liquid that listed a collection (al-folio's projects page, the Allan
// Lab's team page, a blog's home page) is taken out of the body, once:
// the section lists its pages itself, and the home page the latest news.
func (imp *importer) pageOf(s *source) pageInfo {
	rel := s.rel
	p := pageInfo{base: strings.TrimSuffix(path.Base(rel), path.Ext(rel)), dir: path.Dir(rel)}
	if p.dir == "_pages" || p.dir == "." {
		p.dir = ""
	} else {
		p.dir = strings.TrimPrefix(p.dir, "_pages/")
	}
	if p.base == "404" && p.dir == "" {
		p.skip = true // the theme has its own 404 page
		return p
	}
	if s.str("permalink") != "" {
		p.permalink = normaliseURL(s.str("permalink"))
	}
	// A folder's index page is at the folder's URL: team/index.md is /team/.
	p.sectionURL = p.permalink
	if p.sectionURL == "" && p.base == "index" && p.dir != "" && !strings.Contains(p.dir, "/") {
		p.sectionURL = "/" + p.dir + "/"
	}
	p.home = p.permalink == "/" || (p.dir == "" && p.base == "index")
	p.section = sectionPages[p.sectionURL]
	if p.home {
		p.section = "home"
	}
	if p.section != "" && !s.listed {
		s.listed = true
		var listed []listing
		s.body, listed = dropListings(s.body)
		for _, l := range listed {
			imp.report.add(rel, s.bodyLine+l.line-1, Warning, "liquid", "the Liquid that listed %s was left out: the %s page lists them itself", l.what, p.section)
		}
	}
	return p
}

// convertPage imports a page: a Markdown or HTML file with front matter
// outside the collections.
func (imp *importer) convertPage(rel string) {
	s, ok := imp.read(rel)
	if !ok {
		return
	}
	pi := imp.pageOf(s)
	if pi.skip {
		return
	}
	base, dir, permalink, sectionURL, home := pi.base, pi.dir, pi.permalink, pi.sectionURL, pi.home
	c := imp.convertBody(s, bodyOptions{research: true, section: pi.section})
	title := s.str("title")
	if c.title != "" {
		title = c.title
	}
	if title == "" {
		title = firstHeading(c.body)
	}
	if title == "" && !home {
		if s.broken {
			title = titleFromName(base) // the report already says the file is broken
		} else {
			title = imp.titleFromFileName(rel, base)
		}
	}
	title = imp.trimSiteTitle(title)
	c.body = dropTitleHeading(c.body, title)
	values := map[string]any{}
	// Where the page goes: the home page, a section's own page, or a
	// page at its old path.
	var dest, defaultURL string
	switch {
	case home:
		dest, defaultURL = "content/_index.md", "/"
		title = imp.siteTitle()
	case len(c.themes) > 0:
		dest, defaultURL = "content/research/_index.md", "/research/"
	case sectionPages[sectionURL] != "":
		sec := sectionPages[sectionURL]
		dest, defaultURL = path.Join("content", sec, "_index.md"), "/"+sec+"/"
	case base == "index":
		dest, defaultURL = path.Join("content", dir, "_index.md"), "/"+dir+"/"
	default:
		slug := model.Slugify(base)
		if slug == "" {
			slug = "page"
		}
		dest = path.Join("content", dir, slug+".md")
		defaultURL = "/" + strings.TrimPrefix(path.Join(dir, slug), "/") + "/"
	}
	if permalink == "" && dest != "content/_index.md" {
		// Jekyll served the page at its file name with .html.
		old := "/" + strings.TrimSuffix(strings.TrimPrefix(rel, "_pages/"), path.Ext(rel)) + ".html"
		if base == "index" {
			old = "/" + strings.TrimPrefix(dir+"/", "/")
		}
		if old != defaultURL && old != "/" {
			values["aliases"] = []string{old}
		}
	}
	imp.common(s, values, defaultURL, true)
	if values["url"] == defaultURL {
		delete(values, "url")
	}
	s.used["title"], s.used["permalink"] = true, true
	imp.dropped(s)
	imp.dest[rel] = dest
	dest = imp.emit(dest, rel, entry{typ: "page", title: title, values: values, body: c.body})
	imp.readNav(s, dest, title, dir == "" && !home && s.str("title") != "")
	imp.report.Counts.Pages++
	imp.emitThemes(rel, c.themes)
}

// trimSiteTitle drops the site's name from a page title that repeats it,
// as "Brightwater Lab - Team": the theme shows the site's name itself.
func (imp *importer) trimSiteTitle(title string) string {
	site := imp.cfg.Title
	if site == "" || title == site {
		return title
	}
	for _, sep := range []string{" - ", " – ", " | ", ": "} {
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

func orDefault(s, d string) string {
	if s != "" {
		return s
	}
	return d
}

// emitThemes writes the research themes a page's coloured headings made.
func (imp *importer) emitThemes(from string, themes []theme) {
	for _, t := range themes {
		slug := model.Slugify(t.title)
		if slug == "" {
			slug = "theme"
		}
		imp.weights++
		values := map[string]any{"weight": imp.weights * 10}
		if t.color != "" {
			values["color"] = t.color
			imp.colours = append(imp.colours, t.color)
		} else {
			c := model.NextPaletteColor(model.DefaultPalette, imp.colours)
			values["color"] = c
			imp.colours = append(imp.colours, c)
		}
		if t.summary != "" {
			values["summary"] = t.summary
		}
		imp.emit(path.Join("content/research", slug+".md"), from, entry{typ: "theme", title: t.title, values: values, body: t.body})
		imp.report.Counts.Themes++
	}
}

var (
	// assignListing is an assign of a collection to a variable.
	assignListing = regexp.MustCompile(`\{%-?\s*assign\s+(\w+)\s*=\s*((?:site|paginator)\.[\w.]+)[^%]*-?%\}`)
	// forLoop opens a loop; forTag finds for and endfor tags.
	forLoop = regexp.MustCompile(`\{%-?\s*for\s+\w+\s+in\s+([\w.]+)[^%]*-?%\}`)
	forTag  = regexp.MustCompile(`\{%-?\s*(for|endfor)\b[^%]*-?%\}`)
)

// listing is a piece of Liquid that listed a collection.
type listing struct {
	line int // 1-based, in the body
	what string
}

// dropListings removes the Liquid that lists a collection: assigns of
// site.<collection> and loops over it (to their endfor), keeping the
// line breaks so that later lines keep their numbers. The text around
// them stays.
func dropListings(body string) (string, []listing) {
	var out []listing
	vars := map[string]string{}
	blank := func(s string) string { return strings.Repeat("\n", strings.Count(s, "\n")) }
	body = assignListing.ReplaceAllStringFunc(body, func(m string) string {
		sm := assignListing.FindStringSubmatch(m)
		vars[sm[1]] = sm[2]
		return blank(m)
	})
	for pos := 0; ; {
		loc := forLoop.FindStringSubmatchIndex(body[pos:])
		if loc == nil {
			break
		}
		start := pos + loc[0]
		expr := body[pos+loc[2] : pos+loc[3]]
		what, ok := vars[expr]
		if !ok && (strings.HasPrefix(expr, "site.") || strings.HasPrefix(expr, "paginator.")) {
			what, ok = expr, true
		}
		if !ok {
			pos += loc[1]
			continue
		}
		// The matching endfor, loops inside counted.
		depth, end := 0, -1
		for _, t := range forTag.FindAllStringSubmatchIndex(body[start:], -1) {
			if body[start+t[2]:start+t[3]] == "for" {
				depth++
			} else if depth--; depth == 0 {
				end = start + t[1]
				break
			}
		}
		if end < 0 {
			break
		}
		out = append(out, listing{line: 1 + strings.Count(body[:start], "\n"), what: what})
		body = body[:start] + blank(body[start:end]) + body[end:]
		pos = start
	}
	return body, out
}

// dropTitleHeading removes a heading that opens the body and repeats the
// page's title: the theme prints the title as the page's h1.
func dropTitleHeading(body, title string) string {
	loc := headingLine.FindStringSubmatchIndex(body)
	if loc == nil || strings.TrimSpace(body[:loc[0]]) != "" {
		return body
	}
	if !strings.EqualFold(strings.TrimSpace(strings.Trim(body[loc[2]:loc[3]], "*_")), strings.TrimSpace(title)) {
		return body
	}
	return strings.TrimLeft(body[loc[1]:], "\n")
}

var headingLine = regexp.MustCompile(`(?m)^#{1,6}\s+(.+?)\s*#*\s*$`)

func firstHeading(md string) string {
	if m := headingLine.FindStringSubmatch(md); m != nil {
		return strings.TrimSpace(strings.Trim(m[1], "*_"))
	}
	return ""
}

// titleFromFileName is the title of a page that has none, made from its
// file's name (titleFromName), which the report warns about.
func (imp *importer) titleFromFileName(rel, name string) string {
	title := titleFromName(name)
	imp.report.add(rel, 0, Warning, "title", "no title: %q was made from the file name", title)
	return title
}

// titleFromName makes a title of a file name: "about-us" → "About us".
func titleFromName(name string) string {
	name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	name = strings.TrimSpace(name)
	if name == "" {
		return "Untitled"
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// post is a Jekyll post or news item.
type post struct {
	slug       string
	date       time.Time
	categories []string
}

// convertPost imports a post (_posts, _drafts) or an al-folio news item
// (_news) as a news item.
func (imp *importer) convertPost(rel string, news bool) {
	s, _ := imp.read(rel)
	if s == nil {
		return
	}
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	p := &post{slug: name}
	var haveDate bool
	if m := datePrefix.FindStringSubmatch(name); m != nil {
		p.slug = m[2]
		p.date, haveDate = imp.date(m[1])
	}
	if d := s.str("date"); d != "" {
		if t, ok := imp.date(d); ok {
			p.date, haveDate = t, true
		}
	}
	if sl := s.str("slug"); sl != "" {
		p.slug = sl
	}
	p.slug = model.Slugify(p.slug)
	if p.slug == "" {
		p.slug = "post"
	}
	p.categories = append(s.list("categories", true), s.list("category", true)...)
	c := imp.convertBody(s, bodyOptions{})
	values := map[string]any{"slug": p.slug}
	title := s.str("title")
	if title == "" {
		title = titleFromText(c.body)
		if title == "" {
			title = titleFromName(p.slug)
		}
		if !s.broken {
			imp.report.add(rel, 0, Warning, "title", "no title: %q was made from its text", title)
		}
	}
	if !haveDate {
		imp.report.add(rel, 0, Error, "date", "no date (neither in the file name, YYYY-MM-DD-title.md, nor in the front matter): add date: to %s", rel)
	} else {
		values["date"] = formatDate(p.date)
	}
	// The old URL keeps working: an alias, where the news permalink
	// (without categories, ending in /) makes another one.
	var old string
	if news {
		old = imp.cfg.oldURL(strings.TrimPrefix(strings.SplitN(rel, "/", 2)[0], "_"), rel)
	} else {
		old = jekyllURL(imp.cfg.postPermalink(), p)
	}
	if h, ok := hugoPermalink(imp.cfg.postPermalink()); ok && old != "" && haveDate {
		if jekyllURL(h, p) != old {
			values["aliases"] = []string{old}
		}
	} else if old != "" {
		values["aliases"] = []string{old}
	}
	imp.common(s, values, "", false)
	if strings.HasPrefix(rel, "_drafts/") {
		values["draft"] = true
	}
	if img := s.str("image"); img != "" {
		if u, ok := imp.image(rel, s.line("image"), img); ok {
			values["image"] = u
		}
	}
	s.used["title"], s.used["slug"] = true, true
	imp.dropped(s, "author")
	dest := path.Join("content/news", name+".md")
	if model.Slugify(name) != name {
		dest = path.Join("content/news", model.Slugify(name)+".md")
	}
	dest = imp.emit(dest, rel, entry{typ: "news", title: title, values: values, body: c.body})
	imp.dest[rel] = dest
	imp.posts[name] = dest
	imp.report.Counts.Posts++
}

// titleFromText makes a title of a news item's first sentence (al-folio's
// inline announcements have none).
func titleFromText(md string) string {
	text := plainText(md)
	if i := strings.IndexAny(text, ".!?\n"); i > 0 {
		text = text[:i]
	}
	words := strings.Fields(text)
	if len(words) > 12 {
		words = append(words[:12], "…")
	}
	return strings.Join(words, " ")
}

var mdNoise = regexp.MustCompile(`\{\{<[^>]*>\}\}|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[\[\]*_#>` + "`" + `]`)

func plainText(md string) string { return strings.TrimSpace(mdNoise.ReplaceAllString(md, "")) }

// convertProject imports an al-folio project as a research theme.
func (imp *importer) convertProject(rel string) {
	s, _ := imp.read(rel)
	if s == nil {
		return
	}
	c := imp.convertBody(s, bodyOptions{})
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	title := s.str("title")
	if title == "" {
		title = imp.titleFromFileName(rel, name)
	}
	body := c.body
	if img := s.str("img"); img != "" {
		if src, ok := imp.image(rel, s.line("img"), img); ok {
			body = fmt.Sprintf("![%s](%s)\n\n%s", title, src, body)
			imp.report.add(rel, s.line("img"), Warning, "alt", "the project's image %s became an image above the text, with the title as its alt text: describe what it shows", img)
		}
	}
	if strings.TrimSpace(body) == "" {
		imp.report.add(rel, 0, Warning, "theme", "the project has no text: the research page shows an empty section until you write one")
	}
	var weight int
	if w, err := strconv.Atoi(s.str("importance")); err == nil {
		weight = w
	}
	th := theme{title: title, summary: s.str("description"), body: body}
	if weight > 0 && weight*10 > imp.weights*10 {
		imp.weights = weight - 1
	}
	old := imp.cfg.oldURL("projects", rel)
	imp.dropped(s, "img", "importance", "category", "related_publications", "redirect", "title", "description")
	before := imp.report.Counts.Themes
	imp.emitThemes(rel, []theme{th})
	if imp.report.Counts.Themes > before {
		dest := path.Join("content/research", model.Slugify(title)+".md")
		imp.dest[rel] = dest
		if old != "" {
			imp.addAlias(dest, old)
		}
	}
}

// addAlias adds an old URL to a planned file's aliases.
func (imp *importer) addAlias(rel, old string) {
	data, ok := imp.out[rel]
	if !ok {
		return
	}
	// The file was rendered from the model: aliases, when present, is a
	// block list; insert the alias as the front matter's last field.
	fmEnd := bytes.Index(data[3:], []byte("\n---\n"))
	if fmEnd < 0 {
		return
	}
	fmEnd += 3
	head := string(data[:fmEnd+1])
	if strings.Contains(head, "\naliases:\n") {
		head = strings.Replace(head, "\naliases:\n", "\naliases:\n  - "+old+"\n", 1)
	} else {
		head += "aliases:\n  - " + old + "\n"
	}
	imp.out[rel] = append([]byte(head), data[fmEnd+1:]...)
}

// convertCollection imports a document of any other collection as a page
// of a plain section named after it.
func (imp *importer) convertCollection(rel, coll string) {
	s, _ := imp.read(rel)
	if s == nil {
		return
	}
	c := imp.convertBody(s, bodyOptions{})
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	title := s.str("title")
	if title == "" {
		title = imp.titleFromFileName(rel, name)
	}
	section := model.Slugify(coll)
	slug := model.Slugify(name)
	if slug == "" {
		slug = "page"
	}
	values := map[string]any{}
	if old := imp.cfg.oldURL(coll, rel); old != "" && s.str("permalink") == "" && old != "/"+section+"/"+slug+"/" {
		values["aliases"] = []string{old}
	}
	imp.common(s, values, "/"+section+"/"+slug+"/", true)
	s.used["title"] = true
	imp.dropped(s, "excerpt", "venue", "type")
	dest := imp.emit(path.Join("content", section, slug+".md"), rel, entry{typ: "page", title: title, values: values, body: c.body})
	imp.dest[rel] = dest
	index := path.Join("content", section, "_index.md")
	if _, ok := imp.out[index]; !ok {
		imp.emit(index, rel, entry{typ: "page", title: titleFromName(coll)})
	}
	imp.report.Counts.Pages++
}

var (
	linkToken = regexp.MustCompile("\uE010([^\uE011]*)\uE011")
	// rootLink is a Markdown link to a path of the site.
	rootLink = regexp.MustCompile(`(^|[^!])(\[[^\]\n]*\])\((/[^)\s]*)\)`)
)

// pageLinks turns Markdown links to a page of the site, by its new URL or
// its old one, into relrefs: Hugo checks them when it builds, and they
// follow the site to a sub-path (baseURL https://example.org/lab/).
func (imp *importer) pageLinks(data []byte) []byte {
	return rootLink.ReplaceAllFunc(data, func(m []byte) []byte {
		sm := rootLink.FindSubmatch(m)
		target, frag, _ := strings.Cut(string(sm[3]), "#")
		dest := imp.urls[target]
		if dest == "" && !strings.HasSuffix(target, "/") && path.Ext(target) == "" {
			dest = imp.urls[target+"/"]
		}
		if dest == "" {
			return m
		}
		ref := "/" + strings.TrimPrefix(dest, "content/")
		if frag != "" {
			ref += "#" + frag
		}
		return []byte(string(sm[1]) + string(sm[2]) + `({{< relref "` + ref + `" >}})`)
	})
}

// resolveLinks turns {% link %} and {% post_url %} into relrefs to the
// files the pages went to, now that every page has a place.
func (imp *importer) resolveLinks() {
	for rel, data := range imp.out {
		if strings.HasSuffix(rel, ".md") {
			data = imp.pageLinks(data)
			imp.out[rel] = data
		}
		if !bytes.ContainsRune(data, '\uE010') {
			continue
		}
		from := imp.origin[rel]
		imp.out[rel] = linkToken.ReplaceAllFunc(data, func(m []byte) []byte {
			target := string(linkToken.FindSubmatch(m)[1])
			kind, name, _ := strings.Cut(target, ":")
			var dest string
			switch kind {
			case "post":
				dest = imp.posts[name]
			case "link":
				dest = imp.dest[strings.TrimPrefix(name, "/")]
				if dest == "" {
					if _, err := os.Stat(imp.abs(name)); err == nil {
						if u, ok := imp.asset(from, 0, "/"+strings.TrimPrefix(name, "/")); ok {
							return []byte(u)
						}
					}
				}
			}
			if dest == "" {
				imp.report.add(from, 0, Warning, "liquid", "{%% %s %s %%}: no such page in the Jekyll site; the link was kept as text", map[string]string{"post": "post_url", "link": "link"}[kind], name)
				return []byte("`{% " + map[string]string{"post": "post_url", "link": "link"}[kind] + " " + name + " %}`")
			}
			return []byte(`{{< relref "/` + strings.TrimPrefix(dest, "content/") + `" >}}`)
		})
	}
}

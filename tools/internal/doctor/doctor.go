// Package doctor checks a labsite site's set-up, the things that break on
// an upgrade rather than in a content file: the Hugo version against the
// theme's minimum (here and on Netlify), the Markdown settings the figures
// need, hugo server's headers against Netlify's, deprecated and misplaced
// settings, and templates the site overrides that have changed in the
// theme since they were copied (from the theme's templates.sum). Every
// finding says how to fix it.
package doctor

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/ghactions"
	"github.com/neuralml/labsite/tools/internal/textdist"
	"github.com/pelletier/go-toml/v2"
)

// Severity says how bad a finding is; both fail the doctor.
type Severity string

const (
	Error   Severity = "error"   // the site is broken, or will be on Netlify
	Warning Severity = "warning" // works today, but not as meant, or not for long
)

// Finding is one problem with the site's set-up.
type Finding struct {
	// Path is the file to fix, relative to the site's root, with forward
	// slashes; Line is 0 when the setting is not written there yet.
	Path     string   `json:"path"`
	Line     int      `json:"line,omitempty"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Fix says what to do, possibly over several lines.
	Fix string `json:"fix"`
}

// Report is what the doctor found.
type Report struct {
	// Checks names the checks that ran.
	Checks   []string
	Findings []Finding
	// Notes say what could not be checked, and why.
	Notes []string
}

// Options tune Site.
type Options struct {
	// Hugo is the hugo executable; "" when there is none, which skips the
	// checks that need it.
	Hugo string
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
}

// ErrNoSite is returned for a folder without a Hugo configuration file.
var ErrNoSite = errors.New("no Hugo configuration (hugo.toml)")

// Site examines the site in root.
func Site(root string, opts Options) (*Report, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	c, err := loadConfig(root)
	if err != nil {
		return nil, err
	}
	d := &doctor{root: root, cfg: c, opts: opts, r: &Report{}}
	th, err := findTheme(root, c, opts.Getenv)
	if err != nil {
		d.add(Finding{Path: c.main, Severity: Error, Rule: "theme", Message: err.Error(),
			Fix: "import the theme as labtool new site does: [[module.imports]] path = \"" + ThemeModule + "\", with a go.mod (hugo mod init), then run hugo mod get"})
	}
	d.theme = th
	d.netlify = findNetlify(root)
	d.hugoVersion()
	d.markup()
	d.headers()
	d.deprecated()
	d.templates()
	slices.SortStableFunc(d.r.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	})
	return d.r, nil
}

type doctor struct {
	root    string
	netlify string // netlify.toml relative to root ("../netlify.toml" for a site in a subfolder), or ""
	cfg     *config
	theme   *theme
	opts    Options
	r       *Report
}

// findNetlify returns the netlify.toml that builds the site: in its folder,
// or in a folder above it up to the repository's root (a site in a
// subfolder, built with [build] base or --source), relative to root.
func findNetlify(root string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if isFile(filepath.Join(dir, "netlify.toml")) {
			rel, err := filepath.Rel(abs, filepath.Join(dir, "netlify.toml"))
			if err != nil {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if isDir(filepath.Join(dir, ".git")) || isFile(filepath.Join(dir, ".git")) || filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func (d *doctor) add(f Finding) { d.r.Findings = append(d.r.Findings, f) }
func (d *doctor) note(format string, a ...any) {
	d.r.Notes = append(d.r.Notes, fmt.Sprintf(format, a...))
}
func (d *doctor) check(name string) { d.r.Checks = append(d.r.Checks, name) }

// --- Hugo's version -------------------------------------------------------

var versionRe = regexp.MustCompile(`v?(\d+)\.(\d+)\.(\d+)`)

// parseVersion reads "0.165.0" (or "v0.165.0-abc+extended") as numbers.
func parseVersion(s string) ([3]int, bool) {
	m := versionRe.FindStringSubmatch(s)
	if m == nil {
		return [3]int{}, false
	}
	var v [3]int
	for i := range v {
		v[i], _ = strconv.Atoi(m[i+1])
	}
	return v, true
}

func less(a, b [3]int) bool { return slices.Compare(a[:], b[:]) < 0 }

func (d *doctor) hugoVersion() {
	if d.theme == nil {
		return
	}
	d.check("Hugo version")
	minStr, extended, err := d.theme.minHugo()
	if err != nil {
		d.note("could not read the theme's minimum Hugo version: %v", err)
		return
	}
	minV, ok := parseVersion(minStr)
	if !ok {
		d.note("the theme's module.hugoVersion.min %q is not a version", minStr)
		return
	}
	local := ""
	if d.opts.Hugo == "" {
		d.note("hugo is not installed (or not on the PATH): skipped comparing its version with the theme's minimum, v%s", minStr)
	} else if out, err := exec.Command(d.opts.Hugo, "version").Output(); err != nil {
		d.note("%s version failed: %v", d.opts.Hugo, err)
	} else if v, ok := parseVersion(string(out)); ok {
		local = fmt.Sprintf("%d.%d.%d", v[0], v[1], v[2])
		if less(v, minV) {
			d.add(Finding{Path: d.cfg.main, Severity: Error, Rule: "hugo-version",
				Message: fmt.Sprintf("Hugo v%s is older than the theme's minimum, v%s", local, minStr),
				Fix:     fmt.Sprintf("install Hugo v%s or later: https://gohugo.io/installation/ (or go install github.com/gohugoio/hugo@v%s)", minStr, minStr)})
		}
		if extended && !strings.Contains(string(out), "extended") {
			d.add(Finding{Path: d.cfg.main, Severity: Error, Rule: "hugo-version",
				Message: "the theme needs Hugo's extended edition", Fix: "install the extended edition of Hugo"})
		}
	}
	d.netlifyVersions(minStr, minV, local)
}

// netlifyVersions checks every HUGO_VERSION of netlify.toml.
func (d *doctor) netlifyVersions(minStr string, minV [3]int, local string) {
	if d.netlify == "" {
		return
	}
	data, err := os.ReadFile(filepath.Join(d.root, d.netlify))
	if err != nil {
		return
	}
	var file struct {
		Build struct {
			Environment map[string]any
		}
		Context map[string]struct {
			Environment map[string]any
		}
	}
	if err := toml.Unmarshal(data, &file); err != nil {
		d.add(Finding{Path: d.netlify, Severity: Error, Rule: "hugo-version", Message: err.Error(), Fix: "fix the TOML syntax"})
		return
	}
	versions := map[string]string{}
	if v, ok := file.Build.Environment["HUGO_VERSION"]; ok {
		versions["[build.environment]"] = fmt.Sprint(v)
	}
	for name, ctx := range file.Context {
		if v, ok := ctx.Environment["HUGO_VERSION"]; ok {
			versions[fmt.Sprintf("[context.%s.environment]", name)] = fmt.Sprint(v)
		}
	}
	if len(versions) == 0 {
		d.add(Finding{Path: d.netlify, Severity: Error, Rule: "hugo-version",
			Message: "netlify.toml does not say which Hugo to build with, so Netlify uses its own default",
			Fix:     fmt.Sprintf("add HUGO_VERSION = %q under [build.environment]", cmp.Or(local, minStr))})
		return
	}
	for _, where := range slices.Sorted(maps.Keys(versions)) {
		s := versions[where]
		line := lineWith(data, "HUGO_VERSION", s)
		v, ok := parseVersion(s)
		switch {
		case !ok:
			d.add(Finding{Path: d.netlify, Line: line, Severity: Error, Rule: "hugo-version",
				Message: fmt.Sprintf("HUGO_VERSION %q in %s is not a version", s, where), Fix: fmt.Sprintf("write it as %q", minStr)})
		case less(v, minV):
			d.add(Finding{Path: d.netlify, Line: line, Severity: Error, Rule: "hugo-version",
				Message: fmt.Sprintf("Netlify builds with Hugo v%s (%s), older than the theme's minimum, v%s", s, where, minStr),
				Fix:     fmt.Sprintf("set HUGO_VERSION = %q (the Hugo you preview with) or later", cmp.Or(local, minStr))})
		case local != "" && strings.TrimPrefix(s, "v") != local:
			d.add(Finding{Path: d.netlify, Line: line, Severity: Warning, Rule: "hugo-version",
				Message: fmt.Sprintf("Netlify builds with Hugo v%s (%s), but you preview with v%s: what you see is not what gets published", strings.TrimPrefix(s, "v"), where, local),
				Fix:     fmt.Sprintf("set HUGO_VERSION = %q, or install Hugo v%s here", local, strings.TrimPrefix(s, "v"))})
		}
	}
}

// lineWith returns the first line holding both strings, or 0.
func lineWith(data []byte, a, b string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, a) && strings.Contains(line, b) {
			return i + 1
		}
	}
	return 0
}

// --- Markdown -----------------------------------------------------------

const markupFix = `[markup.goldmark.parser]
  wrapStandAloneImageWithinParagraph = false
  [markup.goldmark.parser.attribute]
    block = true`

func (d *doctor) markup() {
	d.check("Markdown settings")
	if v, ok := d.cfg.get("markup.goldmark.parser.wrapstandaloneimagewithinparagraph"); !ok || v != false {
		file, line := d.cfg.where("markup.goldmark.parser.wrapStandAloneImageWithinParagraph")
		d.add(Finding{Path: file, Line: line, Severity: Error, Rule: "markup",
			Message: "markup.goldmark.parser.wrapStandAloneImageWithinParagraph is not false: a Markdown image with a title on a line of its own stays a plain image, not a numbered figure, and figrefs to it lead nowhere",
			Fix:     "set it in " + d.cfg.main + ":\n" + markupFix})
	}
	if v, ok := d.cfg.get("markup.goldmark.parser.attribute.block"); !ok || v != true {
		file, line := d.cfg.where("markup.goldmark.parser.attribute.block")
		d.add(Finding{Path: file, Line: line, Severity: Error, Rule: "markup",
			Message: "markup.goldmark.parser.attribute.block is not true: {#name} under a Markdown figure does not name it, so figrefs cannot find it",
			Fix:     "set it in " + d.cfg.main + ":\n" + markupFix})
	}
}

// --- Headers ------------------------------------------------------------

func (d *doctor) headers() {
	if d.netlify == "" {
		d.note("no netlify.toml: skipped comparing hugo server's headers with Netlify's")
		return
	}
	data, err := os.ReadFile(filepath.Join(d.root, d.netlify))
	if err != nil {
		return
	}
	d.check("headers")
	var file struct {
		Headers []struct {
			For    string
			Values map[string]any
		}
	}
	if err := toml.Unmarshal(data, &file); err != nil {
		return // reported by the version check
	}
	var netlify map[string]any
	for _, h := range file.Headers {
		if strings.TrimSpace(h.For) == "/*" {
			netlify = h.Values
		}
	}
	if len(netlify) == 0 {
		return
	}
	type header struct{ name, value string }
	server := map[string]header{} // by lower-case name
	if list, ok := d.cfg.get("server.headers"); ok {
		items, _ := list.([]any)
		for _, it := range items {
			m, _ := it.(map[string]any)
			if m == nil || fmt.Sprint(m["for"]) != "/**" {
				continue
			}
			values, _ := m["values"].(map[string]any)
			for k, v := range values {
				server[strings.ToLower(k)] = header{k, headerValue(v)}
			}
		}
	}
	file2, _ := d.cfg.where("server")
	for _, name := range slices.Sorted(maps.Keys(netlify)) {
		want := headerValue(netlify[name])
		got, ok := server[strings.ToLower(name)]
		delete(server, strings.ToLower(name))
		line := lineWith(data, name, "=")
		switch {
		case !ok:
			d.add(Finding{Path: file2, Severity: Error, Rule: "headers",
				Message: fmt.Sprintf("hugo server does not send %s, which Netlify sends (%s:%d): a preview can work where production breaks", name, d.netlify, line),
				Fix:     fmt.Sprintf("add it under [server.headers.values] of the for = \"/**\" rule of [[server.headers]]:\n%s = %q", name, want)})
		case got.value != want:
			_, sline := d.cfg.where("server.headers.values." + got.name)
			d.add(Finding{Path: file2, Line: sline, Severity: Error, Rule: "headers",
				Message: fmt.Sprintf("hugo server sends %s %q, Netlify sends %q (%s:%d)", name, got.value, want, d.netlify, line),
				Fix:     fmt.Sprintf("make them the same, in both files:\n%s = %q", name, want)})
		}
	}
	for _, key := range slices.Sorted(maps.Keys(server)) {
		h := server[key]
		_, sline := d.cfg.where("server.headers.values." + h.name)
		d.add(Finding{Path: file2, Line: sline, Severity: Warning, Rule: "headers",
			Message: fmt.Sprintf("hugo server sends %s, which Netlify does not", h.name),
			Fix:     "add it to the [[headers]] for = \"/*\" of " + d.netlify + ", or remove it here"})
	}
}

// headerValue normalises a header's value as Netlify does: a list is
// joined with ", ", and white space around commas is tidied.
func headerValue(v any) string {
	var s string
	switch v := v.(type) {
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, fmt.Sprint(x))
		}
		s = strings.Join(parts, ", ")
	default:
		s = fmt.Sprint(v)
	}
	s = regexp.MustCompile(`\s*,\s*`).ReplaceAllString(strings.TrimSpace(s), ", ")
	return strings.Join(strings.Fields(s), " ")
}

// --- Deprecated and misplaced settings -------------------------------------

// removedKeys are Hugo settings that older sites (and other themes' starters)
// have, which Hugo v0.146+ no longer reads, or warns about.
var removedKeys = []struct{ key, since, fix string }{
	{"paginate", "v0.128.0", "[pagination]\n  pagerSize = N"},
	{"paginatePath", "v0.128.0", "[pagination]\n  path = \"page\""},
	{"googleAnalytics", "v0.120.0", "[services.googleAnalytics]\n  id = \"G-…\""},
	{"disqusShortname", "v0.120.0", "[services.disqus]\n  shortname = \"…\""},
	{"languageCode", "v0.158.0", "locale = \"…\" (the same value)"},
}

func (d *doctor) deprecated() {
	d.check("deprecated settings")
	for _, k := range removedKeys {
		if _, ok := d.cfg.get(k.key); ok {
			file, line := d.cfg.where(k.key)
			d.add(Finding{Path: file, Line: line, Severity: Warning, Rule: "deprecated",
				Message: fmt.Sprintf("%s is deprecated since Hugo %s (newer versions ignore it)", k.key, k.since),
				Fix:     "write instead:\n" + k.fix})
		}
	}
	if d.theme != nil {
		d.params()
	}
	d.bibtexCascade()
	d.hugoDeprecations()
}

// publicationsIndex is the publications section's page, where earlier
// versions of labtool new site cascaded the bibtex output format.
const publicationsIndex = "content/publications/_index.md"

// bibtexCascade finds the cascade of the bibtex output format that sites
// made with earlier versions have: every publication's page now publishes
// its cite.bib itself, so the cascade does nothing but keep the old way.
func (d *doctor) bibtexCascade() {
	src, err := os.ReadFile(filepath.Join(d.root, filepath.FromSlash(publicationsIndex)))
	if err != nil {
		return
	}
	doc, err := frontmatter.Parse(src)
	if err != nil {
		return // labtool validate reports broken front matter
	}
	for _, e := range doc.Entries {
		if e.Key != "cascade" {
			continue
		}
		for _, c := range append([]*frontmatter.Value{e.Value}, e.Value.Items...) {
			for _, o := range c.Entries {
				if o.Key != "outputs" {
					continue
				}
				for _, item := range o.Value.Items {
					if item.Text == "bibtex" {
						d.add(Finding{Path: publicationsIndex, Line: o.KeyPos.Line, Severity: Warning, Rule: "deprecated",
							Message: "the cascade of the bibtex output format is no longer needed: every publication's page publishes its cite.bib itself",
							Fix:     "remove this cascade (and its target) from the front matter"})
					}
				}
			}
		}
	}
}

// params finds theme settings outside params.labsite, and unknown ones
// inside it.
func (d *doctor) params() {
	known, err := d.theme.params()
	if err != nil {
		d.note("could not read the theme's params: %v", err)
		return
	}
	params, _ := d.cfg.get("params")
	m, _ := params.(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if k == "labsite" || !slices.Contains(known, k) {
			continue
		}
		file, line := d.cfg.where("params." + k)
		d.add(Finding{Path: file, Line: line, Severity: Warning, Rule: "deprecated",
			Message: fmt.Sprintf("params.%s is not read by the theme: its settings are under params.labsite", k),
			Fix:     fmt.Sprintf("move it under [params.labsite] as %s", k)})
	}
	labsite, _ := m["labsite"].(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(labsite)) {
		if slices.Contains(known, k) {
			continue
		}
		file, line := d.cfg.where("params.labsite." + k)
		fix := "remove it; the theme's settings are: " + strings.Join(known, ", ")
		if near := nearest(k, known); near != "" {
			fix = fmt.Sprintf("did you mean %s? The theme's settings are documented in its hugo.toml", near)
		}
		d.add(Finding{Path: file, Line: line, Severity: Warning, Rule: "deprecated",
			Message: fmt.Sprintf("params.labsite.%s is not a setting of the theme, which ignores it", k), Fix: fix})
	}
}

var deprecationRe = regexp.MustCompile(`deprecated: (.*)`)

// hugoDeprecations builds the site in memory and collects what Hugo itself
// says is deprecated (settings, and functions in the site's templates).
func (d *doctor) hugoDeprecations() {
	if d.opts.Hugo == "" {
		d.note("hugo is not installed: skipped asking Hugo which settings and template functions are deprecated")
		return
	}
	cmd := exec.Command(d.opts.Hugo, "build", "--source", d.root, "--renderToMemory", "--logLevel", "info", "--noBuildLock")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		d.note("hugo build failed, so Hugo's own deprecation notices are missing: %v", lastLines(out.String(), 3))
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		m := deprecationRe.FindStringSubmatch(line)
		if m == nil || seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		if slices.ContainsFunc(removedKeys, func(k struct{ key, since, fix string }) bool {
			return strings.Contains(m[1], " key "+k.key+" ")
		}) {
			continue // reported above, with its line
		}
		msg, fix, _ := strings.Cut(m[1], " and will be removed in a future release. ")
		path, line := d.cfg.main, 0
		if name, _, ok := strings.Cut(msg, " was deprecated"); ok && strings.HasPrefix(name, ".") {
			// A template method (.Site.Data): find the site's template
			// that calls it.
			path, line = d.findInLayouts(strings.Fields(name)[0], path)
		}
		d.add(Finding{Path: path, Line: line, Severity: Warning, Rule: "deprecated",
			Message: "Hugo: " + strings.TrimSuffix(msg, "."), Fix: cmp.Or(fix, "see Hugo's release notes")})
	}
}

// findInLayouts returns the first template of the site's layouts/ that
// holds text, and the line; else fallback.
func (d *doctor) findInLayouts(text, fallback string) (string, int) {
	found, line := fallback, 0
	layouts := filepath.Join(d.root, "layouts")
	_ = filepath.WalkDir(layouts, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || line > 0 {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if at := bytes.Index(data, []byte(text)); at >= 0 {
			rel, _ := filepath.Rel(d.root, p)
			found, line = filepath.ToSlash(rel), bytes.Count(data[:at], []byte("\n"))+1
		}
		return nil
	})
	return found, line
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// --- Overridden templates --------------------------------------------------

func (d *doctor) templates() {
	if d.theme == nil {
		return
	}
	sums, err := ReadSums(filepath.Join(d.theme.dir, "templates.sum"))
	if err != nil {
		d.note("the theme (%s) has no templates.sum, so overridden templates were not compared: %v", d.theme.how, err)
		return
	}
	d.check("overridden templates")
	layouts := filepath.Join(d.root, "layouts")
	_ = filepath.WalkDir(layouts, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(layouts, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "_partials/hooks/") {
			return nil // empty override points, meant to be filled
		}
		latest, ok := sums.Latest(rel)
		if !ok {
			return nil // not a template of the theme
		}
		sum, err := FileSum(p)
		if err != nil {
			return err
		}
		path := "layouts/" + rel
		themeFile := filepath.Join(d.theme.dir, "layouts", filepath.FromSlash(rel))
		if sum == latest.Sum {
			return nil
		}
		if copied, ok := sums.Find(rel, sum); ok {
			d.add(Finding{Path: path, Severity: Warning, Rule: "template-changed",
				Message: fmt.Sprintf("this copy of the theme's %s is the theme's of %s; the theme's has changed since, and the site still uses the old one", rel, copied.Date),
				Fix:     fmt.Sprintf("if you did not mean to change it, delete %s to use the theme's; else copy the theme's again and redo your change:\ndiff %s %s", path, path, themeFile)})
			return nil
		}
		d.note("%s overrides the theme's %s with changes of its own; on upgrades, compare it with %s (changed %s)", path, rel, themeFile, latest.Date)
		return nil
	})
}

// nearest returns the candidate closest to s by edit distance, if it is
// close enough to be a typo.
func nearest(s string, candidates []string) string {
	best, bestDist := "", max(2, len(s)/4)+1
	for _, c := range candidates {
		if dist := textdist.Distance(s, c, bestDist); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

// --- Output ----------------------------------------------------------------

// WriteText writes each finding as "path:line: severity: message [rule]"
// with its fix indented under it, then the notes, then a summary line.
func WriteText(w io.Writer, r *Report, prefix string) error {
	var b bytes.Buffer
	for _, f := range r.Findings {
		path := f.Path
		if prefix != "" && prefix != "." {
			path = prefix + "/" + path
		}
		if f.Line > 0 {
			path = fmt.Sprintf("%s:%d", path, f.Line)
		}
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", path, f.Severity, f.Message, f.Rule)
		for i, line := range strings.Split(f.Fix, "\n") {
			if i == 0 {
				fmt.Fprintf(&b, "  fix: %s\n", line)
			} else {
				fmt.Fprintf(&b, "       %s\n", line)
			}
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	b.WriteString(r.Summary() + "\n")
	_, err := w.Write(b.Bytes())
	return err
}

// JSONVersion is the version of the JSON output's schema. It changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

// WriteJSON writes the report as one JSON object: {"version": 1,
// "checks": […], "findings": [{"path", "line", "severity", "rule",
// "message", "fix"}], "notes": […]}; paths are relative to the site's
// root, and the lists are always present.
func WriteJSON(w io.Writer, r *Report) error {
	out := struct {
		Version  int       `json:"version"`
		Checks   []string  `json:"checks"`
		Findings []Finding `json:"findings"`
		Notes    []string  `json:"notes"`
	}{JSONVersion, r.Checks, r.Findings, r.Notes}
	if out.Checks == nil {
		out.Checks = []string{}
	}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteGitHub writes each finding as a GitHub Actions workflow command
// (::error or ::warning, on the file and line), the notes as ::notice,
// then the summary line. prefix is put before each path, so that GitHub
// finds the file from the repository's root.
func WriteGitHub(w io.Writer, r *Report, prefix string) error {
	var b bytes.Buffer
	for _, f := range r.Findings {
		fmt.Fprintln(&b, ghactions.Annotation{Level: string(f.Severity), File: ghactions.RepoPath(prefix, f.Path),
			Line: f.Line, Title: "labtool doctor [" + f.Rule + "]", Message: f.Message + "\nfix: " + f.Fix})
	}
	for _, n := range r.Notes {
		fmt.Fprintln(&b, ghactions.Annotation{Level: "notice", Title: "labtool doctor", Message: n})
	}
	b.WriteString(r.Summary() + "\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Summary is "2 errors, 1 warning (checked: …)" or "all is well (checked: …)".
func (r *Report) Summary() string {
	var errs, warns int
	for _, f := range r.Findings {
		if f.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	head := "all is well"
	if len(parts) > 0 {
		head = strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s (checked: %s)", head, strings.Join(r.Checks, ", "))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

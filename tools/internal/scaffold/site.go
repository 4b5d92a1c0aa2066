package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/pelletier/go-toml/v2"
)

// ThemeModule is the theme's Hugo Module path, which a new site imports.
const ThemeModule = "github.com/neuralml/labsite/theme"

// HugoVersion is the Hugo version a new site's netlify.toml builds with: the
// one pinned in labsite's go.mod (a test keeps them equal).
const HugoVersion = "0.165.0"

// GoVersion is the go line of a new site's go.mod: the theme's own (Go
// requires a module's go line to be at least its dependencies'; a test
// keeps them equal).
const GoVersion = "1.26"

// Header is one HTTP response header.
type Header struct{ Name, Value string }

// SecurityHeaders are the headers Netlify sends with every page of a new
// site (netlify.toml), mirrored in its hugo.toml for hugo server. They are
// those of labsite's own netlify.toml (a test keeps them equal).
var SecurityHeaders = []Header{
	{"Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"},
	{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

//go:embed sitefiles
var siteFiles embed.FS

var siteTemplates = template.Must(template.New("").Funcs(template.FuncMap{"tomlKV": tomlKV, "indent": indentLines}).ParseFS(siteFiles, "sitefiles/*.tmpl"))

// SiteOptions describe a new site.
type SiteOptions struct {
	// Title is the site's title, kept verbatim.
	Title string
	// ThemePath, when set, is a local folder holding the theme (relative to
	// the current folder, or absolute); the site's hugo.toml then replaces
	// the theme module with it.
	ThemePath string
	// Force lets NewSite write into a folder that is not empty, replacing
	// the files it writes.
	Force bool
	// Bare leaves out the content skeleton (home, research page, example
	// theme, sections): only hugo.toml, go.mod, netlify.toml and
	// .gitignore are written, for a site whose content comes from
	// elsewhere (labtool import jekyll).
	Bare bool
	// Config holds settings carried over from another site's
	// configuration; the zero value keeps the defaults.
	Config SiteConfig
}

// SiteConfig are settings of hugo.toml that a site brought over from
// another tool keeps. Every value is encoded with go-toml.
type SiteConfig struct {
	// BaseURL replaces the placeholder https://example.org/.
	BaseURL string
	// TimeZone is an IANA zone name (Europe/London): Hugo's timeZone.
	TimeZone string
	// Permalinks are Hugo's [permalinks], by section.
	Permalinks map[string]string
	// Labsite are values of [params.labsite] (name, description, email,
	// social, address …), written above the commented defaults.
	Labsite map[string]any
	// Menu are entries of the main menu after labsite's own (Research,
	// People, Publications, News, weights 10 to 40).
	Menu []MenuEntry
}

// MenuEntry is an entry of the main menu: a page by its path under
// content/ (pageRef), with its weight.
type MenuEntry struct {
	Name    string `toml:"name"`
	PageRef string `toml:"pageRef"`
	Weight  int    `toml:"weight"`
}

// SiteResult says what NewSite wrote.
type SiteResult struct {
	// Files are the files written, as the user would type them.
	Files []string
	// Replacements is the hugo.toml module replacement, if any.
	Replacements string
}

// NewSite writes a new labsite site into dir, which it creates if needed:
// hugo.toml (importing the theme as a Hugo Module, every theme param
// documented), go.mod, netlify.toml, .gitignore, and a content skeleton
// (home, a research page with masthead and figure, an example research
// theme, and the people, publications and news sections). A folder that is
// not empty is refused unless o.Force is set.
func NewSite(dir string, o SiteOptions) (SiteResult, error) {
	if strings.TrimSpace(o.Title) == "" {
		return SiteResult{}, &NameError{"the site title is empty"}
	}
	for _, v := range []struct {
		field string
		value any
	}{
		{"title", o.Title}, {"theme-path", o.ThemePath}, {"baseURL", o.Config.BaseURL}, {"timeZone", o.Config.TimeZone},
		{"permalinks", o.Config.Permalinks}, {"params.labsite", o.Config.Labsite},
	} {
		if err := checkOneLineAll(v.field, v.value); err != nil {
			return SiteResult{}, err
		}
	}
	for _, m := range o.Config.Menu {
		if err := checkOneLineAll("menus.main", []string{m.Name, m.PageRef}); err != nil {
			return SiteResult{}, err
		}
	}
	switch entries, err := os.ReadDir(dir); {
	case err == nil:
		if len(entries) > 0 && !o.Force {
			return SiteResult{}, fmt.Errorf("%s is not empty; use --force to write the new site's files into it (replacing those with the same names)", dir)
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return SiteResult{}, err
		}
	default:
		return SiteResult{}, err
	}
	s, err := siteio.OpenDir(dir)
	if err != nil {
		return SiteResult{}, err
	}
	var res SiteResult
	if o.ThemePath != "" {
		res.Replacements, err = replacement(s, o.ThemePath)
		if err != nil {
			return SiteResult{}, err
		}
	}
	config, err := configTOML(o.Config)
	if err != nil {
		return SiteResult{}, err
	}
	data := map[string]any{
		"Title":        o.Title,
		"Config":       config,
		"ModulePath":   ThemeModule,
		"Replacements": res.Replacements,
		"Palette":      model.DefaultPalette,
		"Headers":      SecurityHeaders,
		"HugoVersion":  HugoVersion,
		"GoVersion":    GoVersion,
		"GoModule":     goModule(s.Root()),
	}
	write := func(rel string, b []byte) error {
		if err := s.Write(rel, b, o.Force); err != nil {
			return err
		}
		res.Files = append(res.Files, s.Path(rel))
		return nil
	}
	for _, f := range []struct{ rel, tmpl string }{
		{"hugo.toml", "hugo.toml.tmpl"},
		{"go.mod", "go.mod.tmpl"},
		{"netlify.toml", "netlify.toml.tmpl"},
	} {
		var b bytes.Buffer
		if err := siteTemplates.ExecuteTemplate(&b, f.tmpl, data); err != nil {
			return res, err
		}
		if f.rel == "hugo.toml" {
			if err := checkHugoTOML(b.Bytes(), o); err != nil {
				return res, err
			}
		}
		if err := write(f.rel, b.Bytes()); err != nil {
			return res, err
		}
	}
	gitignore, _ := siteFiles.ReadFile("sitefiles/gitignore")
	if err := write(".gitignore", gitignore); err != nil {
		return res, err
	}
	if o.Bare {
		return res, nil
	}
	var workflow bytes.Buffer
	if err := siteTemplates.ExecuteTemplate(&workflow, "workflow.yml.tmpl", data); err != nil {
		return res, err
	}
	if err := write(".github/workflows/site.yml", workflow.Bytes()); err != nil {
		return res, err
	}
	svg, _ := siteFiles.ReadFile("sitefiles/overview.svg")
	for _, f := range []struct {
		rel  string
		data []byte
	}{
		{"content/_index.md", page(o.Title, homeBody)},
		{"content/research/_index.md", page("Research", researchBody)},
		{"content/research/overview.svg", svg},
		{"content/people/_index.md", page("People", "")},
		{"content/publications/_index.md", publicationsIndex},
		{"content/news/_index.md", page("News", "")},
	} {
		if err := write(f.rel, f.data); err != nil {
			return res, err
		}
	}
	theme, err := NewTheme(s, Options{
		Title:  "Example research theme",
		Values: map[string]any{"summary": "A research theme to copy, then delete: labtool new theme adds one."},
		Force:  o.Force,
	})
	if err != nil {
		return res, err
	}
	res.Files = append(res.Files, theme.Path)
	return res, nil
}

const homeBody = `Replace this text with a welcome to the lab: who you are, what you study
and where. The research themes and the latest news are listed below it.`

const researchBody = `{{< masthead >}}
Replace this paragraph with the lab's research programme in a few
sentences: the question the lab asks, and how it goes about answering it
({{< figref "overview" "a" >}}), through the research themes below
({{< figref "overview" "b" >}}).
{{< /masthead >}}

{{< figure name="overview" src="overview.svg" alt="Placeholder diagram. Panel a: a box labelled Question with an arrow to a box labelled Approach. Panel b: three coloured circles labelled Theme 1, Theme 2 and Theme 3." title="Replace this figure with one of your own." >}}
(a) Put the image next to this file, in content/research/, and change
src, alt and this caption. (b) Describe each panel after its label.
{{< /figure >}}`

// page renders a plain page (type "page") with the given title and body.
// publicationsIndex is the publications section's page.
var publicationsIndex = []byte(`---
title: Publications
# The lab's papers come from its .bib: labtool import bibtex papers.bib.
# A page of your own, content/publications/<key>.md, adds to an entry.
---
`)

func page(title, body string) []byte {
	fm := newFrontMatter()
	f, _ := model.TypeNamed("page").Field("title")
	fm.set(f, title, false)
	return fm.bytes(body)
}

// replacement returns the module replacement that points the theme module
// at themePath. Hugo resolves a relative replacement against the site's
// themes/ folder, so a relative themePath (from the current folder) is
// rewritten relative to that; an absolute one is kept.
func replacement(s *siteio.Site, themePath string) (string, error) {
	fi, err := os.Stat(themePath)
	if err != nil || !fi.IsDir() {
		return "", &ValueError{Field: "theme-path", Err: fmt.Errorf("%s is not a folder", themePath)}
	}
	target := themePath
	if !filepath.IsAbs(themePath) {
		abs, err := filepath.Abs(themePath)
		if err != nil {
			return "", err
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		rel, err := filepath.Rel(filepath.Join(s.Root(), "themes"), abs)
		if err != nil {
			return "", err
		}
		target = rel
	}
	return ThemeModule + " -> " + filepath.ToSlash(target), nil
}

// goModule is the module path of a new site's go.mod: the site folder's
// name as a slug (Hugo does not use it; Go needs one).
func goModule(dir string) string {
	slug := model.Slugify(filepath.Base(dir))
	for _, r := range slug {
		if r > unicode.MaxASCII {
			return "site"
		}
	}
	if slug == "" {
		return "site"
	}
	return slug
}

// siteConfigTOML is SiteConfig encoded for hugo.toml's template: each
// part is TOML text, empty when unset.
type siteConfigTOML struct {
	BaseURL, TimeZone, Permalinks, Labsite, Menu string
}

// configTOML encodes c with go-toml: key = value lines, tables inline, so
// that the template can place them under its own table headers.
func configTOML(c SiteConfig) (siteConfigTOML, error) {
	var out siteConfigTOML
	enc := func(v any) (string, error) {
		var b bytes.Buffer
		e := toml.NewEncoder(&b)
		e.SetTablesInline(true)
		if err := e.Encode(v); err != nil {
			return "", err
		}
		return strings.TrimRight(b.String(), "\n"), nil
	}
	var err error
	if c.BaseURL != "" {
		if out.BaseURL, err = enc(map[string]any{"baseURL": c.BaseURL}); err != nil {
			return out, err
		}
	}
	if c.TimeZone != "" {
		if out.TimeZone, err = enc(map[string]any{"timeZone": c.TimeZone}); err != nil {
			return out, err
		}
	}
	if len(c.Permalinks) > 0 {
		if out.Permalinks, err = enc(c.Permalinks); err != nil {
			return out, err
		}
	}
	if len(c.Labsite) > 0 {
		if out.Labsite, err = enc(c.Labsite); err != nil {
			return out, err
		}
	}
	var menu []string
	for _, m := range c.Menu {
		e, err := enc(m)
		if err != nil {
			return out, err
		}
		menu = append(menu, "  [[menus.main]]\n    "+strings.ReplaceAll(e, "\n", "\n    "))
	}
	out.Menu = strings.Join(menu, "\n")
	return out, nil
}

// indentLines indents every line of s by two spaces, as hugo.toml's
// tables are.
func indentLines(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// tomlKV encodes key = value with go-toml, for the site templates: no
// value is ever pasted into a configuration file as text, comments
// included.
func tomlKV(key string, value any) (string, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]any{key: value}); err != nil {
		return "", err
	}
	return strings.TrimRight(b.String(), "\n"), nil
}

// hugoTOMLKeys are the top-level settings a new site's hugo.toml holds.
var hugoTOMLKeys = map[string]bool{"baseURL": true, "locale": true, "title": true, "timeZone": true, "module": true,
	"markup": true, "taxonomies": true, "menus": true, "permalinks": true, "params": true, "server": true}

// checkHugoTOML reads the hugo.toml just rendered back with go-toml, as
// Hugo will: it must hold the title given and no setting but its own, so
// that no value can ever have turned into configuration.
func checkHugoTOML(data []byte, o SiteOptions) error {
	var m map[string]any
	if err := toml.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("the new hugo.toml does not read back: %v", err)
	}
	if m["title"] != o.Title {
		return fmt.Errorf("the new hugo.toml reads back title %q, not %q", m["title"], o.Title)
	}
	for k := range m {
		if !hugoTOMLKeys[k] {
			return fmt.Errorf("the new hugo.toml reads back a setting %q it should not hold", k)
		}
	}
	return nil
}

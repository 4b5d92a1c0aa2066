package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	toml "github.com/pelletier/go-toml/v2"
)

type themeConfig struct {
	Module struct {
		HugoVersion struct {
			Min      string
			Extended bool
		}
	}
	Params struct {
		Labsite struct {
			Palette []string
		}
	}
}

func readThemeConfig(t *testing.T) themeConfig {
	t.Helper()
	var cfg themeConfig
	b, err := os.ReadFile(filepath.Join(hugotest.ThemeDir, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("theme/hugo.toml: %v", err)
	}
	return cfg
}

// The palette the theme falls back to is the one labtool assigns from.
func TestThemePaletteIsTheModels(t *testing.T) {
	if got := readThemeConfig(t).Params.Labsite.Palette; !slices.Equal(got, model.DefaultPalette) {
		t.Errorf("theme/hugo.toml palette %v != model.DefaultPalette %v", got, model.DefaultPalette)
	}
}

func TestThemeModule(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(hugotest.ThemeDir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "module github.com/neuralml/labsite/theme\n") {
		t.Errorf("theme/go.mod: %q", b)
	}
	cfg := readThemeConfig(t)
	min := cfg.Module.HugoVersion.Min
	if version(t, min) < version(t, "0.158.0") {
		t.Errorf("module.hugoVersion.min = %s, but css.Build needs 0.158.0", min)
	}
	gomod, _ := os.ReadFile(filepath.Join(hugotest.Root, "go.mod"))
	pinned := regexp.MustCompile(`github\.com/gohugoio/hugo v(\S+)`).FindSubmatch(gomod)
	if pinned == nil || version(t, min) > version(t, string(pinned[1])) {
		t.Errorf("module.hugoVersion.min = %s is above the pinned Hugo %s", min, pinned)
	}
	if cfg.Module.HugoVersion.Extended {
		t.Error("the theme must not require Hugo's extended edition")
	}
}

func version(t *testing.T, v string) int {
	t.Helper()
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		t.Fatalf("version %q", v)
	}
	n := 0
	for _, p := range parts {
		i, err := strconv.Atoi(p)
		if err != nil {
			t.Fatalf("version %q", v)
		}
		n = n*1000 + i
	}
	return n
}

// templates returns every template file of the theme, by slash path.
func templates(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	root := filepath.Join(hugotest.ThemeDir, "layouts")
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every front-matter field a template reads is a field of the content
// model, so validate knows it and scaffolds write it.
func TestTemplateParamsAreModelFields(t *testing.T) {
	fields := map[string]bool{}
	for _, ty := range model.Types {
		for _, f := range ty.AllFields() {
			fields[f.Name] = true
		}
	}
	// site.Params are the site's config, not front matter: skipped.
	read := regexp.MustCompile(`(site)?\.Params\.([A-Za-z_][A-Za-z0-9_]*)|\.Param\s+"([^"]+)"|"Params\.([A-Za-z_][A-Za-z0-9_]*)"`)
	seen := 0
	for name, src := range templates(t) {
		for _, m := range read.FindAllStringSubmatch(src, -1) {
			if m[1] == "site" {
				continue
			}
			field := m[2] + m[3] + m[4]
			seen++
			if !fields[field] {
				t.Errorf("%s reads .Params.%s, which is not a field of the content model", name, field)
			}
		}
	}
	if seen < 10 {
		t.Fatalf("found only %d .Params reads: the pattern is broken", seen)
	}
}

// Templates stay linear in the size of the site: no template walks every
// page of the site, and the site-wide parts are cached.
func TestTemplatesStayLinear(t *testing.T) {
	whole := regexp.MustCompile(`\b(site|\.Site)\.(AllPages|Pages|RegularPages)\b`)
	for name, src := range templates(t) {
		if loc := whole.FindStringIndex(src); loc != nil {
			t.Errorf("%s walks the whole site (%s)", name, src[loc[0]:loc[1]])
		}
	}
	// A single page must not walk a section: with one page per person and
	// per publication that is quadratic (helpers/publications-index.html
	// indexes the publications once instead).
	for name, src := range templates(t) {
		if strings.HasSuffix(name, "page.html") && strings.Contains(src, ".Pages") {
			t.Errorf("%s walks a list of pages on every page", name)
		}
	}
	base := templates(t)["baseof.html"]
	for _, cached := range []string{`partialCached "head/css.html"`, `partialCached "site/footer.html"`} {
		if !strings.Contains(base, cached) {
			t.Errorf("baseof.html does not call %s: a site-wide part must be cached", cached)
		}
	}
}

// Only Hugo v0.146+ template names: no layouts/_default, no partials/ or
// shortcodes/ folders.
func TestTemplateNames(t *testing.T) {
	for name := range templates(t) {
		for _, old := range []string{"_default/", "partials/", "shortcodes/", "list.html", "single.html", "index.html"} {
			if strings.HasPrefix(name, old) || strings.HasSuffix(name, "/"+old) || name == old {
				t.Errorf("%s uses a pre-v0.146 template name", name)
			}
		}
	}
	for _, want := range []string{"baseof.html", "home.html", "page.html", "section.html", "taxonomy.html", "term.html", "404.html", "research/section.html", "research/page.html", "_partials/hooks/head-end.html", "_partials/hooks/body-end.html", "_shortcodes/masthead.html", "_shortcodes/figure.html", "_markup/render-image.html"} {
		if _, ok := templates(t)[want]; !ok {
			t.Errorf("theme lacks layouts/%s", want)
		}
	}
}

// safeCallSites are the only template lines allowed to mark a value safe
// (safeHTML and its kind), by file and line text, each with why what it
// marks cannot carry markup or script from content. A new one needs an
// entry here, and a "safe:" comment on the line above it in the template.
var safeCallSites = map[string]string{
	`publications/section.rss.xml: {{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}`: "a constant string",
	`_partials/helpers/caption-panels.html: {{- return safeHTML $out }}`:                                                     "Goldmark's output (raw HTML omitted) with fixed markup added around one letter",
}

var (
	safeFunc = regexp.MustCompile(`\b(safeHTML|safeJS|safeCSS|safeURL|safeHTMLAttr|safeJSStr|safeSrcset|safe\.[A-Za-z]+)\b`)
	// safeNote is a template comment that gives the reason: "safe:"
	// followed by at least a few words, alone on its line(s).
	safeNote = regexp.MustCompile(`(?s)\{\{-?\s*/\*\s*safe:\s*(\S+\s+){3,}.*\*/\s*-?\}\}\s*$`)
)

// unjustifiedSafeCalls returns the lines of template name (source src)
// that mark a value safe without being an allowed call site, or without a
// "safe:" comment ending on the line just above; and it records in seen
// the allowed sites it met.
func unjustifiedSafeCalls(name, src string, allowed map[string]string, seen map[string]bool) []string {
	var bad []string
	lines := strings.Split(src, "\n")
	for i, line := range lines {
		if !safeFunc.MatchString(line) {
			continue
		}
		site := name + ": " + strings.TrimSpace(line)
		if _, ok := allowed[site]; !ok {
			bad = append(bad, site+" (not an allowed call site)")
			continue
		}
		seen[site] = true
		// The comment right above: the lines before this one, back to the
		// one where it opens.
		start := i - 1
		for start > 0 && !strings.Contains(lines[start], "{{") {
			start--
		}
		if start < 0 || !safeNote.MatchString(strings.Join(lines[start:i], "\n")) {
			bad = append(bad, site+` (no "safe:" comment on the line above, saying why)`)
		}
	}
	return bad
}

// No template marks a value safe except at the allowed call sites, each
// with its reason next to it: content must go through html/template's
// escaping.
func TestSafeFunctionsAreJustified(t *testing.T) {
	seen := map[string]bool{}
	for name, src := range templates(t) {
		for _, site := range unjustifiedSafeCalls(name, src, safeCallSites, seen) {
			t.Error(site)
		}
	}
	for site := range safeCallSites {
		if !seen[site] {
			t.Errorf("allowed call site no longer in the theme (remove it from safeCallSites): %s", site)
		}
	}
}

// The check itself: an unlisted call, a comment that is only near the
// call, or one that does not say "safe:" is reported.
func TestUnjustifiedSafeCallsAreFound(t *testing.T) {
	allowed := map[string]string{"x.html: {{ .a | safeHTML }}": "test"}
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"{{/* safe: the value is a constant string here. */}}\n{{ .a | safeHTML }}", 0},
		{"{{- /* safe: the value is\nbuilt from constants only. */ -}}\n{{ .a | safeHTML }}", 0},
		{"{{ .a | safeHTML }}", 1},
		{"{{/* safe: the value is a constant string here. */}}\n{{ .b | safeHTML }}", 1},
		{"{{/* safe: the value is a constant string here. */}}\n\n<p>\n{{ .a | safeHTML }}", 1},
		{"{{/* this is not safe at all, sadly */}}\n{{ .a | safeHTML }}", 1},
		{"{{/* safe: ok */}}\n{{ .a | safeHTML }}", 1},
		{"{{/* safe: the value is a constant string here. */}}\n{{ .a | safe.HTML }}", 1},
	} {
		if got := unjustifiedSafeCalls("x.html", tc.src, allowed, map[string]bool{}); len(got) != tc.want {
			t.Errorf("%q: reported %q, want %d", tc.src, got, tc.want)
		}
	}
}

// The theme also works copied into a site's themes/ folder, without Hugo
// Modules, as the README offers.
func TestThemeCopiedIntoThemesFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "themes", "labsite"), os.DirFS(hugotest.ThemeDir)); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"hugo.toml":                  "title = \"Copied\"\ntheme = \"labsite\"\n\n[markup.goldmark.parser]\nwrapStandAloneImageWithinParagraph = false\n",
		"content/research/_index.md": "---\ntitle: Research\n---\n{{< masthead >}}Intro.{{< /masthead >}}\n",
		"content/research/a.md":      "---\ntitle: Theme A\n---\nBody.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := hugotest.Build(t, dir).Parse(t, "research/index.html")
	if h := doc.Find(hugotest.Class("research-theme__title")); len(h) != 1 || h[0].Text() != "Theme A" {
		t.Errorf("research themes: %v", texts(h))
	}
}

// partialCachedCall is one partialCached call of a template: the partial's
// name and the variant arguments that key its cached result.
type partialCachedCall struct {
	name     string
	variants []string
}

var partialCachedRe = regexp.MustCompile(`partialCached\s+"([^"]+)"`)

// partialCachedCalls finds the partialCached calls of a template and the
// arguments after the context, up to the end of the call.
func partialCachedCalls(src string) []partialCachedCall {
	var calls []partialCachedCall
	for _, m := range partialCachedRe.FindAllStringSubmatchIndex(src, -1) {
		var args []string
		rest := src[m[1]:]
		for rest != "" {
			rest = strings.TrimLeft(rest, " \t\n")
			if rest == "" || rest[0] == ')' || strings.HasPrefix(rest, "}}") || strings.HasPrefix(rest, "-}}") || rest[0] == '|' {
				break
			}
			end := 0
			if rest[0] == '(' { // a parenthesised argument: up to its closing parenthesis
				depth := 0
				for end < len(rest) {
					if rest[end] == '(' {
						depth++
					} else if rest[end] == ')' {
						depth--
						if depth == 0 {
							end++
							break
						}
					}
					end++
				}
			} else {
				end = strings.IndexAny(rest, " \t\n)}")
				if end < 0 {
					end = len(rest)
				}
			}
			args = append(args, rest[:end])
			rest = rest[end:]
		}
		c := partialCachedCall{name: src[m[2]:m[3]]}
		if len(args) > 1 {
			c.variants = args[1:]
		}
		calls = append(calls, c)
	}
	return calls
}

// siteWideVariant says whether a partialCached variant takes few values
// whatever the size of the site: a constant, the language, or the header's
// key (a section, or one of the pages the menu names).
func siteWideVariant(v string) bool {
	return strings.HasPrefix(v, `"`) || v == "site.Language.Lang" || v == "$headerKey"
}

// Hugo keeps at most 1,000 partialCached results. A result cached per page
// (keyed by .Path) or per entry evicts the site-wide indexes on a large site,
// which are then built again and again: per-page results go through
// helpers/memo.html, which keeps them in the page's Store.
func TestPartialCachedKeysAreSiteWide(t *testing.T) {
	seen := 0
	for name, src := range templates(t) {
		for _, c := range partialCachedCalls(src) {
			seen++
			for _, v := range c.variants {
				if !siteWideVariant(v) {
					t.Errorf("%s: partialCached %q is keyed by %s, which has a value per page or entry: keep per-page results with helpers/memo.html", name, c.name, v)
				}
			}
		}
	}
	if seen < 20 {
		t.Fatalf("found only %d partialCached calls: the pattern is broken", seen)
	}
}

func TestPerPagePartialCachedKeysAreFound(t *testing.T) {
	src := `{{ range partialCached "helpers/citations.html" . .Path .Lang }}{{ end }}
{{- $l := index (partialCached "helpers/cite-labels.html" "cite-labels" site.Language.Lang) .id }}
{{- partialCached "helpers/figures.html" (dict "page" .) (printf "%s" .Path) }}`
	calls := partialCachedCalls(src)
	if len(calls) != 3 {
		t.Fatalf("found %d calls, want 3: %+v", len(calls), calls)
	}
	var bad []string
	for _, c := range calls {
		for _, v := range c.variants {
			if !siteWideVariant(v) {
				bad = append(bad, c.name+" "+v)
			}
		}
	}
	want := []string{"helpers/citations.html .Path", "helpers/citations.html .Lang", `helpers/figures.html (printf "%s" .Path)`}
	if !slices.Equal(bad, want) {
		t.Errorf("per-page keys found: %q, want %q", bad, want)
	}
}

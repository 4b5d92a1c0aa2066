package scaffold

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// siteConfig is what the tests read back from a new site's hugo.toml.
type siteConfig struct {
	Title  string `toml:"title"`
	Module struct {
		Replacements string `toml:"replacements"`
		Imports      []struct {
			Path string `toml:"path"`
		} `toml:"imports"`
	} `toml:"module"`
	Markup struct {
		Goldmark struct {
			Parser struct {
				WrapStandAloneImageWithinParagraph *bool `toml:"wrapStandAloneImageWithinParagraph"`
				Attribute                          struct {
					Block bool `toml:"block"`
				} `toml:"attribute"`
			} `toml:"parser"`
		} `toml:"goldmark"`
	} `toml:"markup"`
	Menus struct {
		Main []struct {
			Name    string `toml:"name"`
			PageRef string `toml:"pageRef"`
			Weight  int    `toml:"weight"`
		} `toml:"main"`
	} `toml:"menus"`
	Server struct {
		Headers []struct {
			For    string            `toml:"for"`
			Values map[string]string `toml:"values"`
		} `toml:"headers"`
	} `toml:"server"`
}

type netlifyConfig struct {
	Build struct {
		Command string `toml:"command"`
		Publish string `toml:"publish"`
	} `toml:"build"`

	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
}

func readTOML(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
}

func headerMap(hs []Header) map[string]string {
	m := map[string]string{}
	for _, h := range hs {
		m[h.Name] = h.Value
	}
	return m
}

func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lab")
	title := `Neural & ML "Group" \ Ünïcode`
	res, err := NewSite(dir, SiteOptions{Title: title, ThemePath: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"hugo.toml", "go.mod", "netlify.toml", ".gitignore", "content/_index.md",
		"content/research/_index.md", "content/research/overview.svg", "content/research/example-research-theme.md",
		"content/people/_index.md", "content/publications/_index.md", "content/news/_index.md"} {
		if !slices.Contains(res.Files, filepath.Join(dir, filepath.FromSlash(f))) {
			t.Errorf("%s not written (wrote %v)", f, res.Files)
		}
	}
	var cfg siteConfig
	readTOML(t, filepath.Join(dir, "hugo.toml"), &cfg)
	if cfg.Title != title {
		t.Errorf("title %q", cfg.Title)
	}
	if len(cfg.Module.Imports) != 1 || cfg.Module.Imports[0].Path != ThemeModule {
		t.Errorf("module imports %+v", cfg.Module.Imports)
	}
	if !strings.HasPrefix(cfg.Module.Replacements, ThemeModule+" -> ") {
		t.Errorf("replacements %q", cfg.Module.Replacements)
	}
	if p := cfg.Markup.Goldmark.Parser; p.WrapStandAloneImageWithinParagraph == nil || *p.WrapStandAloneImageWithinParagraph || !p.Attribute.Block {
		t.Errorf("the Markdown settings figures need are missing: %+v", p)
	}
	var menu []string
	for _, m := range cfg.Menus.Main {
		menu = append(menu, m.Name+" "+m.PageRef)
	}
	if want := []string{"Research /research", "People /people", "Publications /publications", "News /news"}; !slices.Equal(menu, want) {
		t.Errorf("menu %v, want %v", menu, want)
	}
	if len(cfg.Server.Headers) != 1 || !maps.Equal(cfg.Server.Headers[0].Values, headerMap(SecurityHeaders)) {
		t.Errorf("server headers %+v", cfg.Server.Headers)
	}
	home := frontMatterOf(t, filepath.Join(dir, "content", "_index.md"))
	if home["title"] != title {
		t.Errorf("home title %q", home["title"])
	}
	research, _ := os.ReadFile(filepath.Join(dir, "content", "research", "_index.md"))
	for _, want := range []string{"{{< masthead >}}", "{{< /masthead >}}", `src="overview.svg"`, `alt="Placeholder diagram.`} {
		if !strings.Contains(string(research), want) {
			t.Errorf("research page lacks %s:\n%s", want, research)
		}
	}
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	if string(gomod) != "module lab\n\ngo "+GoVersion+"\n" {
		t.Errorf("go.mod:\n%s", gomod)
	}
	gitignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, want := range []string{"public/", "resources/_gen/", ".hugo_build.lock"} {
		if !strings.Contains(string(gitignore), "\n"+want+"\n") {
			t.Errorf(".gitignore lacks %s", want)
		}
	}
}

func TestNewSiteWithoutThemePath(t *testing.T) {
	dir := t.TempDir()
	res, err := NewSite(dir, SiteOptions{Title: "Lab"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replacements != "" {
		t.Errorf("replacements %q", res.Replacements)
	}
	var cfg siteConfig
	readTOML(t, filepath.Join(dir, "hugo.toml"), &cfg)
	if cfg.Module.Replacements != "" || len(cfg.Module.Imports) != 1 {
		t.Errorf("module %+v", cfg.Module)
	}
}

// Hugo resolves a relative replacement against the site's themes/ folder:
// a --theme-path relative to the current folder is rewritten to match.
func TestNewSiteRelativeThemePath(t *testing.T) {
	root := t.TempDir()
	theme := filepath.Join(root, "checkout", "theme")
	if err := os.MkdirAll(theme, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "checkout"))
	res, err := NewSite(filepath.Join("..", "sites", "lab"), SiteOptions{Title: "Lab", ThemePath: "theme"})
	if err != nil {
		t.Fatal(err)
	}
	target, ok := strings.CutPrefix(res.Replacements, ThemeModule+" -> ")
	if !ok || filepath.IsAbs(target) {
		t.Fatalf("replacements %q", res.Replacements)
	}
	realRoot, _ := filepath.EvalSymlinks(root)
	got := filepath.Join(realRoot, "sites", "lab", "themes", filepath.FromSlash(target))
	if want := filepath.Join(realRoot, "checkout", "theme"); got != want {
		t.Errorf("%q resolves to %s, want %s", target, got, want)
	}
	_, err = NewSite(filepath.Join(root, "other"), SiteOptions{Title: "Lab", ThemePath: "missing"})
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Field != "theme-path" {
		t.Errorf("missing theme path: %v", err)
	}
}

func TestNewSiteRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "notes.txt"), "mine")
	writeTestFile(t, filepath.Join(dir, "hugo.toml"), "title = \"mine\"\n")
	_, err := NewSite(dir, SiteOptions{Title: "Lab"})
	if err == nil || !strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("got %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "hugo.toml")); string(data) != "title = \"mine\"\n" {
		t.Errorf("hugo.toml changed")
	}
	if _, err := NewSite(dir, SiteOptions{Title: "Lab", Force: true}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "mine" {
		t.Errorf("--force touched a file it does not write")
	}
	var cfg siteConfig
	readTOML(t, filepath.Join(dir, "hugo.toml"), &cfg)
	if cfg.Title != "Lab" {
		t.Errorf("--force did not replace hugo.toml")
	}
}

// A new site's netlify.toml is shaped like labsite's own, builds the site
// at its root, and sends the same headers; its hugo.toml mirrors them for
// hugo server.
func TestNewSiteMirrorsNetlifyToml(t *testing.T) {
	var repo netlifyConfig
	readTOML(t, filepath.Join(repoRoot, "netlify.toml"), &repo)
	dir := t.TempDir()
	if _, err := NewSite(dir, SiteOptions{Title: "Lab"}); err != nil {
		t.Fatal(err)
	}
	var site netlifyConfig
	readTOML(t, filepath.Join(dir, "netlify.toml"), &site)
	if site.Build.Command != "hugo --gc --minify -b $URL" || site.Build.Publish != "public" {
		t.Errorf("build %+v", site.Build)
	}
	var raw struct {
		Build struct {
			Environment map[string]string `toml:"environment"`
		} `toml:"build"`
	}
	readTOML(t, filepath.Join(dir, "netlify.toml"), &raw)
	if raw.Build.Environment["HUGO_VERSION"] != HugoVersion {
		t.Errorf("HUGO_VERSION %q", raw.Build.Environment["HUGO_VERSION"])
	}
	if len(site.Headers) != len(repo.Headers) {
		t.Fatalf("%d header rules, labsite's netlify.toml has %d", len(site.Headers), len(repo.Headers))
	}
	for i := range repo.Headers {
		if site.Headers[i].For != repo.Headers[i].For || !maps.Equal(site.Headers[i].Values, repo.Headers[i].Values) {
			t.Errorf("header rule %d: %+v, labsite's is %+v", i, site.Headers[i], repo.Headers[i])
		}
	}
	if repo.Headers[0].For != "/*" || !maps.Equal(repo.Headers[0].Values, headerMap(SecurityHeaders)) {
		t.Errorf("SecurityHeaders differ from labsite's netlify.toml: %+v", repo.Headers[0])
	}
}

// The pinned versions a new site uses follow the repository's.
func TestNewSiteVersions(t *testing.T) {
	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/gohugoio/hugo v(\S+)`).FindSubmatch(gomod)
	if m == nil || string(m[1]) != HugoVersion {
		t.Errorf("go.mod pins Hugo %q; scaffold.HugoVersion is %s", m, HugoVersion)
	}
	var repo struct {
		Build struct {
			Environment map[string]string `toml:"environment"`
		} `toml:"build"`
	}
	readTOML(t, filepath.Join(repoRoot, "netlify.toml"), &repo)
	if v := repo.Build.Environment["HUGO_VERSION"]; v != HugoVersion {
		t.Errorf("netlify.toml HUGO_VERSION %q, scaffold.HugoVersion %s", v, HugoVersion)
	}
	themeMod, err := os.ReadFile(filepath.Join(repoRoot, "theme", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m = regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(themeMod)
	if m == nil || string(m[1]) != GoVersion {
		t.Errorf("theme/go.mod has go %q; scaffold.GoVersion is %s", m, GoVersion)
	}
}

// Every param the theme documents in theme/hugo.toml is documented in a new
// site's hugo.toml, and no other.
func TestNewSiteDocumentsEveryThemeParam(t *testing.T) {
	var theme struct {
		Params struct {
			Labsite map[string]any `toml:"labsite"`
		} `toml:"params"`
	}
	readTOML(t, filepath.Join(repoRoot, "theme", "hugo.toml"), &theme)
	dir := t.TempDir()
	if _, err := NewSite(dir, SiteOptions{Title: "Lab"}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "hugo.toml"))
	_, section, _ := strings.Cut(string(data), "[params.labsite]\n")
	section, _, _ = strings.Cut(section, "\n[")
	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^  # (\w+) = `).FindAllStringSubmatch(section, -1) {
		documented = append(documented, m[1])
	}
	slices.Sort(documented)
	want := slices.Sorted(maps.Keys(theme.Params.Labsite))
	if !slices.Equal(documented, want) {
		t.Errorf("hugo.toml documents params %v; theme/hugo.toml has %v", documented, want)
	}
	palette, _ := theme.Params.Labsite["palette"].([]any)
	var themePalette []string
	for _, c := range palette {
		themePalette = append(themePalette, c.(string))
	}
	if !strings.Contains(section, `# palette = ['`+strings.Join(themePalette, `', '`)+`']`) {
		t.Errorf("the documented palette differs from theme/hugo.toml's %v", themePalette)
	}
}

// A value with a control character is refused before anything is
// written, whichever value it is: it could end a line of hugo.toml and
// turn the rest into active configuration.
func TestNewSiteRefusesControlCharacters(t *testing.T) {
	themeDir := t.TempDir()
	for _, o := range []SiteOptions{
		{Title: "My Lab\nenableRobotsTXT = true #"},
		{Title: "My Lab\renableRobotsTXT = true"},
		{Title: "Tab\tLab"},
		{Title: "Sep\u2028Lab"},
		{Title: "Nul\x00Lab"},
		{Title: "Lab", ThemePath: themeDir + "\n[x]"},
		{Title: "Lab", Config: SiteConfig{BaseURL: "https://lab.example/\ntitle = 'x'"}},
		{Title: "Lab", Config: SiteConfig{TimeZone: "UTC\nbuildFuture = true"}},
		{Title: "Lab", Config: SiteConfig{Permalinks: map[string]string{"news": "/:year/\nx = 1"}}},
		{Title: "Lab", Config: SiteConfig{Labsite: map[string]any{"social": []any{map[string]any{"name": "A\nB", "url": "https://a.example"}}}}},
		{Title: "Lab", Config: SiteConfig{Menu: []MenuEntry{{Name: "Blog\n[params]", PageRef: "/blog", Weight: 50}}}},
	} {
		dir := filepath.Join(t.TempDir(), "site")
		_, err := NewSite(dir, o)
		var ve *ValueError
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), "control character") {
			t.Errorf("%+v: err = %v, want a ValueError about a control character", o, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err == nil {
			t.Errorf("%+v: hugo.toml was written", o)
		}
	}
}

// Every value is encoded by go-toml: a title full of TOML's special
// characters reads back exactly, and adds no setting.
func TestNewSiteEncodesValues(t *testing.T) {
	for _, title := range []string{`quote " and \ backslash`, `'single' and "double"`, "Ünïcode ✓ # not a comment", `a = 1 # [params]`, `'''"""`} {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := NewSite(dir, SiteOptions{Title: title, ThemePath: t.TempDir()}); err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		var m map[string]any
		data, _ := os.ReadFile(filepath.Join(dir, "hugo.toml"))
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		if m["title"] != title {
			t.Errorf("title reads back %q, want %q", m["title"], title)
		}
		for k := range m {
			if !hugoTOMLKeys[k] {
				t.Errorf("%q: hugo.toml has the setting %q", title, k)
			}
		}
	}
}

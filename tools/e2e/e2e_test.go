// Package e2e tests labtool from end to end, as a lab member uses it: a new
// site, new content, validation, then a Hugo build with the real theme,
// checked in the HTML and CSS Hugo wrote. It also renders every archetype
// of the theme with `hugo new content` and validates the result.
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/cli"
	"github.com/neuralml/labsite/tools/internal/content"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/validate"
	"golang.org/x/net/html"
)

// repoRoot is the repository's root folder, found from this file.
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}()

var themeDir = filepath.Join(repoRoot, "theme")

var (
	hugoOnce sync.Once
	hugoPath string
	hugoErr  error
)

// hugo returns the pinned Hugo binary, found once with `go tool -n hugo`.
func hugo(t *testing.T) string {
	t.Helper()
	hugoOnce.Do(func() {
		cmd := exec.Command("go", "tool", "-n", "hugo")
		cmd.Dir = repoRoot
		out, err := cmd.Output()
		hugoPath, hugoErr = strings.TrimSpace(string(out)), err
	})
	if hugoErr != nil {
		t.Fatalf("go tool -n hugo: %v", hugoErr)
	}
	return hugoPath
}

// runHugo runs Hugo from the repository's root with args, offline: the
// sites replace the theme module with the local theme folder.
func runHugo(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(hugo(t), args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOPROXY=off", "HUGO_CACHEDIR="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// labtool runs labtool in process and fails the test unless it succeeds.
func labtool(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := cli.Main(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("labtool %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// validateClean fails the test unless labtool's validator finds nothing,
// not even a warning, in the site.
func validateClean(t *testing.T, site string) {
	t.Helper()
	report, err := validate.Site(site, validate.Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if report.Errors+report.Warnings > 0 {
		var b strings.Builder
		for _, d := range report.Diagnostics {
			fmt.Fprintln(&b, d.String())
		}
		t.Errorf("validate: %s\n%s", report.Summary(), b.String())
	}
}

// researchTheme is a theme's section as the research page shows it.
type researchTheme struct {
	id, class, href, title string
}

func TestNewSiteBuildsWithNewContent(t *testing.T) {
	site := filepath.Join(t.TempDir(), "lab")
	labtool(t, "new", "site", site, "--title", "End-to-end Lab", "--theme-path", themeDir)

	// The example theme has weight 10 and the palette's first colour. The
	// first new theme goes before it, in a colour of its own, with a title
	// full of YAML syntax and accents; the second goes last, in the next
	// unused palette colour.
	const tricky = `Yes: "no" #1 — émotions & décisions`
	out := labtool(t, "new", "theme", tricky, "--site", site, "--weight", "5", "--color", "#2f8f94")
	if want := "wrote " + filepath.Join(site, "content", "research", "yes-no-1-emotions-decisions.md") + " (weight 5, colour #2f8f94)\n"; out != want {
		t.Errorf("new theme printed %q, want %q", out, want)
	}
	out = labtool(t, "new", "theme", "Cortical circuits for credit assignment", "--site", site)
	if !strings.HasSuffix(out, "(weight 20, colour "+content.DefaultPalette[1]+")\n") {
		t.Errorf("second theme: %q", out)
	}
	labtool(t, "new", "person", "Ada Lovelace", "--site", site, "--role", "phd", "--position", "PhD student", "--email", "ada@example.org")
	labtool(t, "new", "publication", "A deep learning framework for neuroscience", "--site", site,
		"--authors", "Blake A. Richards, Timothy P. Lillicrap", "--date", "2019-10-28",
		"--venue", "Nature Neuroscience", "--doi", "10.1038/s41593-019-0520-2", "--type", "article")
	labtool(t, "new", "news", "Our paper is out", "--site", site, "--date", "2019-10-29")

	validateClean(t, site)

	public := filepath.Join(t.TempDir(), "public")
	runHugo(t, "--source", site, "--destination", public)

	doc := parseHTML(t, filepath.Join(public, "research", "index.html"))
	var got []researchTheme
	for _, s := range findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "research-theme") }) {
		th := researchTheme{id: attr(s, "id")}
		for _, c := range strings.Fields(attr(s, "class")) {
			if strings.HasPrefix(c, "rt-") {
				th.class = c
			}
		}
		for _, h := range findAll(s, func(n *html.Node) bool { return n.Data == "h2" && hasClass(n, "research-theme__title") }) {
			for _, a := range findAll(h, func(n *html.Node) bool { return n.Data == "a" }) {
				th.href, th.title = attr(a, "href"), text(a)
			}
		}
		got = append(got, th)
	}
	want := []researchTheme{
		{"yes-no-1-emotions-decisions", "rt-yes-no-1-emotions-decisions", "/research/yes-no-1-emotions-decisions/", tricky},
		{"example-research-theme", "rt-example-research-theme", "/research/example-research-theme/", "Example research theme"},
		{"cortical-circuits-for-credit-assignment", "rt-cortical-circuits-for-credit-assignment", "/research/cortical-circuits-for-credit-assignment/", "Cortical circuits for credit assignment"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("research page themes, in order:\n got %q\nwant %q", got, want)
	}

	// Each theme's class carries its colour, in the stylesheet the page
	// links: the exact colour for the accent, and the shade that reaches
	// AA contrast on white for the heading text.
	css := linkedCSS(t, doc, public)
	white, _ := content.ParseHex(content.LightBackground)
	for _, tc := range []struct{ class, color string }{
		{"rt-yes-no-1-emotions-decisions", "#2f8f94"},
		{"rt-example-research-theme", content.DefaultPalette[0]},
		{"rt-cortical-circuits-for-credit-assignment", content.DefaultPalette[1]},
	} {
		rule := regexp.MustCompile(`\.` + tc.class + `\{([^}]*)\}`).FindStringSubmatch(css)
		if rule == nil {
			t.Errorf("no CSS rule for .%s", tc.class)
			continue
		}
		c, _ := content.ParseHex(tc.color)
		for prop, value := range map[string]string{"--accent": c.Hex(), "--accent-text": content.ReadableOn(c, white).Hex()} {
			m := regexp.MustCompile(`(?:^|;)\s*` + prop + `:\s*(#[0-9a-fA-F]{6})`).FindStringSubmatch(rule[1])
			if m == nil || !strings.EqualFold(m[1], value) {
				t.Errorf(".%s {%s}: %s is %v, want %s", tc.class, rule[1], prop, m, value)
			}
		}
	}

	// The other new pages are built too, with their titles.
	for page, title := range map[string]string{
		"people/ada-lovelace/index.html":                                     "Ada Lovelace",
		"publications/a-deep-learning-framework-for-neuroscience/index.html": "A deep learning framework for neuroscience",
		"news/our-paper-is-out/index.html":                                   "Our paper is out",
		"research/yes-no-1-emotions-decisions/index.html":                    tricky,
	} {
		h1 := findAll(parseHTML(t, filepath.Join(public, filepath.FromSlash(page))), func(n *html.Node) bool { return n.Data == "h1" })
		if len(h1) == 0 || text(h1[0]) != title {
			t.Errorf("%s: no <h1> %q", page, title)
		}
	}
}

// Every archetype of the theme, rendered by `hugo new content` in a new
// site, gives a page that validates clean.
func TestArchetypesValidate(t *testing.T) {
	site := filepath.Join(t.TempDir(), "lab")
	if _, err := scaffold.NewSite(site, scaffold.SiteOptions{Title: "Archetype Lab", ThemePath: themeDir}); err != nil {
		t.Fatal(err)
	}
	var made []string
	for _, typ := range content.Types {
		rel, title := "about.md", "About"
		if typ.Section != "" {
			rel, title = typ.Section+"/from-archetype.md", "From archetype"
		}
		if typ.Name == "person" {
			title = "From Archetype" // names are title-cased
		}
		runHugo(t, "new", "content", "--source", site, rel)
		data, err := os.ReadFile(filepath.Join(site, "content", filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("%s archetype: %v", typ.Name, err)
		}
		// Hugo used labsite's archetype, not its own default (TOML).
		if !bytes.HasPrefix(data, []byte("---\ntitle: \""+title+"\"\n")) {
			t.Errorf("content/%s was not made from theme/archetypes/%s:\n%s", rel, scaffold.ArchetypeName(typ), data)
		}
		made = append(made, rel)
	}
	validateClean(t, site)
	if t.Failed() {
		for _, rel := range made {
			data, _ := os.ReadFile(filepath.Join(site, "content", filepath.FromSlash(rel)))
			t.Logf("content/%s:\n%s", rel, data)
		}
	}
	data, _ := os.ReadFile(filepath.Join(site, "content", "news", "from-archetype.md"))
	if !regexp.MustCompile(`(?m)^date: \d{4}-\d\d-\d\dT`).Match(data) {
		t.Errorf("news date not filled in:\n%s", data)
	}
}

func parseHTML(t *testing.T, name string) *html.Node {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// linkedCSS returns the stylesheets the page links, concatenated.
func linkedCSS(t *testing.T, doc *html.Node, public string) string {
	t.Helper()
	var b strings.Builder
	for _, l := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "stylesheet" }) {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(strings.TrimPrefix(attr(l, "href"), "/"))))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	if b.Len() == 0 {
		t.Fatal("the page links no stylesheet")
	}
	return b.String()
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		out = append(out, findAll(c, match)...)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// text is n's text with white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

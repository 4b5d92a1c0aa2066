// Package e2e tests labtool from end to end, as a lab member uses it: a new
// site, new content, validation, then a Hugo build with the real theme,
// checked in the HTML and CSS Hugo wrote. It also renders every archetype
// of the theme with `hugo new content` and validates the result.
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/cli"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/validate"
)

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
	labtool(t, "new", "site", site, "--title", "End-to-end Lab", "--theme-path", hugotest.ThemeDir)

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
	if !strings.HasSuffix(out, "(weight 20, colour "+model.DefaultPalette[1]+")\n") {
		t.Errorf("second theme: %q", out)
	}
	labtool(t, "new", "person", "Ada Lovelace", "--site", site, "--role", "phd", "--position", "PhD student", "--email", "ada@example.org")
	labtool(t, "new", "publication", "A deep learning framework for neuroscience", "--site", site,
		"--authors", "Blake A. Richards, Timothy P. Lillicrap", "--date", "2019-10-28",
		"--venue", "Nature Neuroscience", "--doi", "10.1038/s41593-019-0520-2", "--type", "article")
	labtool(t, "new", "news", "Our paper is out", "--site", site, "--date", "2019-10-29")

	validateClean(t, site)

	built := hugotest.Build(t, site)

	doc := built.Parse(t, "research/index.html")
	var got []researchTheme
	for _, s := range doc.Find(hugotest.Class("research-theme")) {
		id, _ := s.Attr("id")
		th := researchTheme{id: id}
		class, _ := s.Attr("class")
		for _, c := range strings.Fields(class) {
			if strings.HasPrefix(c, "rt-") {
				th.class = c
			}
		}
		for _, h := range s.Find(hugotest.Class("research-theme__title")) {
			for _, a := range h.Find(hugotest.Tag("a")) {
				th.href, _ = a.Attr("href")
				th.title = a.Text()
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
	css := linkedCSS(t, built, doc)
	white, _ := model.ParseHex(model.LightBackground)
	for _, tc := range []struct{ class, color string }{
		{"rt-yes-no-1-emotions-decisions", "#2f8f94"},
		{"rt-example-research-theme", model.DefaultPalette[0]},
		{"rt-cortical-circuits-for-credit-assignment", model.DefaultPalette[1]},
	} {
		rule := regexp.MustCompile(`\.` + tc.class + `\{([^}]*)\}`).FindStringSubmatch(css)
		if rule == nil {
			t.Errorf("no CSS rule for .%s", tc.class)
			continue
		}
		c, _ := model.ParseHex(tc.color)
		for prop, value := range map[string]string{"--accent": c.Hex(), "--accent-text": model.ReadableOn(c, white).Hex()} {
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
		h1 := built.Parse(t, page).Find(hugotest.Tag("h1"))
		if len(h1) == 0 || h1[0].Text() != title {
			t.Errorf("%s: no <h1> %q", page, title)
		}
	}
}

// Every archetype of the theme, rendered by `hugo new content` in a new
// site, gives a page that validates clean.
func TestArchetypesValidate(t *testing.T) {
	site := filepath.Join(t.TempDir(), "lab")
	if _, err := scaffold.NewSite(site, scaffold.SiteOptions{Title: "Archetype Lab", ThemePath: hugotest.ThemeDir}); err != nil {
		t.Fatal(err)
	}
	var made []string
	for _, typ := range model.Types {
		rel, title := "about.md", "About"
		if typ.Section != "" {
			rel, title = typ.Section+"/from-archetype.md", "From archetype"
		}
		if typ.Name == "person" {
			title = "From Archetype" // names are title-cased
		}
		hugotest.Command(t, hugotest.Root, "new", "content", "--source", site, rel)
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

// linkedCSS returns the stylesheets the page links, concatenated.
func linkedCSS(t *testing.T, site *hugotest.Site, doc *hugotest.Doc) string {
	t.Helper()
	var b strings.Builder
	for _, l := range doc.Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			href, _ := l.Attr("href")
			b.WriteString(site.Read(t, strings.TrimPrefix(href, "/")))
		}
	}
	if b.Len() == 0 {
		t.Fatal("the page links no stylesheet")
	}
	return b.String()
}

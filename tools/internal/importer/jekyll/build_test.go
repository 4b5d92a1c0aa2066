package jekyll

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitecheck"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// TestMain removes the fixtures' builds, which the tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if builds.root != "" {
		os.RemoveAll(builds.root)
	}
	os.Exit(code)
}

// builds are the fixtures imported (with the repository's theme) and
// built with the pinned Hugo, once for all the tests that look at them.
var builds struct {
	sync.Mutex
	root string
	m    map[string]*fixtureBuild
}

type fixtureBuild struct {
	dir  string
	rep  *Report
	site *hugotest.Site
}

// builtFixture imports and builds testdata/<name>, or returns the build
// another test made.
func builtFixture(t *testing.T, name string) *fixtureBuild {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	if b := builds.m[name]; b != nil {
		return b
	}
	if builds.root == "" {
		root, err := os.MkdirTemp("", "labtool-jekyll-builds-")
		if err != nil {
			t.Fatal(err)
		}
		builds.root, builds.m = root, map[string]*fixtureBuild{}
	}
	dir := filepath.Join(builds.root, name)
	o := Options{Source: filepath.Join("testdata", name, "src"), Site: dir, ThemePath: hugotest.ThemeDir}
	if bib := filepath.Join("testdata", name, "bibliography.bib"); fileExists(bib) {
		o.Bibliography = bib
	}
	rep, err := Import(o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	site, err := hugotest.RunTo(t, dir, filepath.Join(builds.root, name+"-public"))
	if err != nil {
		t.Fatal(err)
	}
	b := &fixtureBuild{dir: dir, rep: rep, site: site}
	builds.m[name] = b
	return b
}

// researchPage is the structure of a built research page that the seed
// page must have once imported: the structure of exampleSite's.
type researchPage struct {
	title             string
	mastheads         int
	mastheadParas     []string
	mastheadLinks     []string // hrefs, figure names made generic
	figures           int
	caption           string
	panels            []string
	themeTitles       []string
	themeColours      []string
	themeBodies       []string
	references        []string
	figureHasImage    bool
	figureLabelStrong bool
}

var figID = regexp.MustCompile(`^#fig-.*`)

func readResearchPage(t *testing.T, site *hugotest.Site, dir string) researchPage {
	t.Helper()
	doc := site.Parse(t, "research/index.html")
	var p researchPage
	if h1 := doc.Find(hugotest.Tag("h1")); len(h1) == 1 {
		p.title = h1[0].Text()
	}
	ms := doc.Find(hugotest.Class("masthead"))
	p.mastheads = len(ms)
	if len(ms) > 0 {
		for _, para := range ms[0].Find(hugotest.Tag("p")) {
			p.mastheadParas = append(p.mastheadParas, para.Text())
		}
		for _, a := range ms[0].Find(hugotest.Tag("a")) {
			href, _ := a.Attr("href")
			p.mastheadLinks = append(p.mastheadLinks, figID.ReplaceAllString(href, "#fig-NAME"))
		}
	}
	figs := doc.Find(hugotest.Tag("figure"))
	p.figures = len(figs)
	if len(figs) > 0 {
		p.figureHasImage = len(figs[0].Find(hugotest.Tag("img"))) == 1
		if caps := figs[0].Find(hugotest.Tag("figcaption")); len(caps) == 1 {
			p.caption = caps[0].Text()
			for _, panel := range caps[0].Find(hugotest.Class("figure__panel")) {
				p.panels = append(p.panels, panel.Text())
			}
			labels := caps[0].Find(hugotest.Class("figure__label"))
			p.figureLabelStrong = len(labels) == 1 && labels[0].Data == "strong"
		}
	}
	css := stylesheetOf(t, site, doc)
	for _, sec := range doc.Find(hugotest.Class("research-theme")) {
		if h := sec.Find(hugotest.Tag("h2")); len(h) == 1 {
			p.themeTitles = append(p.themeTitles, h[0].Text())
		}
		id, _ := sec.Attr("id")
		m := regexp.MustCompile(`\.rt-` + regexp.QuoteMeta(id) + `\{--accent:\s*(#[0-9a-f]{6})`).FindStringSubmatch(css)
		if m != nil {
			p.themeColours = append(p.themeColours, m[1])
		} else {
			p.themeColours = append(p.themeColours, "none for "+id)
		}
		if b := sec.Find(hugotest.Class("research-theme__body")); len(b) == 1 {
			p.themeBodies = append(p.themeBodies, b[0].Text())
		}
	}
	for _, li := range doc.Find(func(e hugotest.Element) bool { id, _ := e.Attr("id"); return strings.HasPrefix(id, "ref-") }) {
		id, _ := li.Attr("id")
		p.references = append(p.references, id)
	}
	return p
}

// stylesheetOf reads the page's stylesheet, where the themes' colours are.
func stylesheetOf(t *testing.T, site *hugotest.Site, doc *hugotest.Doc) string {
	t.Helper()
	for _, l := range doc.Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			href, _ := l.Attr("href")
			return site.Read(t, strings.TrimPrefix(href, "/"))
		}
	}
	t.Fatal("no stylesheet")
	return ""
}

// TestSeedBuildsLikeExampleSite imports the seed page (research.md and its
// references.bib, as a Jekyll site), builds it with the pinned Hugo and
// compares its research page with exampleSite's, the hand-made target:
// masthead, Figure 1 with its panels, the three coloured theme sections in
// order, and working citations.
func TestSeedBuildsLikeExampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites with Hugo")
	}
	seed := builtFixture(t, "seed")
	got := readResearchPage(t, seed.site, seed.dir)
	want := readResearchPage(t, hugotest.Build(t, hugotest.ExampleSite), hugotest.ExampleSite)

	check := func(what string, g, w any) {
		t.Helper()
		if gs, ws := strings.Join(strs(g), "\n"), strings.Join(strs(w), "\n"); gs != ws {
			t.Errorf("%s:\n got: %s\nwant: %s", what, gs, ws)
		}
	}
	check("title", got.title, want.title)
	check("mastheads", got.mastheads, want.mastheads)
	check("masthead paragraphs", got.mastheadParas, want.mastheadParas)
	check("masthead links (citations, then figrefs)", got.mastheadLinks, want.mastheadLinks)
	check("figures", got.figures, want.figures)
	check("figure image", got.figureHasImage, want.figureHasImage)
	check("figure caption", got.caption, want.caption)
	check("figure panels", got.panels, want.panels)
	check("bold Figure 1: label", got.figureLabelStrong, want.figureLabelStrong)
	check("research themes, in order", got.themeTitles, want.themeTitles)
	check("theme colours, in order", got.themeColours, want.themeColours)
	check("theme texts", got.themeBodies, want.themeBodies)
	check("reference list", got.references, want.references)
	if len(got.themeTitles) != 3 || len(got.references) != 3 || got.figures != 1 || got.mastheads != 1 {
		t.Errorf("the seed's research page needs one masthead, one figure, three themes and three references; got %+v", got)
	}
}

func strs(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case string:
		return []string{v}
	case int:
		return []string{strings.Repeat("|", v)}
	case bool:
		if v {
			return []string{"true"}
		}
		return []string{"false"}
	}
	return nil
}

// visibleWords are the words of the text a visitor of the Jekyll page
// reads: its body without front matter and Liquid, rendered from Markdown
// (as kramdown would, raw HTML kept), without tags and attributes.
func visibleWords(t *testing.T, src string) []string {
	t.Helper()
	// Liquid shows nothing here; an HTML comment keeps its line from
	// turning blank, which would end an HTML block in Markdown.
	// A comment shows nothing, raw shows its text as it is.
	body := regexp.MustCompile(`(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}`).ReplaceAllString(bodyOf(t, src), "<!---->")
	var raws []string
	body = regexp.MustCompile(`(?s)\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}`).ReplaceAllStringFunc(body, func(m string) string {
		raws = append(raws, m)
		return "\x00RAW\x00"
	})
	// Liquid, and kramdown's attribute lists ({: .note}), show nothing.
	body = regexp.MustCompile(`(?s)\{%.*?%\}|\{\{.*?\}\}|\{:[^}\n]*\}`).ReplaceAllString(body, "<!---->")
	for _, r := range raws {
		inner := regexp.MustCompile(`(?s)^\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}$`).FindStringSubmatch(r)[1]
		body = strings.Replace(body, "\x00RAW\x00", inner, 1)
	}
	if ext := filepath.Ext(src); ext == ".md" || ext == ".markdown" {
		var b bytes.Buffer
		md := goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
		if err := md.Convert([]byte(body), &b); err != nil {
			t.Fatal(err)
		}
		body = b.String()
	}
	n, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return words(textNodes(n))
}

func textNodes(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

func words(s string) []string { return wordRe.FindAllString(s, -1) }

// TestSeedKeepsEveryWord checks that every word a visitor reads on the
// seed page is on the imported site's research page, built.
func TestSeedKeepsEveryWord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site with Hugo")
	}
	site := builtFixture(t, "seed").site
	page := words(textNodes(site.Parse(t, "research/index.html").Node))
	for _, w := range visibleWords(t, filepath.Join("testdata", "seed", "src", "research.md")) {
		if !slices.Contains(page, w) {
			t.Errorf("%q is not on the built research page", w)
		}
	}
}

// TestFixturesKeepEveryWord checks, for every fixture, that each word a
// visitor reads on a page of the Jekyll site (its body, without Liquid) is
// on the built site: nothing the import converts loses text. (404.html is
// left out on purpose: the theme has its own.)
func TestFixturesKeepEveryWord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sites with Hugo")
	}
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			b := builtFixture(t, name)
			site, rep := b.site, b.rep
			// A file with an error is not done: a draft, say, until a
			// human acts.
			unfinished := map[string]bool{}
			for _, it := range rep.Items {
				if it.Severity == Error {
					unfinished[it.File] = true
				}
			}
			built := map[string]bool{}
			for _, page := range site.Pages(t) {
				for _, w := range words(textNodes(site.Parse(t, page).Node)) {
					built[w] = true
				}
			}
			src := filepath.Join("testdata", name, "src")
			imp := &importer{src: src}
			filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(src, p)
				rel = filepath.ToSlash(rel)
				if k, _ := imp.kindOf(rel); k == kindNone || k == kindBib || k == kindPeopleData || k == kindNewsData || k == kindPubData || rel == "404.html" || unfinished[rel] {
					return nil
				}
				for _, w := range visibleWords(t, p) {
					if !built[w] {
						t.Errorf("%s: %q is not on the built site", rel, w)
					}
				}
				return nil
			})
		})
	}
}

// TestFixturesBuildWithoutLiquid builds every imported fixture with the
// pinned Hugo: each builds, no Liquid is left in its HTML except what the
// report lists, and every link and image of the built site resolves (as
// labtool check finds them), the old URLs of pages included.
func TestFixturesBuildWithoutLiquid(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sites with Hugo")
	}
	liquid := regexp.MustCompile(`\{%.*?%\}|\{\{.*?\}\}`)
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			b := builtFixture(t, name)
			site, rep := b.site, b.rep
			var listed []string
			for _, it := range rep.Items {
				if it.Rule == "liquid" {
					listed = append(listed, it.Message)
				}
			}
			// What {% raw %} shows is Liquid on purpose.
			raw := regexp.MustCompile(`(?s)\{%\s*raw\s*%\}(.*?)\{%\s*endraw\s*%\}`)
			filepath.WalkDir(filepath.Join("testdata", name, "src"), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					data, _ := os.ReadFile(p)
					for _, m := range raw.FindAllStringSubmatch(string(data), -1) {
						listed = append(listed, m[1])
					}
				}
				return err
			})
			check, err := sitecheck.Check(site.Public, sitecheck.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range check.Problems {
				t.Errorf("%s:%d: %s %s: %s", p.Page, p.Line, p.Rule, p.URL, p.Message)
			}
			for _, page := range site.Pages(t) {
				text := textNodes(site.Parse(t, page).Node)
				for _, m := range liquid.FindAllString(text, -1) {
					if !slices.ContainsFunc(listed, func(msg string) bool { return strings.Contains(msg, oneLine(m)) }) {
						t.Errorf("%s: Liquid %q is in the built page but not in the report", page, m)
					}
				}
			}
		})
	}
}

// bodyOf reads a source file's body, without its front matter.
func bodyOf(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if strings.HasPrefix(s, "---") {
		if i := strings.Index(s[3:], "\n---"); i >= 0 {
			s = s[3+i+4:]
		}
	}
	return s
}

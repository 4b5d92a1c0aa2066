// Package sitegen writes synthetic lab sites for benchmarks and tests: N
// content files of every type (research themes, people, publications, news
// and the section pages) with realistic front matter and bodies,
// references between them, figures, cross-references, citations resolved
// by data/bibliography.json, the matching references.bib, and images in
// page bundles, assets/ and static/.
//
// The output depends only on N and the options: the same call writes the
// same bytes. Every generated site passes labtool validate without a
// problem (a test in tools/internal/validate checks it).
package sitegen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// Options tune the generated site.
type Options struct {
	// Seed picks the names, words and numbers; the same seed gives the same
	// site.
	Seed uint64
	// ThemePath, when set, is the theme's folder relative to the site's
	// themes/ folder, written to hugo.toml as a module replacement so that
	// Hugo builds the site offline (as exampleSite does with ../../theme).
	ThemePath string
	// PublicationsFromBib makes the publications entries of references.bib
	// only, imported into data/publications.json as labtool import bibtex
	// does, whose pages the theme's content adapter makes at build time;
	// no content/publications/<slug>.md is written. The publications still
	// count towards n.
	PublicationsFromBib bool
}

// MinFiles is the smallest site Write makes: the five section pages plus
// one page of each type.
const MinFiles = 9

// Counts says how many content files of each kind a site of n files has.
type Counts struct {
	Sections, Themes, People, Publications, News int
}

// CountsFor splits n content files between the kinds: five section pages,
// then 2% research themes, 15% people, 25% news and the rest publications,
// at least one of each.
func CountsFor(n int) Counts {
	m := n - 5
	c := Counts{Sections: 5, Themes: max(1, m*2/100), People: max(1, m*15/100), News: max(1, m*25/100)}
	c.Publications = m - c.Themes - c.People - c.News
	return c
}

// Write writes a site of n content files into dir, which must not exist
// or be empty.
func Write(dir string, n int, opts Options) error {
	if n < MinFiles {
		return fmt.Errorf("a site needs at least %d content files, not %d", MinFiles, n)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	g := &gen{dir: dir, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), counts: CountsFor(n), fromBib: opts.PublicationsFromBib}
	g.plan()
	steps := []func() error{
		func() error { return g.config(opts.ThemePath) },
		g.sections, g.themes, g.people, g.publications, g.news, g.bibliography, g.images, g.importBib,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// gen holds the plan of a site while it is written.
type gen struct {
	dir    string
	rng    *rand.Rand
	counts Counts
	// Slugs and titles of each kind, decided before any file is written so
	// that files can refer to each other.
	themeSlugs, themeTitles   []string
	personSlugs, personNames  []string
	pubSlugs, pubTitles       []string
	pubKeys                   []string
	bundlePeople, bundleNews  map[int]bool
	usedSlugs                 map[string]bool
	authorsOf                 [][]string
	yearOf                    []int
	firstAuthorFamily         []string
	themeColors, themeWeights []string
	// pubBib is each publication's BibTeX entry, fields in the same
	// values as its front matter.
	pubBib  []string
	fromBib bool
}

func (g *gen) write(rel, text string) error {
	name := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// unique makes a slug unique within the site by numbering repeats.
func (g *gen) unique(slug string) string {
	s := slug
	for i := 2; g.usedSlugs[s]; i++ {
		s = fmt.Sprintf("%s-%d", slug, i)
	}
	g.usedSlugs[s] = true
	return s
}

// plan decides every name, title and key.
func (g *gen) plan() {
	g.usedSlugs = map[string]bool{}
	g.bundlePeople, g.bundleNews = map[int]bool{}, map[int]bool{}
	for i := range g.counts.Themes {
		title := topicTitle(i)
		g.themeTitles = append(g.themeTitles, title)
		g.themeSlugs = append(g.themeSlugs, g.unique(model.Slugify(title)))
		g.themeColors = append(g.themeColors, model.DefaultPalette[i%len(model.DefaultPalette)])
		g.themeWeights = append(g.themeWeights, fmt.Sprint(10*(i+1)))
	}
	for i := range g.counts.People {
		// Two people of one name are a validate warning (same-name), so a
		// name already taken gets a middle initial, as real labs tell them
		// apart.
		given, family := g.pick(givenNames), g.pick(familyNames)
		name := given + " " + family
		for k := 0; g.usedSlugs[model.Slugify(name)]; k++ {
			name = fmt.Sprintf("%s %c. %c. %s", given, 'A'+k%26, 'A'+k/26%26, family)
		}
		g.personNames = append(g.personNames, name)
		g.personSlugs = append(g.personSlugs, g.unique(model.Slugify(name)))
		if i%10 == 0 {
			g.bundlePeople[i] = true
		}
	}
	keys := map[string]bool{}
	for i := range g.counts.Publications {
		title := sentenceTitle(g)
		g.pubTitles = append(g.pubTitles, title)
		g.pubSlugs = append(g.pubSlugs, g.unique(model.Slugify(strings.Join(strings.Fields(title)[:min(6, len(strings.Fields(title)))], " "))))
		var authors []string
		for range 1 + g.rng.IntN(5) {
			authors = append(authors, g.pick(givenNames)+" "+g.pick(familyNames))
		}
		year := 2000 + g.rng.IntN(26)
		family := authors[0][strings.LastIndexByte(authors[0], ' ')+1:]
		key := fmt.Sprintf("%s%d", strings.ToLower(model.Slugify(family)), year)
		for j := 'a'; keys[key]; j++ {
			key = fmt.Sprintf("%s%d%c", strings.ToLower(model.Slugify(family)), year, j)
			if j == 'z' {
				key = fmt.Sprintf("%s%d-%d", strings.ToLower(model.Slugify(family)), year, i)
			}
		}
		keys[key] = true
		g.pubKeys = append(g.pubKeys, key)
		g.authorsOf = append(g.authorsOf, authors)
		g.yearOf = append(g.yearOf, year)
		g.firstAuthorFamily = append(g.firstAuthorFamily, family)
	}
	for i := range g.counts.News {
		if i%8 == 0 {
			g.bundleNews[i] = true
		}
	}
}

// some returns up to n distinct items of list.
func (g *gen) some(list []string, n int) []string {
	n = min(n, len(list))
	seen := map[int]bool{}
	var out []string
	for len(out) < n {
		i := g.rng.IntN(len(list))
		if !seen[i] {
			seen[i] = true
			out = append(out, list[i])
		}
	}
	return out
}

// yamlList writes a flow list of slugs.
func yamlList(items []string) string { return "[" + strings.Join(items, ", ") + "]" }

// quote writes a YAML double-quoted string.
func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

func (g *gen) date(year int) string {
	return fmt.Sprintf("%d-%02d-%02d", year, 1+g.rng.IntN(12), 1+g.rng.IntN(28))
}

func (g *gen) config(themePath string) error {
	var b strings.Builder
	b.WriteString(`baseURL = "https://lab.example.org/"
title = "Synthetic Lab"
locale = "en"

[markup.goldmark.parser]
  wrapStandAloneImageWithinParagraph = false
  [markup.goldmark.parser.attribute]
    block = true

[params.labsite]
  name = "Synthetic Lab"
  description = "A generated site for benchmarks."

[module]
`)
	if themePath != "" {
		fmt.Fprintf(&b, "  replacements = %q\n", "github.com/neuralml/labsite/theme -> "+themePath)
	}
	b.WriteString("  [[module.imports]]\n    path = \"github.com/neuralml/labsite/theme\"\n")
	return g.write("hugo.toml", b.String())
}

// sections writes the home page and the section pages; the research page
// holds a masthead, a figure, figrefs and citations.
func (g *gen) sections() error {
	cites := g.some(g.pubKeys, 3)
	research := fmt.Sprintf(`---
title: Research
---
{{< masthead >}}
We study how brains learn and plan, from synapses to behaviour (Fig. {{< figref "overview" "a" >}}), and build models that do the same {{< cite %s >}}.
{{< /masthead >}}

{{< figure name="overview" src="images/overview.svg" alt="Overview of the lab's research themes" title="Our research at a glance." >}}
(a) Synapses. (b) Circuits. (c) Behaviour {{< cite %q narrative >}}.
{{< /figure >}}

%s
`, strings.Join(quoteAll(cites), " "), cites[0], g.paragraphs(2))
	pages := map[string]string{
		"content/_index.md":              "---\ntitle: Synthetic Lab\n---\n" + g.paragraphs(1),
		"content/research/_index.md":     research,
		"content/people/_index.md":       "---\ntitle: People\n---\n" + g.paragraphs(1),
		"content/publications/_index.md": "---\ntitle: Publications\n---\n" + g.paragraphs(1),
		"content/news/_index.md":         "---\ntitle: News\n---\n",
	}
	for _, rel := range []string{"content/_index.md", "content/research/_index.md", "content/people/_index.md", "content/publications/_index.md", "content/news/_index.md"} {
		if err := g.write(rel, pages[rel]); err != nil {
			return err
		}
	}
	return nil
}

func quoteAll(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = quote(s)
	}
	return out
}

func (g *gen) themes() error {
	for i, slug := range g.themeSlugs {
		people := g.some(g.personSlugs, 2+g.rng.IntN(4))
		fig := "fig-" + slug
		cites := g.some(g.pubKeys, 1+g.rng.IntN(3))
		text := fmt.Sprintf(`---
title: %s
color: %q
weight: %s
summary: %s
people: %s
---
%s

As {{< figref %q >}} shows, %s {{< cite %s >}}

![Diagram of %s](/images/themes/%s.svg "%s")
{#%s}

%s
`, quote(g.themeTitles[i]), g.themeColors[i], g.themeWeights[i], quote(g.sentence()), yamlList(people),
			g.paragraphs(1), fig, lowerFirst(g.sentence()), strings.Join(quoteAll(cites), " "),
			strings.ToLower(g.themeTitles[i]), slug, g.sentence(), fig, g.paragraphs(2))
		if err := g.write("content/research/"+slug+".md", text); err != nil {
			return err
		}
	}
	return nil
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

var roles = model.Roles

var positions = map[string]string{
	"pi": "Principal Investigator", "postdoc": "Postdoctoral Researcher", "phd": "PhD Student",
	"masters": "Master's Student", "undergraduate": "Undergraduate Student", "staff": "Research Engineer", "visitor": "Visiting Researcher",
}

func (g *gen) people() error {
	for i, slug := range g.personSlugs {
		role := roles[0]
		if i > 0 {
			role = roles[1+g.rng.IntN(len(roles)-1)]
		}
		name := g.personNames[i]
		rel := "content/people/" + slug + ".md"
		image := "/images/people/" + slug + ".svg"
		if g.bundlePeople[i] {
			rel = "content/people/" + slug + "/index.md"
			image = "portrait.svg"
			if err := g.write("content/people/"+slug+"/portrait.svg", svg(name, g.themeColors[i%len(g.themeColors)])); err != nil {
				return err
			}
		} else if err := g.write("static/images/people/"+slug+".svg", svg(name, "#4a77b4")); err != nil {
			return err
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nrole: %s\nposition: %s\n", quote(name), role, quote(positions[role]))
		fmt.Fprintf(&b, "email: %s@lab.example.org\n", slug)
		fmt.Fprintf(&b, "orcid: %s\n", g.orcid())
		if g.rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "website: https://%s.example.org/\n", slug)
		}
		if g.rng.IntN(2) == 0 {
			fmt.Fprintf(&b, "github: %s\n", strings.ReplaceAll(slug, "-", ""))
		}
		fmt.Fprintf(&b, "image: %s\n", image)
		b.WriteString("themes:\n")
		for _, t := range g.some(g.themeSlugs, 1+g.rng.IntN(2)) {
			fmt.Fprintf(&b, "  - %s\n", t)
		}
		joined := 2010 + g.rng.IntN(15)
		fmt.Fprintf(&b, "joined: %s\n", g.date(joined))
		if g.rng.IntN(5) == 0 {
			fmt.Fprintf(&b, "left: %s\n", g.date(joined+1))
		}
		fmt.Fprintf(&b, "---\n%s", g.paragraphs(1+g.rng.IntN(2)))
		if err := g.write(rel, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// orcid makes an ORCID iD with a valid check digit.
func (g *gen) orcid() string {
	digits := fmt.Sprintf("0000000%08d", g.rng.IntN(100_000_000))
	total := 0
	for _, c := range digits {
		total = (total + int(c-'0')) * 2
	}
	check := (12 - total%11) % 11
	last := fmt.Sprint(check)
	if check == 10 {
		last = "X"
	}
	id := digits + last
	return id[0:4] + "-" + id[4:8] + "-" + id[8:12] + "-" + id[12:16]
}

var pubTypes = []string{"article", "article", "article", "preprint", "conference", "chapter", "software", "dataset"}

var venues = []string{"Nature Neuroscience", "Neuron", "eLife", "PLOS Computational Biology", "NeurIPS", "ICLR", "Journal of Neuroscience", "bioRxiv"}

// bibTypes are the BibTeX entry types of the publication types, with the
// field that holds the venue.
var bibTypes = map[string][2]string{
	"article":    {"article", "journal"},
	"preprint":   {"misc", "howpublished"},
	"conference": {"inproceedings", "booktitle"},
	"chapter":    {"incollection", "booktitle"},
	"software":   {"software", "howpublished"},
	"dataset":    {"dataset", "howpublished"},
}

func (g *gen) publications() error {
	for i, slug := range g.pubSlugs {
		var b, bib strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nauthors:\n", quote(g.pubTitles[i]))
		var bibNames []string
		for _, a := range g.authorsOf[i] {
			fmt.Fprintf(&b, "  - %s\n", a)
			given, family, _ := strings.Cut(a, " ")
			bibNames = append(bibNames, family+", "+given)
		}
		date, pubtype, venue := g.date(g.yearOf[i]), g.pick(pubTypes), g.pick(venues)
		fmt.Fprintf(&b, "date: %s\npubtype: %s\nvenue: %s\n", date, pubtype, quote(venue))
		bt := bibTypes[pubtype]
		fmt.Fprintf(&bib, "@%s{%s,\n  title = {%s},\n  author = {%s},\n  year = {%d},\n  month = {%s},\n  %s = {%s},\n",
			bt[0], g.pubKeys[i], g.pubTitles[i], strings.Join(bibNames, " and "), g.yearOf[i], date[5:7], bt[1], venue)
		if g.rng.IntN(2) == 0 {
			volume, issue := fmt.Sprint(1+g.rng.IntN(40)), fmt.Sprint(1+g.rng.IntN(12))
			fmt.Fprintf(&b, "volume: %q\nissue: %q\npages: %d–%d\n", volume, issue, 100+i, 110+i)
			fmt.Fprintf(&bib, "  volume = {%s},\n  number = {%s},\n  pages = {%d--%d},\n", volume, issue, 100+i, 110+i)
		}
		doi := fmt.Sprintf("10.%d/%s.%d", 1000+g.rng.IntN(9000), strings.ReplaceAll(slug, "-", "")[:min(8, len(strings.ReplaceAll(slug, "-", "")))], i)
		fmt.Fprintf(&b, "doi: %s\n", doi)
		fmt.Fprintf(&b, "bibkey: %s\n", g.pubKeys[i])
		fmt.Fprintf(&b, "people: %s\nthemes: %s\n", yamlList(g.some(g.personSlugs, 1+g.rng.IntN(3))), yamlList(g.some(g.themeSlugs, 1)))
		if g.rng.IntN(10) == 0 {
			b.WriteString("featured: true\n")
			bib.WriteString("  selected = {true},\n")
		}
		abstract := g.paragraphs(1)
		fmt.Fprintf(&b, "---\n%s", abstract)
		fmt.Fprintf(&bib, "  doi = {%s},\n  abstract = {%s},\n}\n", doi, strings.TrimSpace(abstract))
		g.pubBib = append(g.pubBib, bib.String())
		if g.fromBib {
			continue
		}
		if err := g.write("content/publications/"+slug+".md", b.String()); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) news() error {
	for i := range g.counts.News {
		title := g.pick(newsOpeners) + " " + lowerFirst(sentenceTitle(g))
		slug := g.unique(fmt.Sprintf("%s-%d", model.Slugify(strings.Join(strings.Fields(title)[:4], " ")), i))
		year := 2015 + g.rng.IntN(11)
		rel := "content/news/" + slug + ".md"
		image := ""
		if g.bundleNews[i] {
			rel = "content/news/" + slug + "/index.md"
			image = "image: photo.svg\n"
			if err := g.write("content/news/"+slug+"/photo.svg", svg(title, "#538d5f")); err != nil {
				return err
			}
		}
		text := fmt.Sprintf("---\ntitle: %s\ndate: %s\nsummary: %s\n%speople: %s\nthemes: %s\n---\n%s",
			quote(title), g.date(year), quote(g.sentence()), image,
			yamlList(g.some(g.personSlugs, 1+g.rng.IntN(2))), yamlList(g.some(g.themeSlugs, 1)), g.paragraphs(1+g.rng.IntN(3)))
		if g.rng.IntN(4) == 0 {
			text += fmt.Sprintf("\nRead the paper {{< cite %q >}}.\n", g.pick(g.pubKeys))
		}
		if err := g.write(rel, text); err != nil {
			return err
		}
	}
	return nil
}

// bibliography writes data/bibliography.json (CSL-JSON) and the matching
// references.bib at the site's root.
func (g *gen) bibliography() error {
	var js, bib strings.Builder
	js.WriteString("[\n")
	for i, key := range g.pubKeys {
		if i > 0 {
			js.WriteString(",\n")
		}
		var names []string
		for _, a := range g.authorsOf[i] {
			given, family, _ := strings.Cut(a, " ")
			names = append(names, fmt.Sprintf(`{"family": %q, "given": %q}`, family, given))
		}
		fmt.Fprintf(&js, `  {"id": %q, "type": "article-journal", "title": %q, "author": [%s], "issued": {"date-parts": [[%d]]}}`,
			key, g.pubTitles[i], strings.Join(names, ", "), g.yearOf[i])
		bib.WriteString(g.pubBib[i] + "\n")
	}
	js.WriteString("\n]\n")
	if err := g.write(model.BibliographyFile, js.String()); err != nil {
		return err
	}
	return g.write("references.bib", bib.String())
}

// importBib imports references.bib into data/publications.json, as
// labtool import bibtex does, when the publications come from it.
func (g *gen) importBib() error {
	if !g.fromBib {
		return nil
	}
	site, err := siteio.OpenDir(g.dir)
	if err != nil {
		return err
	}
	res, err := importer.BibTeX(site, filepath.Join(g.dir, "references.bib"), importer.Options{})
	if err != nil {
		return err
	}
	if len(res.Diagnostics) > 0 {
		return fmt.Errorf("importing the generated references.bib: %v", res.Diagnostics[0])
	}
	return nil
}

// images writes the figures the research pages show.
func (g *gen) images() error {
	if err := g.write("assets/images/overview.svg", svg("Overview", "#919191")); err != nil {
		return err
	}
	for i, slug := range g.themeSlugs {
		if err := g.write("static/images/themes/"+slug+".svg", svg(g.themeTitles[i], g.themeColors[i])); err != nil {
			return err
		}
	}
	return nil
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;")

// svg is a small image with a title.
func svg(title, color string) string {
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" role="img"><title>%s</title><rect width="120" height="80" fill="%s"/></svg>`+"\n",
		xmlEscaper.Replace(title), color)
}

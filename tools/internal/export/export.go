// Package export writes a selection of the lab's publications for grant
// reports and CVs (labtool export publications): one member's, one
// research theme's or one period's, as BibTeX, CSL-JSON or Markdown.
package export

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// Formats are the output formats.
var Formats = []string{"bibtex", "csl-json", "markdown"}

// Filter selects publications; zero fields select everything.
type Filter struct {
	// Person is the slug of a person: the publications they are an author
	// of (matched by labtool import bibtex, or listed in a hand-written
	// page's people).
	Person string
	// Theme is the slug of a research theme: the publications on it,
	// whichever side names the relation.
	Theme string
	// Since and Until bound the year, inclusive; an undated publication
	// is left out when either is set.
	Since, Until int
}

// UsageError is a filter that names nothing in the site.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Result reports what Publications wrote.
type Result struct {
	Count int
	// Stale is set when data/publications.json is older than its .bib:
	// the export is of the data, so the caller should say so.
	Stale bool
	// Source is the .bib file the data came from.
	Source string
}

// Publications writes the site's publications that pass f to w, newest
// first, in format (one of Formats).
func Publications(site *siteio.Site, f Filter, format string, w io.Writer) (Result, error) {
	var res Result
	if !slices.Contains(Formats, format) {
		return res, &UsageError{fmt.Sprintf("--format %q is not one of %s", format, strings.Join(Formats, ", "))}
	}
	data, err := importer.ReadPublications(site.Root())
	if err != nil {
		return res, err
	}
	if data == nil {
		return res, errors.New("the site has no data/publications.json: write it from the lab's .bib with labtool import bibtex FILE")
	}
	res.Source = data.Source
	src, srcErr := os.ReadFile(filepath.Join(site.Root(), filepath.FromSlash(data.Source)))
	res.Stale = srcErr == nil && importer.HashBytes(src) != data.SHA256
	pages := handWritten(site.Root())
	if f.Person != "" && !exists(site.Root(), "people", f.Person) {
		return res, &UsageError{fmt.Sprintf("--person %q: there is no content/people/%s.md", f.Person, f.Person)}
	}
	themesOf := map[string][]string{}
	if f.Theme != "" {
		if !exists(site.Root(), "research", f.Theme) {
			return res, &UsageError{fmt.Sprintf("--theme %q: there is no content/research/%s.md", f.Theme, f.Theme)}
		}
		for _, key := range readList(site.Root(), "research", f.Theme, "publications") {
			themesOf[key] = append(themesOf[key], f.Theme)
		}
	}
	var pubs []importer.Publication
	for _, p := range data.Publications {
		page := pages[p.Slug]
		if f.Person != "" && !slices.Contains(p.People, f.Person) && !slices.Contains(page.people, f.Person) {
			continue
		}
		if f.Theme != "" && !slices.Contains(page.themes, f.Theme) && themesOf[p.Key] == nil && themesOf[p.Slug] == nil {
			continue
		}
		if (f.Since > 0 || f.Until > 0) && p.Year == 0 ||
			f.Since > 0 && p.Year < f.Since || f.Until > 0 && p.Year > f.Until {
			continue
		}
		pubs = append(pubs, p)
	}
	slices.SortStableFunc(pubs, func(a, b importer.Publication) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.Title, b.Title))
	})
	res.Count = len(pubs)
	switch format {
	case "bibtex":
		for i, p := range pubs {
			if i > 0 {
				io.WriteString(w, "\n")
			}
			if _, err := io.WriteString(w, p.BibTeX); err != nil {
				return res, err
			}
		}
	case "csl-json":
		if srcErr != nil {
			return res, fmt.Errorf("CSL-JSON is made from the .bib, %s: %v", data.Source, srcErr)
		}
		file, _ := bibtex.Parse(data.Source, src)
		byKey := map[string]*bibtex.Entry{}
		for _, e := range file.Entries {
			byKey[e.Key] = e
		}
		var entries []*bibtex.Entry
		for _, p := range pubs {
			if e := byKey[p.Key]; e != nil {
				entries = append(entries, e)
			}
		}
		items := bibtex.ToCSL(entries)
		order := map[string]int{}
		for i, p := range pubs {
			order[p.Key] = i
		}
		slices.SortStableFunc(items, func(a, b bibtex.CSLItem) int { return cmp.Compare(order[a.ID], order[b.ID]) })
		return res, bibtex.WriteCSL(w, items)
	case "markdown":
		return res, writeMarkdown(w, pubs)
	}
	return res, nil
}

// writeMarkdown writes pubs as a Markdown list under one heading per year,
// lab members in bold: "**Ada Lovelace**, José Núñez and G. M. Hopper
// (2024). Title. *Venue*, 12(3), 101–118. https://doi.org/…".
func writeMarkdown(w io.Writer, pubs []importer.Publication) error {
	year := -1
	var b strings.Builder
	for _, p := range pubs {
		if p.Year != year {
			if year != -1 {
				b.WriteString("\n")
			}
			year = p.Year
			if year == 0 {
				b.WriteString("## Undated\n\n")
			} else {
				fmt.Fprintf(&b, "## %d\n\n", year)
			}
		}
		b.WriteString("- ")
		for i, a := range p.Authors {
			switch {
			case i == 0:
			case i == len(p.Authors)-1 && !p.AndOthers:
				b.WriteString(" and ")
			default:
				b.WriteString(", ")
			}
			name := markdownEscape(a.Name)
			if a.Person != "" {
				name = "**" + name + "**"
			}
			b.WriteString(name)
		}
		if p.AndOthers {
			b.WriteString(" et al.")
		}
		if p.Year > 0 {
			fmt.Fprintf(&b, " (%d)", p.Year)
		}
		fmt.Fprintf(&b, ". %s.", strings.TrimSuffix(markdownEscape(p.Title), "."))
		if p.Venue != "" {
			fmt.Fprintf(&b, " *%s*", markdownEscape(p.Venue))
			if p.Volume != "" {
				fmt.Fprintf(&b, ", %s", p.Volume)
				if p.Issue != "" {
					fmt.Fprintf(&b, "(%s)", p.Issue)
				}
			}
			if p.Pages != "" {
				fmt.Fprintf(&b, ", %s", p.Pages)
			}
			b.WriteString(".")
		}
		if link := reference(p); link != "" {
			fmt.Fprintf(&b, " %s", link)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reference is where a reader finds the work: its DOI, else its URL, else
// its arXiv page or web page from al-folio's fields.
func reference(p importer.Publication) string {
	switch {
	case p.DOI != "":
		return "https://doi.org/" + p.DOI
	case p.URL != "":
		return p.URL
	}
	for _, kind := range []string{"arxiv", "html", "website"} {
		for _, l := range p.Links {
			if l.Kind == kind {
				return l.URL
			}
		}
	}
	return ""
}

// markdownEscape escapes the characters that would start Markdown
// emphasis or links in running text.
func markdownEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`).Replace(s)
}

// page is what a hand-written publication page adds to the selection.
type page struct{ people, themes []string }

// handWritten reads the people and themes of the hand-written publication
// pages, by slug.
func handWritten(root string) map[string]page {
	out := map[string]page{}
	dir := filepath.Join(root, "content", "publications")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		slug := strings.TrimSuffix(name, ".md")
		if e.IsDir() {
			slug = name
		} else if path.Ext(name) != ".md" || strings.HasPrefix(name, "_") {
			continue
		}
		out[slug] = page{
			people: readList(root, "publications", slug, "people"),
			themes: readList(root, "publications", slug, "themes"),
		}
	}
	return out
}

// exists reports whether content/<section>/<slug>.md or its bundle exists.
func exists(root, section, slug string) bool {
	if slug == "" || strings.ContainsAny(slug, `/\`) || slug == ".." {
		return false
	}
	for _, rel := range []string{slug + ".md", slug + "/index.md"} {
		if _, err := os.Stat(filepath.Join(root, "content", section, filepath.FromSlash(rel))); err == nil {
			return true
		}
	}
	return false
}

// readList returns the strings of the front-matter list field of the page
// content/<section>/<slug>.md (or its bundle), or nil.
func readList(root, section, slug, field string) []string {
	for _, rel := range []string{slug + ".md", slug + "/index.md"} {
		src, err := os.ReadFile(filepath.Join(root, "content", section, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		doc, err := frontmatter.Parse(src)
		if err != nil {
			return nil
		}
		e := doc.Lookup(field)
		if e == nil {
			return nil
		}
		var out []string
		for _, v := range e.Value.Items {
			out = append(out, v.Text)
		}
		return out
	}
	return nil
}

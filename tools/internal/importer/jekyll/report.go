package jekyll

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Severity says how badly an item needs a human.
type Severity string

const (
	// Error: the imported site does not build, or loses content, until a
	// human acts (a missing image, broken front matter).
	Error Severity = "error"
	// Warning: the site builds, but something was kept as text, guessed
	// or dropped, and a human should look (unconverted Liquid, a
	// citation with no entry, alt text made from a file name).
	Warning Severity = "warning"
)

// Item is one thing in the imported site that needs a human, at its place
// in the Jekyll source.
type Item struct {
	// File is the source file, relative to the Jekyll folder, with
	// slashes.
	File string `json:"file"`
	// Line is 1-based; 0 when the item is about the whole file.
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Rule names the kind of item: liquid, html, style, script, citation,
	// image, alt, frontmatter, config, field, person, publication.
	Rule string `json:"rule"`
}

func (it Item) String() string {
	pos := it.File
	if it.Line > 0 {
		pos = fmt.Sprintf("%s:%d", it.File, it.Line)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", pos, it.Severity, it.Message, it.Rule)
}

// Counts are how many of each kind of content the import wrote.
type Counts struct {
	Pages        int `json:"pages"`
	Posts        int `json:"posts"`
	People       int `json:"people"`
	Publications int `json:"publications"`
	// Bibliography is the number of entries of the .bib that became the
	// site's bibliography (data/bibliography.json).
	Bibliography int `json:"bibliography"`
	Themes       int `json:"themes"`
	Assets       int `json:"assets"`
}

// Report is what an import did, and what it left for a human.
type Report struct {
	// Source and Site are the two folders, as given.
	Source string `json:"source"`
	Site   string `json:"site"`
	DryRun bool   `json:"dryRun"`
	Counts Counts `json:"counts"`
	// Files are the files written (or, in a dry run, that would be),
	// relative to the site, sorted.
	Files []string `json:"files"`
	// Items need a human, sorted by file and line.
	Items []Item `json:"items"`

	mu sync.Mutex // add is called from several goroutines
}

func (r *Report) add(file string, line int, sev Severity, rule, format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Items = append(r.Items, Item{File: file, Line: line, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) sort() {
	slices.SortStableFunc(r.Items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	r.Items = slices.Compact(r.Items)
	slices.Sort(r.Files)
	r.Files = slices.Compact(r.Files)
}

// Errors counts the items of severity error.
func (r *Report) Errors() int {
	n := 0
	for _, it := range r.Items {
		if it.Severity == Error {
			n++
		}
	}
	return n
}

// WriteText writes the report as a compiler would: one line per item,
// then the counts and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	for _, it := range r.Items {
		if _, err := fmt.Fprintln(w, it.String()); err != nil {
			return err
		}
	}
	c := r.Counts
	verb := "imported"
	if r.DryRun {
		verb = "would import"
	}
	_, err := fmt.Fprintf(w, "%s %s into %s: %s, %s, %s, %s, %s, %s, %s (%s)\n",
		verb, r.Source, r.Site,
		plural(c.Pages, "page"), plural(c.Posts, "post"), plural(c.People, "person", "people"),
		plural(c.Publications, "publication"), plural(c.Bibliography, "bibliography entry", "bibliography entries"),
		plural(c.Themes, "research theme"), plural(c.Assets, "asset"),
		plural(len(r.Files), "file"))
	if err != nil {
		return err
	}
	errs := r.Errors()
	verb = "need"
	if len(r.Items) == 1 {
		verb = "needs"
	}
	_, err = fmt.Fprintf(w, "%s %s a human (%s, %s)\n", plural(len(r.Items), "item"), verb, plural(errs, "error"), plural(len(r.Items)-errs, "warning"))
	return err
}

// WriteJSON writes the report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	out := struct {
		Source string   `json:"source"`
		Site   string   `json:"site"`
		DryRun bool     `json:"dryRun"`
		Counts Counts   `json:"counts"`
		Files  []string `json:"files"`
		Items  []Item   `json:"items"`
	}{r.Source, r.Site, r.DryRun, r.Counts, r.Files, r.Items}
	if out.Items == nil {
		out.Items = []Item{}
	}
	if out.Files == nil {
		out.Files = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func plural(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}

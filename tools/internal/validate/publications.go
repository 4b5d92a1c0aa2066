package validate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/authors"
	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/model"
)

// labPublications is what validate knows of data/publications.json.
type labPublications struct {
	data *importer.Publications
	// keys holds the entries' BibTeX keys and slugs: a hand-written page
	// for one of them takes its title, authors and date from the entry.
	keys map[string]bool
	// slugOf is the slug of the page of each BibTeX key.
	slugOf map[string]string
	// src is the JSON file's text, for positions.
	src []byte
}

// loadPublications reads data/publications.json; nil without one. A file
// that cannot be read is reported.
func loadPublications(dir string) (*labPublications, []Diagnostic) {
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(importer.PublicationsFile)))
	if err != nil {
		return nil, nil
	}
	data, err := importer.ReadPublications(dir)
	if err != nil {
		return nil, []Diagnostic{{Path: importer.PublicationsFile, Line: 1, Col: 1, Severity: Error, Rule: RulePublicationsStale,
			Message: fmt.Sprintf("cannot be read: %v", err), Hint: "write it again with labtool import bibtex FILE"}}
	}
	lp := &labPublications{data: data, keys: map[string]bool{}, slugOf: map[string]string{}, src: src}
	for _, p := range data.Publications {
		lp.keys[p.Key] = true
		lp.slugOf[p.Key] = p.Slug
		lp.keys[p.Slug] = true
	}
	return lp, nil
}

// lineOf returns the 1-based line of the first occurrence of needle in
// src, or 1.
func lineOf(src []byte, needle string) int {
	if i := bytes.Index(src, []byte(needle)); i >= 0 {
		return bytes.Count(src[:i], []byte("\n")) + 1
	}
	return 1
}

// checkPublications applies the rules on the lab's publications and people
// that need the whole site: data/publications.json out of date with its
// .bib or with the people's pages (publications-stale), entries of the
// .bib that repeat another's DOI or title (publication-duplicate), authors
// that match two people or look like one without matching
// (author-match), and two people with the same name (same-name).
func checkPublications(dir string, lp *labPublications) []Diagnostic {
	people, _ := authors.ReadPeople(dir)
	out := samePeopleNames(dir, people)
	if lp == nil {
		return out
	}
	d := lp.data
	stale := func(msg string) {
		out = append(out, Diagnostic{Path: importer.PublicationsFile, Line: lineOf(lp.src, `"sha256"`), Col: 3, Severity: Error,
			Rule: RulePublicationsStale, Message: msg,
			Hint: fmt.Sprintf("run %s to write it again (the theme makes the publication pages from it)", d.Command)})
	}
	bibPath := d.Source
	if !filepath.IsAbs(bibPath) {
		bibPath = filepath.Join(dir, filepath.FromSlash(bibPath))
	}
	src, err := os.ReadFile(bibPath)
	if err != nil {
		stale(fmt.Sprintf("its source %s cannot be read: %v", d.Source, err))
		return out
	}
	if importer.HashBytes(src) != d.SHA256 {
		stale(fmt.Sprintf("%s has changed since %s was written from it", d.Source, importer.PublicationsFile))
	} else if importer.HashPeople(people) != d.PeopleSHA256 {
		stale(fmt.Sprintf("the people's names or ORCID iDs have changed since %s was written, so its authors may be matched to the wrong members", importer.PublicationsFile))
	}
	file, _ := bibtex.Parse(d.Source, src)
	if strings.Contains(d.Source, "/") {
		// A .bib outside the site's root folder is not among the files
		// checkBibFiles reads: its repeated keys are reported here.
		for _, dup := range file.Duplicates {
			out = append(out, Diagnostic{Path: d.Source, Line: dup.Later.KeyPos.Line, Col: dup.Later.KeyPos.Col, Severity: Error,
				Rule:    RuleBibtexDuplicate,
				Message: fmt.Sprintf("duplicate BibTeX key %q (first defined on line %d)", dup.Later.Key, dup.First.KeyPos.Line),
				Hint:    fmt.Sprintf("each entry needs its own key: rename or remove one of the two, then run %s", d.Command),
				source:  lineText(src, dup.Later.KeyPos.Line)})
		}
	}
	out = append(out, duplicateEntries(d.Source, src, file, d.Members, lp.keys)...)
	m := authors.New(people)
	for _, e := range file.Entries {
		if d.Members && !lp.keys[e.Key] {
			continue // left out by --members: not the lab's
		}
		_, problems := importer.NewPublication(e, m)
		for _, mp := range problems {
			msg, hint := mp.Message()
			out = append(out, Diagnostic{Path: d.Source, Line: e.Pos.Line, Col: e.Pos.Col, Severity: Warning,
				Rule: RuleAuthorMatch, Message: msg, Hint: hint, source: lineText(src, e.Pos.Line)})
		}
	}
	return out
}

func lineText(src []byte, line int) string {
	s, _ := frontmatter.LineText(src, line)
	return strings.ToValidUTF8(s, "\uFFFD")
}

// duplicateEntries reports entries of the lab's .bib whose DOI or title
// (compared without case, accents or punctuation) is another entry's, and
// keys that give the same page slug.
func duplicateEntries(rel string, src []byte, file *bibtex.File, members bool, keys map[string]bool) []Diagnostic {
	var out []Diagnostic
	type first struct {
		key  string
		line int
	}
	dois, titles, slugs := map[string]first{}, map[string]first{}, map[string]first{}
	for _, e := range file.Entries {
		if members && !keys[e.Key] {
			continue
		}
		report := func(what string, f first, hint string) {
			out = append(out, Diagnostic{Path: rel, Line: e.KeyPos.Line, Col: e.KeyPos.Col, Severity: Warning,
				Rule:    RulePublicationDuplicate,
				Message: fmt.Sprintf("entry %q has the same %s as %q (line %d)", e.Key, what, f.key, f.line),
				Hint:    hint, source: lineText(src, e.KeyPos.Line)})
		}
		if doi := strings.ToLower(bibtex.ToCSL([]*bibtex.Entry{e})[0].DOI); doi != "" {
			if f, ok := dois[doi]; ok {
				report("DOI", f, "the site would list the work twice: remove one entry, or merge them, then run labtool import bibtex again")
			} else {
				dois[doi] = first{e.Key, e.KeyPos.Line}
			}
		}
		if t := strings.Join(authors.Words(e.Get("title")), " "); t != "" {
			if f, ok := titles[t]; ok {
				report("title", f, "if it is the same work, remove one entry; a preprint and its published version may keep both")
			} else {
				titles[t] = first{e.Key, e.KeyPos.Line}
			}
		}
		slug := model.Slugify(e.Key)
		if f, ok := slugs[slug]; ok {
			report(fmt.Sprintf("page address /publications/%s/", slug), f, "rename one of the keys: the two would share one page")
		} else {
			slugs[slug] = first{e.Key, e.KeyPos.Line}
		}
	}
	return out
}

// samePeopleNames warns about two people whose names are the same words.
func samePeopleNames(dir string, people []authors.Person) []Diagnostic {
	var out []Diagnostic
	seen := map[string]authors.Person{}
	for _, p := range people {
		k := strings.Join(authors.Words(p.Name), " ")
		if f, ok := seen[k]; ok {
			src, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
			out = append(out, Diagnostic{Path: p.Path, Line: max(p.Line, 1), Col: 1, Severity: Warning, Rule: RuleSameName,
				Message: fmt.Sprintf("%q is also the name of %s", p.Name, f.Path),
				Hint:    "publications cannot tell the two apart: give each an orcid, and the publications' entries author+an:orcid, or make the titles differ (a middle initial)",
				source:  lineText(src, max(p.Line, 1))})
			continue
		}
		seen[k] = p
	}
	return out
}

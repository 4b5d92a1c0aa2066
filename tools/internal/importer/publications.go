package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/authors"
	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// PublicationsFile is where BibTeX writes the lab's publications, relative
// to the site. The theme's content adapter makes one page of each.
const PublicationsFile = "data/publications.json"

// PublicationsVersion is the version of the data/publications.json format.
const PublicationsVersion = 1

// Options tune BibTeX.
type Options struct {
	// Members keeps only the entries with at least one author who is a
	// member of the lab (a person under content/people/), for a .bib that
	// also holds works the lab only cites.
	Members bool
	// Command is the command that writes the file, recorded in it so that
	// labtool validate can say how to bring it up to date. Empty: a labtool
	// command is made up from bibPath and Members.
	Command string
}

// Publications is data/publications.json.
type Publications struct {
	Version int `json:"version"`
	// Source is the .bib file, relative to the site when it is inside it
	// (slash-separated), else as given.
	Source string `json:"source"`
	// SHA256 is the hash of the .bib file's bytes when it was imported.
	SHA256 string `json:"sha256"`
	// PeopleSHA256 is the hash of what the author matching read from the
	// people's pages (slugs, names, ORCID iDs).
	PeopleSHA256 string `json:"people_sha256"`
	Members      bool   `json:"members,omitempty"`
	// Command writes the file again.
	Command      string        `json:"command"`
	Publications []Publication `json:"publications"`
}

// Publication is one entry of the lab's bibliography, as the theme shows it.
// Text is plain Unicode (LaTeX converted); JSON keys are lower case, as
// Hugo's templates read them.
type Publication struct {
	Key string `json:"key"`
	// Slug is the last part of the page's URL, the key as a slug:
	// content/publications/<slug>.md is the entry's hand-written page.
	Slug string `json:"slug"`
	// Line is the line of the entry in the .bib file.
	Line      int      `json:"line"`
	Title     string   `json:"title"`
	Authors   []Author `json:"authors"`
	AndOthers bool     `json:"and_others,omitempty"`
	// Date is YYYY-MM-DD, with missing parts as 01; Precision says which
	// parts are known: "year", "month" or "day" ("" for an undated entry).
	Date      string `json:"date,omitempty"`
	Precision string `json:"precision,omitempty"`
	Year      int    `json:"year,omitempty"`
	// Pubtype is one of the content model's publication types.
	Pubtype string `json:"pubtype"`
	// BibTeXType is the entry type as written, in lower case.
	BibTeXType string `json:"bibtex_type"`
	Venue      string `json:"venue,omitempty"`
	Publisher  string `json:"publisher,omitempty"`
	Volume     string `json:"volume,omitempty"`
	Issue      string `json:"issue,omitempty"`
	Pages      string `json:"pages,omitempty"`
	FirstPage  string `json:"first_page,omitempty"`
	LastPage   string `json:"last_page,omitempty"`
	DOI        string `json:"doi,omitempty"`
	URL        string `json:"url,omitempty"`
	ISSN       string `json:"issn,omitempty"`
	ISBN       string `json:"isbn,omitempty"`
	Abstract   string `json:"abstract,omitempty"`
	// al-folio's fields.
	Abbr     string `json:"abbr,omitempty"`
	Award    string `json:"award,omitempty"`
	Selected bool   `json:"selected,omitempty"`
	Preview  string `json:"preview,omitempty"`
	// PDF is a URL or a file of the site (assets/ or static/).
	PDF   string `json:"pdf,omitempty"`
	Links []Link `json:"links,omitempty"`
	// People are the slugs of the lab members among the authors, in author
	// order.
	People []string `json:"people,omitempty"`
	// BibTeX is the entry as a reader would cite it: without al-folio's
	// display fields and the abstract.
	BibTeX string `json:"bibtex"`
}

// Author is one author of a publication.
type Author struct {
	// Name is the name as a page shows it: "Ada Lovelace".
	Name string `json:"name"`
	// Inverted is "Lovelace, Ada", as Google Scholar's meta tags want it.
	Inverted string `json:"inverted"`
	// Person is the slug of the lab member the author is, or "".
	Person string `json:"person,omitempty"`
}

// Link is one link of a publication: code, slides, a video…
type Link struct {
	// Kind is the al-folio field it came from: code, slides, poster,
	// video, website, html, supp, arxiv.
	Kind string `json:"kind"`
	URL  string `json:"url"`
}

// linkFields are al-folio's link fields, in the order pages show them.
var linkFields = []string{"arxiv", "html", "code", "slides", "poster", "video", "supp", "website"}

// Result reports what BibTeX did.
type Result struct {
	// Path is the file written, or "" when nothing was written.
	Path string
	// Entries is the number of publications written; Skipped the entries
	// left out by Options.Members.
	Entries, Skipped int
	// Diagnostics are the problems in the .bib file, sorted by position.
	Diagnostics []*bibtex.Error
	// Warnings are what is read but probably not as meant (bibtex.Warnings):
	// entries without author or year, @set entries left out.
	Warnings []*bibtex.Error
	// Matches are the author-matching problems: ambiguous authors and
	// near misses, in entry order.
	Matches []MatchProblem
}

// MatchProblem is an author who could not be linked to a member.
type MatchProblem struct {
	Key    string
	Line   int
	Author string
	Result authors.Result
}

// BibTeX reads the lab's BibTeX file bibPath and writes the site's
// data/publications.json, from which the theme makes a page of each entry.
// The file is generated and replaced every time: importing twice writes the
// same bytes, and nothing the lab writes by hand lives in it (hand-written
// pages are content/publications/<key>.md). The file is replaced
// atomically, through site. Entries that parse are written
// even when others do not; when not one entry could be read, nothing is
// written.
func BibTeX(site *siteio.Site, bibPath string, opts Options) (Result, error) {
	var res Result
	siteDir := site.Root()
	src, err := os.ReadFile(bibPath)
	if err != nil {
		return res, err
	}
	file, diags := bibtex.Parse(bibPath, src)
	res.Diagnostics = diags
	res.Warnings = bibtex.Warnings(file)
	if len(file.Entries) == 0 && len(diags) > 0 {
		return res, nil
	}
	people, err := authors.ReadPeople(siteDir)
	if err != nil {
		return res, err
	}
	pubs := Publications{
		Version:      PublicationsVersion,
		Source:       SourcePath(siteDir, bibPath),
		SHA256:       HashBytes(src),
		PeopleSHA256: HashPeople(people),
		Members:      opts.Members,
		Command:      opts.Command,
		Publications: []Publication{},
	}
	if pubs.Command == "" {
		pubs.Command = "labtool import bibtex " + pubs.Source
		if opts.Members {
			pubs.Command += " --members"
		}
	}
	m := authors.New(people)
	for _, e := range file.Entries {
		p, problems := NewPublication(e, m)
		res.Matches = append(res.Matches, problems...)
		if opts.Members && len(p.People) == 0 {
			res.Skipped++
			continue
		}
		pubs.Publications = append(pubs.Publications, p)
	}
	err = site.Replace(PublicationsFile, func(w io.Writer) error { return WritePublications(w, &pubs) })
	if err != nil {
		return res, err
	}
	res.Path = site.Path(PublicationsFile)
	res.Entries = len(pubs.Publications)
	return res, nil
}

// WritePublications writes p as JSON, indented, with a final newline.
func WritePublications(w io.Writer, p *Publications) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// ReadPublications reads data/publications.json of the site in siteDir; it
// returns nil and no error when the site has none.
func ReadPublications(siteDir string) (*Publications, error) {
	src, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(PublicationsFile)))
	if os.IsNotExist(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var p Publications
	if err := json.Unmarshal(src, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", PublicationsFile, err)
	}
	return &p, nil
}

// SourcePath is how data/publications.json names the .bib file: relative to
// the site, with slashes, when it is inside the site; else as given.
func SourcePath(siteDir, bibPath string) string {
	absSite, err1 := filepath.Abs(siteDir)
	absBib, err2 := filepath.Abs(bibPath)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absSite, absBib); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(bibPath)
}

// HashBytes is the hex SHA-256 of b.
func HashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// HashPeople hashes what author matching reads from the people's pages, so
// that a change to a person's names or ORCID iD shows the data is stale.
func HashPeople(people []authors.Person) string {
	h := sha256.New()
	for _, p := range people {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", p.Slug, p.Name, strings.Join(p.Names, "\x01"), p.ORCID)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewPublication maps one entry, matching its authors against m.
func NewPublication(e *bibtex.Entry, m *authors.Matcher) (Publication, []MatchProblem) {
	p := Publication{
		Key:        e.Key,
		Slug:       model.Slugify(e.Key),
		Line:       e.Pos.Line,
		Title:      e.Text("title"),
		BibTeXType: e.Type,
		Volume:     e.Text("volume"),
		Pages:      strings.ReplaceAll(e.Text("pages"), "-", "–"),
		ISSN:       e.Text("issn"),
		ISBN:       e.Text("isbn"),
		Abstract:   e.Text("abstract"),
		Abbr:       e.Text("abbr"),
		Award:      e.Text("award"),
		Selected:   isTrue(e.Text("selected")),
		Preview:    verbatimField(e, "preview"),
		PDF:        verbatimField(e, "pdf"),
	}
	if sub := e.Text("subtitle"); sub != "" {
		p.Title = strings.TrimSuffix(p.Title, ":") + ": " + sub
	}
	p.Pages = strings.ReplaceAll(p.Pages, "––", "–")
	if first, last, ok := strings.Cut(p.Pages, "–"); ok {
		p.FirstPage, p.LastPage = strings.TrimSpace(first), strings.TrimSpace(last)
	} else {
		p.FirstPage = strings.TrimSpace(p.Pages)
	}
	csl := bibtex.ToCSL([]*bibtex.Entry{e})[0]
	p.Pubtype = pubtype(csl.Type)
	p.Venue = csl.ContainerTitle
	p.Publisher = csl.Publisher
	p.Issue = csl.Issue
	p.DOI = csl.DOI
	p.URL = csl.URL
	if strings.HasPrefix(p.URL, "https://arxiv.org/abs/") && e.Get("arxiv") == "" {
		// An arXiv eprint: linked as arXiv, not as the work's website.
		p.Links = append(p.Links, Link{Kind: "arxiv", URL: p.URL})
		p.URL = ""
	}
	if p.Venue == "" {
		switch p.Pubtype {
		case "thesis", "book":
			p.Venue = csl.Publisher
		case "preprint":
			if strings.EqualFold(bibtex.LaTeXToUnicode(e.Get("archiveprefix")+e.Get("eprinttype")), "arxiv") {
				p.Venue = "arXiv"
			}
		}
	}
	d := e.Date()
	if d.Year > 0 {
		p.Year = d.Year
		month, day := max(d.Month, 1), max(d.Day, 1)
		p.Date = fmt.Sprintf("%04d-%02d-%02d", d.Year, month, day)
		switch {
		case d.Day > 0:
			p.Precision = "day"
		case d.Month > 0:
			p.Precision = "month"
		default:
			p.Precision = "year"
		}
	}
	for _, kind := range linkFields {
		v := verbatimField(e, kind)
		if v == "" {
			continue
		}
		if kind == "arxiv" && !strings.HasPrefix(v, "http") {
			v = "https://arxiv.org/abs/" + strings.TrimPrefix(strings.TrimPrefix(v, "arXiv:"), "arxiv:")
		}
		p.Links = append(p.Links, Link{Kind: kind, URL: v})
	}

	names, others := e.Names("author")
	p.AndOthers = others
	orcids := authorORCIDs(e.Get("author+an:orcid"))
	var problems []MatchProblem
	for i, n := range names {
		a := Author{Name: authors.Display(n), Inverted: authors.Inverted(n)}
		r := m.Match(authors.Author{Name: n, ORCID: orcids[i+1]})
		switch r.Kind {
		case authors.Matched:
			a.Person = r.Person.Slug
			if !slices.Contains(p.People, a.Person) {
				p.People = append(p.People, a.Person)
			}
		case authors.Ambiguous, authors.NearMiss:
			problems = append(problems, MatchProblem{Key: e.Key, Line: e.Pos.Line, Author: a.Inverted, Result: r})
		}
		p.Authors = append(p.Authors, a)
	}
	p.BibTeX = bibtex.Format(e, func(name string) bool {
		return bibtex.IsAlFolioField(name) || name == "abstract" || strings.Contains(name, "+an")
	})
	return p, problems
}

// pubtype maps an entry's CSL type (see bibtex.ToCSL, which tells
// preprints apart) to the content model's publication types.
func pubtype(cslType string) string {
	switch cslType {
	case "article":
		return "preprint"
	case "article-journal", "periodical":
		return "article"
	case "paper-conference":
		return "conference"
	case "chapter":
		return "chapter"
	case "book", "pamphlet":
		return "book"
	case "thesis":
		return "thesis"
	case "software":
		return "software"
	case "dataset":
		return "dataset"
	}
	return "other"
}

// isTrue reads al-folio's boolean fields: selected = {true}.
func isTrue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1":
		return true
	}
	return false
}

// verbatimField is a URL-like field as written, without braces or white
// space.
func verbatimField(e *bibtex.Entry, name string) string {
	v := e.Get(name)
	v = strings.NewReplacer("{", "", "}", "", `\_`, "_", `\%`, "%", `\&`, "&", `\#`, "#", `\~`, "~").Replace(v)
	return strings.TrimSpace(v)
}

var orcidAnnotation = regexp.MustCompile(`(\d+)\s*=\s*"?\s*((?:https?://orcid\.org/)?\d{4}-\d{4}-\d{4}-\d{3}[\dXx])`)

// authorORCIDs reads biblatex's named annotation of the author list,
// author+an:orcid = {1="0000-0002-1825-0097"; 3="…"}: ORCID iDs by the
// author's position, from 1.
func authorORCIDs(s string) map[int]string {
	out := map[int]string{}
	for _, m := range orcidAnnotation.FindAllStringSubmatch(s, -1) {
		if i, err := strconv.Atoi(m[1]); err == nil {
			out[i] = m[2]
		}
	}
	return out
}

// Message says what is wrong with the author and how to fix it.
func (mp MatchProblem) Message() (msg, hint string) {
	var names []string
	for _, p := range mp.Result.Candidates {
		names = append(names, fmt.Sprintf("%s (%s)", p.Name, p.Path))
	}
	if mp.Result.Kind == authors.Ambiguous {
		msg = fmt.Sprintf("author %q of %q could be %s; it is linked to no one", mp.Author, mp.Key, strings.Join(names, " or "))
		hint = "two people must not share every spelling: give each an orcid (and the entry author+an:orcid), or make their titles differ"
		return msg, hint
	}
	msg = fmt.Sprintf("author %q of %q looks like %s but is not linked", mp.Author, mp.Key, strings.Join(names, " or "))
	if len(mp.Result.Candidates) == 1 {
		p := mp.Result.Candidates[0]
		hint = fmt.Sprintf("if it is them, add names: [%q] to %s and import again", mp.Author, p.Path)
	} else {
		hint = fmt.Sprintf("add names: [%q] to the page of the person it is, and import again", mp.Author)
	}
	return msg, hint
}

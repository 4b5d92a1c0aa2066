package bibtex

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/neuralml/labsite/tools/internal/model"
)

// CSLItem is one bibliography item in CSL-JSON
// (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), with
// the label and sort key the theme uses. Empty fields are omitted from the
// JSON; the fields appear in the order below.
type CSLItem struct {
	ID              string    `json:"id"`   // the BibTeX key, as written
	Type            string    `json:"type"` // a CSL type, see ToCSL
	Genre           string    `json:"genre,omitempty"`
	Title           string    `json:"title,omitempty"`
	Author          []CSLName `json:"author,omitempty"`
	Editor          []CSLName `json:"editor,omitempty"`
	Issued          *CSLDate  `json:"issued,omitempty"`
	ContainerTitle  string    `json:"container-title,omitempty"`
	CollectionTitle string    `json:"collection-title,omitempty"`
	Publisher       string    `json:"publisher,omitempty"`
	PublisherPlace  string    `json:"publisher-place,omitempty"`
	Edition         string    `json:"edition,omitempty"`
	Volume          string    `json:"volume,omitempty"`
	Issue           string    `json:"issue,omitempty"`
	Number          string    `json:"number,omitempty"`
	// CollectionNumber is the number in a series (the number field of a
	// book, chapter or paper).
	CollectionNumber string `json:"collection-number,omitempty"`
	Page             string `json:"page,omitempty"`
	DOI              string `json:"DOI,omitempty"`
	URL              string `json:"URL,omitempty"`
	ISBN             string `json:"ISBN,omitempty"`
	ISSN             string `json:"ISSN,omitempty"`
	Abstract         string `json:"abstract,omitempty"`
	Note             string `json:"note,omitempty"`
	// CitationLabel is the author–year label: "Lauer et al. 2021a".
	CitationLabel string    `json:"citation-label"`
	Custom        CSLCustom `json:"custom"`
}

// CSLName is a name in CSL-JSON: a person's parts, or a Literal.
type CSLName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
}

// CSLDate is a date in CSL-JSON: [[year, month, day]] with the known parts,
// or a Literal such as "in press".
type CSLDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

// CSLCustom holds what the theme needs beyond CSL-JSON.
type CSLCustom struct {
	// LabelAuthor is the author part of the label: "Landhuis",
	// "Lauer and Zhou", "Lauer et al.", an organisation's name; the
	// editors when there are no authors; else the first words of the title.
	LabelAuthor string `json:"label-author"`
	// LabelYear is the year part: "2021", "2021a", "n.d.", "in press",
	// "n.d.-a".
	LabelYear string `json:"label-year"`
	// SortKey orders the reference list by author, then year, then title;
	// compare it bytewise.
	SortKey string `json:"sort-key"`
	// AndOthers is set when the names the label comes from end with
	// "and others".
	AndOthers bool `json:"and-others,omitempty"`
	// BibTeXType is the entry type in the .bib file, in lower case.
	BibTeXType string `json:"bibtex-type"`
}

// cslTypes maps BibTeX and biblatex entry types to CSL types. Other types
// become "document".
var cslTypes = map[string]string{
	"article":       "article-journal",
	"inproceedings": "paper-conference", "conference": "paper-conference",
	"book": "book", "mvbook": "book", "proceedings": "book", "mvproceedings": "book",
	"collection": "book", "mvcollection": "book", "reference": "book", "manual": "book",
	"booklet":      "pamphlet",
	"incollection": "chapter", "inbook": "chapter", "bookinbook": "chapter",
	"suppbook": "chapter", "inreference": "chapter",
	"phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
	"techreport": "report", "report": "report",
	"online": "webpage", "electronic": "webpage", "www": "webpage",
	"unpublished": "manuscript",
	"software":    "software",
	"dataset":     "dataset",
	"patent":      "patent",
	"periodical":  "periodical",
}

// genres are the genres that entry types, or biblatex's type field, imply.
var genres = map[string]string{
	"phdthesis":     "PhD thesis",
	"mastersthesis": "Master's thesis",
	"mathesis":      "Master's thesis",
}

// preprintServers are the journal names that make an article a preprint.
var preprintServers = []string{"arxiv", "biorxiv", "medrxiv", "psyarxiv"}

// ToCSL maps entries to CSL-JSON items, sorted by Custom.SortKey and then by
// ID. Labels that would be the same get a, b, c… after the year, in that
// order, so entries should be a whole bibliography.
//
// Types: article → article-journal, except a preprint (a journal field that
// names arXiv, bioRxiv, medRxiv or PsyArXiv, or an eprint or archivePrefix
// field and no journal), which is an article; inproceedings and conference →
// paper-conference; book, proceedings, collection and manual → book;
// incollection and inbook → chapter; phdthesis and mastersthesis → thesis
// with genre "PhD thesis" or "Master's thesis" (a type field overrides the
// genre); techreport → report; misc → document, or article for a preprint;
// online, electronic and www → webpage; unpublished → manuscript; software,
// dataset and patent keep their names.
//
// Fields: title (with subtitle), author, editor, issued (see Entry.Date),
// container-title (journal, journaltitle or booktitle), collection-title
// (series), publisher (publisher, else the school, institution or
// organization, else a howpublished that is not a URL), publisher-place
// (address or location), edition, volume, issue (number or issue of an
// article), number (of a report or other entry), collection-number (number
// of a book, chapter or paper), page (pages), DOI (without a https://doi.org/
// or doi: prefix), URL (url, a \url in howpublished, or the arXiv page of an
// arXiv eprint), ISBN, ISSN, abstract and note. Text is converted with
// LaTeXToUnicode; url, doi and eprint are taken verbatim.
//
// The sort key is the family names of the authors (else the editors, else
// the title), lower-cased, with accents and punctuation removed and
// particles ignored ("van der Berg" sorts as "berg"), then the year ("0000"
// when there is none, so undated works come first, and "9999" for "in
// press"), then the title.
func ToCSL(entries []*Entry) []CSLItem {
	unsorted := make([]CSLItem, len(entries))
	order := make([]int, len(entries))
	for i, e := range entries {
		unsorted[i] = item(e)
		order[i] = i
	}
	// Sort indices rather than the large items themselves.
	slices.SortFunc(order, func(i, j int) int {
		a, b := &unsorted[i], &unsorted[j]
		if c := strings.Compare(a.Custom.SortKey, b.Custom.SortKey); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	items := make([]CSLItem, len(entries))
	for i, j := range order {
		items[i] = unsorted[j]
	}
	// Disambiguate equal labels with a, b, c… in sort order.
	count := make(map[string]int, len(items))
	for _, it := range items {
		count[it.CitationLabel]++
	}
	seen := make(map[string]int)
	for i := range items {
		it := &items[i]
		base := it.CitationLabel
		if count[base] < 2 {
			continue
		}
		suffix := letters(seen[base])
		seen[base]++
		if it.Issued != nil && len(it.Issued.DateParts) > 0 {
			it.Custom.LabelYear += suffix
		} else {
			it.Custom.LabelYear += "-" + suffix
		}
		it.CitationLabel = it.Custom.LabelAuthor + " " + it.Custom.LabelYear
	}
	return items
}

// letters returns the disambiguation suffix for index n (from 0): a…z,
// aa, ab…
func letters(n int) string {
	var b []byte
	for n++; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('a' + (n-1)%26)}, b...)
	}
	return string(b)
}

// WriteCSL writes items to w as the theme's data/bibliography.json holds
// them: a JSON array indented with two spaces, characters such as & < >
// unescaped, and a final newline. It encodes one item at a time, so memory
// does not grow with the bibliography; give it a buffered writer.
func WriteCSL(w io.Writer, items []CSLItem) error {
	if len(items) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	out := []byte{'['}
	for i := range items {
		compact.Reset()
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, "\n  "...)
		out = indent(out, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), 1)
		if _, err := w.Write(out); err != nil {
			return err
		}
		out = out[:0]
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}

// indent appends to dst the compact JSON src indented with two spaces per
// level, starting at level depth, as json.Indent would, but about three
// times as fast: src, made by encoding/json, has no white space outside
// strings, so only strings need care.
func indent(dst, src []byte, depth int) []byte {
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// item maps one entry; its label is not yet disambiguated.
func item(e *Entry) CSLItem {
	it := CSLItem{ID: e.Key, Type: cslTypes[e.Type], Custom: CSLCustom{BibTeXType: e.Type}}
	if it.Type == "" {
		it.Type = "document"
	}
	switch e.Type {
	case "article", "misc", "unpublished":
		if isPreprint(e) {
			it.Type = "article"
		}
	}
	it.Genre = genres[e.Type]
	if g := e.Text("type"); g != "" {
		if known, ok := genres[strings.ToLower(g)]; ok {
			g = known
		}
		it.Genre = g
	}

	it.Title = e.Text("title")
	if sub := e.Text("subtitle"); sub != "" {
		it.Title = strings.TrimSuffix(it.Title, ":") + ": " + sub
	}
	authors, authorsOthers := e.Names("author")
	editors, editorsOthers := e.Names("editor")
	it.Author = cslNames(authors)
	it.Editor = cslNames(editors)
	date := e.Date()
	switch {
	case date.Year > 0 && date.Month > 0 && date.Day > 0:
		it.Issued = &CSLDate{DateParts: [][]int{{date.Year, date.Month, date.Day}}}
	case date.Year > 0 && date.Month > 0:
		it.Issued = &CSLDate{DateParts: [][]int{{date.Year, date.Month}}}
	case date.Year > 0:
		it.Issued = &CSLDate{DateParts: [][]int{{date.Year}}}
	case date.Literal != "":
		it.Issued = &CSLDate{Literal: date.Literal}
	}

	it.ContainerTitle = firstText(e, "journal", "journaltitle", "booktitle")
	it.CollectionTitle = e.Text("series")
	it.Publisher = firstText(e, "publisher", "school", "institution", "organization")
	howpublished := e.Get("howpublished")
	if it.Publisher == "" && !strings.Contains(howpublished, `\url`) {
		it.Publisher = LaTeXToUnicode(howpublished)
	}
	it.PublisherPlace = firstText(e, "address", "location")
	it.Edition = e.Text("edition")
	it.Volume = e.Text("volume")
	number := e.Text("number")
	switch it.Type {
	case "article-journal", "article", "periodical":
		it.Issue = firstText(e, "issue", "number")
	case "book", "chapter", "paper-conference":
		it.CollectionNumber = number
	default:
		it.Number = number
	}
	it.Page = e.Text("pages")
	it.DOI = trimDOI(verbatim(e.Get("doi")))
	it.URL = verbatim(e.Get("url"))
	if it.URL == "" && strings.Contains(howpublished, `\url`) {
		it.URL = verbatim(howpublished)
	}
	// A javascript:, data: … address is never linked: it is left out
	// (Warnings reports it).
	if model.UnsafeScheme(it.DOI) != "" {
		it.DOI = ""
	}
	if model.UnsafeScheme(it.URL) != "" {
		it.URL = ""
	}
	if it.URL == "" && isArXiv(e) {
		if id := verbatim(e.Get("eprint")); id != "" {
			it.URL = "https://arxiv.org/abs/" + id
		}
	}
	it.ISBN = e.Text("isbn")
	it.ISSN = e.Text("issn")
	it.Abstract = e.Text("abstract")
	it.Note = e.Text("note")

	// The label and the sort key come from the authors, else the editors.
	names, others := authors, authorsOthers
	if len(names) == 0 {
		names, others = editors, editorsOthers
	}
	it.Custom.AndOthers = others && len(names) > 0
	it.Custom.LabelAuthor = labelAuthor(names, others)
	if it.Custom.LabelAuthor == "" {
		it.Custom.LabelAuthor = titleWords(e, it.Title)
	}
	switch {
	case date.Year > 0:
		it.Custom.LabelYear = strconv.Itoa(date.Year)
	case date.Literal != "":
		it.Custom.LabelYear = date.Literal
	default:
		it.Custom.LabelYear = "n.d."
	}
	it.CitationLabel = it.Custom.LabelAuthor + " " + it.Custom.LabelYear
	it.Custom.SortKey = sortKey(names, date, it.Title)
	return it
}

// firstText returns the text of the first of the fields that is not empty.
func firstText(e *Entry, fields ...string) string {
	for _, name := range fields {
		if t := e.Text(name); t != "" {
			return t
		}
	}
	return ""
}

// isPreprint reports whether an entry is a preprint: its journal names a
// preprint server, or it has an eprint or archivePrefix field and no journal.
func isPreprint(e *Entry) bool {
	journal := firstText(e, "journal", "journaltitle")
	if journal == "" {
		return e.hasField("eprint") || e.hasField("archiveprefix")
	}
	for _, server := range preprintServers {
		if len(journal) >= len(server) && strings.EqualFold(journal[:len(server)], server) {
			if rest := journal[len(server):]; rest == "" || !isLetter(rest[0]) {
				return true
			}
		}
	}
	return false
}

// isArXiv reports whether an entry's eprint is an arXiv identifier.
func isArXiv(e *Entry) bool {
	return strings.EqualFold(LaTeXToUnicode(e.Get("archiveprefix")+e.Get("eprinttype")), "arxiv")
}

// verbatim returns a URL-like value as is: the argument of a \url{…} in it,
// if any, without braces, white space, or the backslashes of \_ \% \& \#
// \$ \~.
func verbatim(s string) string {
	if i := strings.Index(s, `\url`); i >= 0 {
		s = strings.TrimLeft(s[i+len(`\url`):], " \t\r\n")
		if end := closingBrace(s, 0); strings.HasPrefix(s, "{") && end > 0 {
			s = s[1:end]
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{' || c == '}' || isSpace(c):
		case c == '\\' && i+1 < len(s) && strings.IndexByte(`_%&#$~`, s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// trimDOI removes a resolver or "doi:" prefix from a DOI.
func trimDOI(doi string) string {
	lower := strings.ToLower(doi)
	for _, prefix := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		if strings.HasPrefix(lower, prefix) {
			return doi[len(prefix):]
		}
	}
	return doi
}

func cslNames(names []Name) []CSLName {
	if len(names) == 0 {
		return nil
	}
	out := make([]CSLName, len(names))
	for i, n := range names {
		out[i] = CSLName{Family: n.Family, Given: n.Given, NonDroppingParticle: n.Particle, Suffix: n.Suffix, Literal: n.Literal}
	}
	return out
}

// displayName is how a label shows a name: "van der Berg", an organisation.
func displayName(n Name) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.Particle != "":
		return n.Particle + " " + n.Family
	}
	return n.Family
}

// labelAuthor returns the author part of a label, or "" without names.
func labelAuthor(names []Name, others bool) string {
	switch {
	case len(names) == 0:
		return ""
	case len(names) >= 3 || others:
		return displayName(names[0]) + " et al."
	case len(names) == 2:
		return displayName(names[0]) + " and " + displayName(names[1])
	}
	return displayName(names[0])
}

// titleWords stands in for the authors in a label: the entry's label
// field (biblatex's stand-in for a missing author), the short title, or
// the first three words of the title (not ending on "of", "the" …), or
// the key.
func titleWords(e *Entry, title string) string {
	if label := e.Text("label"); label != "" {
		return label
	}
	if short := e.Text("shorttitle"); short != "" {
		return short
	}
	if words := strings.Fields(title); len(words) > 0 {
		words = words[:min(3, len(words))]
		// "Annual report of" reads badly: end on a word that says something.
		for len(words) > 1 && labelStopWords[strings.ToLower(strings.Trim(words[len(words)-1], ",.:;"))] {
			words = words[:len(words)-1]
		}
		return strings.TrimRight(strings.Join(words, " "), ",.:;")
	}
	return e.Key
}

// labelStopWords are the words a label made of a title's first words does
// not end on.
var labelStopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "for": true, "to": true, "with": true, "at": true, "by": true, "from": true}

// sortKey returns the key the reference list is sorted by.
func sortKey(names []Name, date Date, title string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteByte(' ')
		}
		if n.Literal != "" {
			b.WriteString(fold(n.Literal, false))
		} else {
			b.WriteString(fold(n.Family, false))
		}
	}
	if len(names) == 0 {
		b.WriteString(fold(title, true))
	}
	switch {
	case date.Year > 0:
		year := strconv.Itoa(min(date.Year, 9999))
		b.WriteString(" 000"[:5-len(year)]) // " " and zeros to four digits
		b.WriteString(year)
		b.WriteByte(' ')
	case date.Literal != "":
		b.WriteString(" 9999 ")
	default:
		b.WriteString(" 0000 ")
	}
	b.WriteString(fold(title, true))
	return b.String()
}

// foldLetters spells letters that do not decompose into a base letter and
// accents.
var foldLetters = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'æ': "ae", 'œ': "oe", 'ı': "i", 'ŋ': "n", 'ȷ': "j",
}

// fold lower-cases s and removes accents and punctuation, for sorting. With
// keepSpaces, words stay apart: white space and punctuation other than
// apostrophes become one space ("plug-and-play" is "plug and play").
// Without, they are removed.
func fold(s string, keepSpaces bool) string {
	b := make([]byte, 0, len(s))
	space := false
	write := func(r rune) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			// A letter with accents counts as its base letter.
			p := norm.NFD.PropertiesString(s[i:])
			if d := p.Decomposition(); len(d) > 0 {
				r, _ = utf8.DecodeRune(d)
			} else {
				r, _ = utf8.DecodeRuneInString(s[i:])
			}
			size = max(p.Size(), 1)
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			write(r)
		case 'A' <= r && r <= 'Z':
			write(r + 'a' - 'A')
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf:
			space = keepSpaces
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if spelled, ok := foldLetters[r]; ok {
				for _, l := range spelled {
					write(l)
				}
			} else {
				write(r)
			}
		default:
			space = keepSpaces
		}
	}
	return string(b)
}

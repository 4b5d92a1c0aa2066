// Package authors matches the authors of publications to the lab's members.
//
// An author matches a person when one of these holds, in this order:
//
//   - ORCID: both have an ORCID iD and the two are the same. Two different
//     iDs mean two different people, whatever their names.
//   - Name: the author's name and one of the person's spellings (the title
//     of their page, or one of their names field) are the same words once
//     accents (LaTeX or Unicode), case, punctuation and order ("Last, First"
//     or "First Last") are set aside. "Lov{\'e}lace, Ada", "Ada Lovélace" and
//     "ada lovelace" are one name; so are "de Souza, Ana" and "Ana de Souza",
//     and "Costa, R. P." and "R.P. Costa".
//   - Initials: the family names are the same, the first given names are the
//     same word spelled out, and the other given names agree at least by
//     their initials, or one side leaves a middle name out ("Richards,
//     Blake A." and "Blake Aaron Richards").
//
// Matching never merges two people: an author who matches two people at the
// same level is Ambiguous, and linked to neither. An author whose family
// name is a person's and whose given names agree only by initials ("Costa,
// R. P." against "Rui Ponte Costa") is a NearMiss: not linked, and reported
// so that the person's page can list the spelling in its names field.
package authors

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/neuralml/labsite/tools/internal/bibtex"
)

// Person is a lab member, as the matcher knows them.
type Person struct {
	// Slug is the base name of the person's page under content/people/.
	Slug string
	// Name is the person's name as their page's title gives it.
	Name string
	// Names are other spellings authors use for the person (the names
	// field of their page): "Costa, R. P.", "R. Ponte Costa".
	Names []string
	// ORCID is the person's ORCID iD, or "".
	ORCID string
	// Path is the person's page, relative to the site (for messages), and
	// Line the line of its title; both may be empty.
	Path string
	Line int
}

// Author is one author of a publication.
type Author struct {
	Name bibtex.Name
	// ORCID is the author's ORCID iD when the entry gives it, or "".
	ORCID string
}

// Kind says how an author relates to the lab's members.
type Kind uint8

const (
	None      Kind = iota // no member comes close
	Matched               // exactly one member: Result.Person
	Ambiguous             // several members match equally: Result.Candidates
	NearMiss              // members share the family name and initials only: Result.Candidates
)

// By says what made a match.
type By uint8

const (
	ByNone By = iota
	ByORCID
	ByName
	ByInitials
)

var byNames = [...]string{"", "ORCID", "name", "initials"}

func (b By) String() string { return byNames[b] }

// Result is the outcome of matching one author.
type Result struct {
	Kind Kind
	By   By
	// Person is the matched member (Kind Matched).
	Person *Person
	// Candidates are the members an Ambiguous or NearMiss author could be,
	// in the order they were given to New.
	Candidates []*Person
}

// spelling is one way of writing a person's name, as words.
type spelling struct {
	person *Person
	given  []string // folded given-name words, in order
	family []string // folded particle and family words
	all    []string // given then family
}

// Matcher matches authors against a fixed set of people.
type Matcher struct {
	people []*Person
	// byFamily indexes spellings by their last folded word, so that one
	// author is compared with a handful of spellings, not all of them.
	byFamily map[string][]*spelling
	byORCID  map[string][]*Person
}

// New returns a Matcher for people.
func New(people []Person) *Matcher {
	m := &Matcher{byFamily: map[string][]*spelling{}, byORCID: map[string][]*Person{}}
	for i := range people {
		p := &people[i]
		m.people = append(m.people, p)
		if p.ORCID != "" {
			m.byORCID[normalORCID(p.ORCID)] = append(m.byORCID[normalORCID(p.ORCID)], p)
		}
		for _, text := range append([]string{p.Name}, p.Names...) {
			names, _ := bibtex.ParseNames(text)
			for _, n := range names {
				s := newSpelling(p, n)
				if len(s.all) == 0 {
					continue
				}
				last := s.all[len(s.all)-1]
				m.byFamily[last] = append(m.byFamily[last], s)
			}
		}
	}
	return m
}

func normalORCID(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://orcid.org/", "http://orcid.org/", "orcid.org/"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.ToUpper(s)
}

func newSpelling(p *Person, n bibtex.Name) *spelling {
	s := &spelling{person: p}
	if n.Literal != "" {
		s.family = Words(n.Literal)
	} else {
		s.given = Words(n.Given)
		s.family = Words(n.Particle + " " + n.Family)
	}
	s.all = append(slices.Clip(s.given), s.family...)
	return s
}

// Match matches one author.
func (m *Matcher) Match(a Author) Result {
	if a.ORCID != "" {
		if ps := m.byORCID[normalORCID(a.ORCID)]; len(ps) == 1 {
			return Result{Kind: Matched, By: ByORCID, Person: ps[0]}
		} else if len(ps) > 1 {
			return Result{Kind: Ambiguous, By: ByORCID, Candidates: ps}
		}
	}
	author := newSpelling(nil, a.Name)
	if len(author.all) == 0 {
		return Result{}
	}
	var exact, initials, near []*Person
	for _, s := range m.byFamily[author.all[len(author.all)-1]] {
		if a.ORCID != "" && s.person.ORCID != "" {
			// Both have an iD and they differ (equal ones matched above):
			// two people, however alike their names.
			continue
		}
		switch compare(author, s) {
		case ByName:
			exact = appendPerson(exact, s.person)
		case ByInitials:
			initials = appendPerson(initials, s.person)
		case byInitialsOnly:
			near = appendPerson(near, s.person)
		}
	}
	switch {
	case len(exact) == 1:
		return Result{Kind: Matched, By: ByName, Person: exact[0]}
	case len(exact) > 1:
		return Result{Kind: Ambiguous, By: ByName, Candidates: m.ordered(exact)}
	case len(initials) == 1:
		return Result{Kind: Matched, By: ByInitials, Person: initials[0]}
	case len(initials) > 1:
		return Result{Kind: Ambiguous, By: ByInitials, Candidates: m.ordered(initials)}
	case len(near) > 0:
		return Result{Kind: NearMiss, By: ByInitials, Candidates: m.ordered(near)}
	}
	return Result{}
}

// byInitialsOnly is compare's answer for names that agree only by initials.
const byInitialsOnly By = 255

func appendPerson(ps []*Person, p *Person) []*Person {
	if slices.Contains(ps, p) {
		return ps
	}
	return append(ps, p)
}

// ordered returns ps in the order the people were given to New.
func (m *Matcher) ordered(ps []*Person) []*Person {
	out := make([]*Person, 0, len(ps))
	for _, p := range m.people {
		if slices.Contains(ps, p) {
			out = append(out, p)
		}
	}
	return out
}

// compare compares an author's spelling with a person's.
func compare(a, p *spelling) By {
	if slices.Equal(a.all, p.all) {
		return ByName
	}
	// The family words are compared as a whole; the person's title may
	// split "Rui Ponte Costa" as given "Rui Ponte" and family "Costa" while
	// an author writes "Ponte Costa, Rui", so the family is taken as the
	// author's family words at the end of the person's words.
	if len(a.family) == 0 || len(a.family) >= len(p.all) || !slices.Equal(a.family, p.all[len(p.all)-len(a.family):]) {
		return ByNone
	}
	given := p.all[:len(p.all)-len(a.family)]
	if len(a.given) == 0 || len(given) == 0 {
		return ByNone
	}
	if !agree(a.given, given) {
		return ByNone
	}
	if isInitial(a.given[0]) || isInitial(given[0]) || a.given[0] != given[0] {
		return byInitialsOnly
	}
	return ByInitials
}

// agree reports whether two lists of given-name words can be one person's:
// word by word the same, or one an initial of the other; a list may have
// middle names the other leaves out, after the first.
func agree(a, b []string) bool {
	if !sameOrInitial(a[0], b[0]) {
		return false
	}
	i, j := 1, 1
	for i < len(a) && j < len(b) {
		switch {
		case sameOrInitial(a[i], b[j]):
			i++
			j++
		case len(a)-i > len(b)-j:
			i++ // a has a middle name b leaves out
		default:
			j++
		}
	}
	return true
}

func sameOrInitial(x, y string) bool {
	if x == y {
		return true
	}
	rx, _ := utf8.DecodeRuneInString(x)
	ry, _ := utf8.DecodeRuneInString(y)
	return (isInitial(x) || isInitial(y)) && rx == ry
}

func isInitial(w string) bool { return utf8.RuneCountInString(w) == 1 }

// Words splits a name into lower-case words without accents or
// punctuation: "Lov{\'e}lace-Byron, A.K." gives [lovelace byron a k].
// LaTeX is converted first.
func Words(s string) []string {
	s = bibtex.LaTeXToUnicode(s)
	var words []string
	var w []byte
	flush := func() {
		if len(w) > 0 {
			words = append(words, string(w))
			w = w[:0]
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf {
			p := norm.NFD.PropertiesString(s[i:])
			if d := p.Decomposition(); len(d) > 0 {
				r, _ = utf8.DecodeRune(d)
			}
			size = max(p.Size(), size)
		}
		i += size
		switch {
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if spelled, ok := foldLetters[r]; ok {
				w = append(w, spelled...)
			} else {
				w = utf8.AppendRune(w, r)
			}
		default:
			flush()
		}
	}
	flush()
	return words
}

// foldLetters spells letters that do not decompose into a base letter and
// accents.
var foldLetters = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'æ': "ae", 'œ': "oe", 'ı': "i",
}

// Display returns how a page shows an author: given names first, as people
// are introduced ("Ada Lovelace", "Ana de Souza", "Martin Luther King Jr."),
// or an organisation's name.
func Display(n bibtex.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	parts := make([]string, 0, 4)
	for _, p := range []string{n.Given, n.Particle, n.Family} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, " ")
	if n.Suffix != "" {
		s += " " + n.Suffix
	}
	return s
}

// Inverted returns the name as "Family, Given" (particle with the family
// name), the form Google Scholar's citation_author asks for.
func Inverted(n bibtex.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	family := strings.TrimSpace(n.Particle + " " + n.Family)
	if n.Suffix != "" {
		family += ", " + n.Suffix
	}
	if n.Given == "" {
		return family
	}
	return family + ", " + n.Given
}

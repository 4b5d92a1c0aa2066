package bibtex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is one person or organisation of a name list, as plain text.
type Name struct {
	Given    string // "Martin Luther"
	Particle string // "van der", "de la": BibTeX's "von" part
	Family   string // "King", "Vallée Poussin"
	Suffix   string // "Jr."
	// Literal is an organisation written as one brace group, such as
	// {World Health Organization}; the other parts are then empty.
	Literal string
}

// ParseNames splits a BibTeX name list (an author or editor field) into
// names, and reports whether it ends with "and others".
//
// Names are separated by the word "and" (in any case) outside braces. Each
// is read as BibTeX reads it: "First von Last", "von Last, First" or
// "von Last, Jr, First", where the von part is the run of words that start
// with a lower-case letter (a word in braces has no case). A name written as
// one brace group is a Literal. "others" (and "et al.") as the last name is
// reported as others, not returned as a name. One addition to BibTeX:
// "First Last, Jr." (a single comma followed by Jr., Sr., II, III or IV) is
// read as a suffix, not as the given name "Jr.".
func ParseNames(list string) (names []Name, others bool) {
	raws := splitNames(list)
	names = make([]Name, 0, len(raws))
	for _, raw := range raws {
		if strings.EqualFold(raw, "others") || strings.EqualFold(raw, "et al.") || strings.EqualFold(raw, "et al") {
			others = true
			continue
		}
		if n := parseName(raw); n != (Name{}) {
			names = append(names, n)
			others = false
		}
	}
	return names, others
}

// splitNames splits list at the word "and" outside braces and trims each
// name; empty names are dropped.
func splitNames(list string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	depth, start := 0, 0
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && isSpace(c) && i+4 < len(list) && isSpace(list[i+4]) &&
			strings.EqualFold(list[i+1:i+4], "and"):
			add(list[start:i])
			start = i + 4
			i += 3
		}
	}
	add(list[start:])
	return out
}

// isSuffix reports whether s, after a single comma, is a name suffix: Jr.,
// Sr., II, III or IV (with or without the period, in any case).
func isSuffix(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	for _, suffix := range [...]string{"jr", "sr", "ii", "iii", "iv"} {
		if strings.EqualFold(s, suffix) {
			return true
		}
	}
	return false
}

// span is the part s[start:end] of a name.
type span struct{ start, end int }

// parseName reads one name. It works on spans of raw, in buffers on the
// stack, as names are many.
func parseName(raw string) Name {
	if raw[0] == '{' && closingBrace(raw, 0) == len(raw)-1 {
		return Name{Literal: LaTeXToUnicode(raw)}
	}
	var partBuf [3]span
	var wordBuf [16]span
	parts := splitCommas(raw, partBuf[:0])
	w := words(raw, parts[0], wordBuf[:0])
	var first, von, last, jr []span
	switch {
	case len(parts) == 1:
		first, von, last = splitFirstVonLast(raw, w)
	case len(parts) == 2 && isSuffix(raw[parts[1].start:parts[1].end]):
		first, von, last = splitFirstVonLast(raw, w)
		jr = words(raw, parts[1], w[len(w):])
	case len(parts) == 2:
		von, last = splitVonLast(raw, w)
		first = words(raw, parts[1], w[len(w):])
	default: // von Last, Jr, First (with any further commas in First)
		von, last = splitVonLast(raw, w)
		jr = words(raw, parts[1], w[len(w):])
		first = words(raw, span{parts[2].start, parts[len(parts)-1].end}, jr[len(jr):])
	}
	n := Name{
		Given:    join(raw, first),
		Particle: join(raw, von),
		Family:   join(raw, last),
		Suffix:   join(raw, jr),
	}
	if n.Family == "" && n.Particle == "" { // ", John": keep what there is
		n.Family, n.Given = n.Given, ""
	}
	return n
}

// join converts the words w of s to text, separated by spaces.
func join(s string, w []span) string {
	if len(w) == 0 {
		return ""
	}
	// The text from the first word to the last converts to the words
	// separated by single spaces, unless a "~" separates words.
	text := s[w[0].start:w[len(w)-1].end]
	if strings.IndexByte(text, '~') >= 0 {
		parts := make([]string, len(w))
		for i, x := range w {
			parts[i] = s[x.start:x.end]
		}
		text = strings.Join(parts, " ")
	}
	return LaTeXToUnicode(text)
}

// closingBrace returns the index of the "}" closing the "{" at i, or -1.
func closingBrace(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitCommas appends to out the parts of s between commas outside braces.
func splitCommas(s string, out []span) []span {
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, span{start, i})
				start = i + 1
			}
		}
	}
	return append(out, span{start, len(s)})
}

// words appends to out the words of s[p.start:p.end], which are separated by
// white space and "~" outside braces.
func words(s string, p span, out []span) []span {
	depth, start := 0, -1
	for i := p.start; i < p.end; i++ {
		c := s[i]
		switch {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (isSpace(c) || c == '~'):
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, p.end})
	}
	return out
}

// splitFirstVonLast splits the words of a name without commas. The last word
// is always part of Last; von runs from the first to the last lower-case word
// before it.
func splitFirstVonLast(s string, w []span) (first, von, last []span) {
	if len(w) == 0 {
		return nil, nil, nil
	}
	start, end := -1, -1
	for i, x := range w[:len(w)-1] {
		if isLowerWord(s[x.start:x.end]) {
			if start < 0 {
				start = i
			}
			end = i
		}
	}
	if start < 0 {
		return w[:len(w)-1], nil, w[len(w)-1:]
	}
	return w[:start], w[start : end+1], w[end+1:]
}

// splitVonLast splits the words before the first comma: von runs up to the
// last lower-case word that is not the last word.
func splitVonLast(s string, w []span) (von, last []span) {
	end := -1
	for i := 0; i < len(w)-1; i++ {
		if isLowerWord(s[w[i].start:w[i].end]) {
			end = i
		}
	}
	return w[:end+1], w[end+1:]
}

// foreignLetters are the control words that are letters, for telling the
// case of a word that starts with one ({\o}rsted is lower case).
var foreignLetters = map[string]bool{
	"oe": true, "OE": true, "ae": true, "AE": true, "aa": true, "AA": true,
	"o": true, "O": true, "l": true, "L": true, "ss": true, "i": true, "j": true,
}

// isLowerWord reports whether a word of a name starts with a lower-case
// letter, by BibTeX's rules: a brace group is skipped as caseless, unless it
// is a special character ({\'e}…), whose case is that of its letter.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case c == '{' && i+1 < len(w) && w[i+1] == '\\':
			return specialIsLower(w[i+1:])
		case c == '{':
			end := closingBrace(w, i)
			if end < 0 {
				return false
			}
			i = end + 1
		case c == '\\':
			return specialIsLower(w[i:])
		case c < utf8.RuneSelf:
			if isLetter(c) {
				return 'a' <= c && c <= 'z'
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(w[i:])
			if unicode.IsLetter(r) {
				return unicode.IsLower(r)
			}
			i += size
		}
	}
	return false
}

// specialIsLower tells the case of a special character starting with its
// backslash: that of a letter command (\o), else that of the first letter
// after the command (\'e, \v{C}).
func specialIsLower(s string) bool {
	j := 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if name := s[1:j]; foreignLetters[name] {
		return 'a' <= name[0] && name[0] <= 'z'
	}
	if j == 1 && j < len(s) {
		j++ // a control symbol such as \'
	}
	for ; j < len(s); j++ {
		if c := s[j]; isLetter(c) {
			return 'a' <= c && c <= 'z'
		}
	}
	return false
}

package bibtex

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// monthMacros are the month macros BibTeX's standard styles predefine. A
// file's own @string definitions take precedence.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// Parse reads a .bib file. filename is used only in positions and messages.
//
// It returns every entry it could read and the diagnostics, sorted by
// position; the File is never nil. See the package documentation for how
// errors are recovered from.
func Parse(filename string, src []byte) (*File, []*Error) {
	p := &parser{
		name:   filename,
		src:    strings.TrimPrefix(string(src), "\uFEFF"),
		pcLine: 1,
		pcCol:  1,
		file:   &File{Name: filename},
		macros: make(map[string]string),
		keys:   make(map[string]*Entry),
	}
	p.checkUTF8()
	p.parse()
	p.resolveCrossrefs()
	sortErrors(p.errs)
	return p.file, p.errs
}

// sortErrors sorts diagnostics by position, keeping the order of those at
// the same place.
func sortErrors(errs []*Error) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}

// parser holds the state of one Parse. Offsets are byte offsets into src.
type parser struct {
	name string
	src  string
	off  int

	// The line and column of byte offset pcOff, so that pos, called with
	// increasing offsets, costs time linear in the file's size overall.
	pcOff, pcLine, pcCol int

	file     *File
	errs     []*Error
	macros   map[string]string // lower-cased name → value
	keys     map[string]*Entry // lower-cased key → first entry with it
	buf      []byte            // scratch space for # concatenation
	fieldBuf []*Field          // scratch space for the fields of an entry

	// Entries and fields are allocated many at a time.
	entrySlab slab[Entry]
	fieldSlab slab[Field]
}

// slab hands out pointers to values allocated many at a time, which spares
// the garbage collector.
type slab[T any] struct{ buf []T }

func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, 256)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// pos returns the position of byte offset off.
func (p *parser) pos(off int) Pos {
	if off < p.pcOff {
		p.pcOff, p.pcLine, p.pcCol = 0, 1, 1
	}
	seg := p.src[p.pcOff:off]
	if nl := strings.Count(seg, "\n"); nl > 0 {
		p.pcLine += nl
		p.pcCol = 1 + utf8.RuneCountInString(seg[strings.LastIndexByte(seg, '\n')+1:])
	} else {
		p.pcCol += utf8.RuneCountInString(seg)
	}
	p.pcOff = off
	return Pos{p.pcLine, p.pcCol}
}

func (p *parser) errorAt(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) errorf(off int, format string, args ...any) {
	p.errorAt(p.pos(off), format, args...)
}

// where formats pos with the file name, for messages that point elsewhere.
func (p *parser) where(pos Pos) string {
	return fmt.Sprintf("%s:%d:%d", p.name, pos.Line, pos.Col)
}

// checkUTF8 reports the first invalid UTF-8 byte, if any.
func (p *parser) checkUTF8() {
	if utf8.ValidString(p.src) {
		return
	}
	for i, r := range p.src {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(p.src[i:]); size == 1 {
				p.errorf(i, "invalid UTF-8 (is the file in Latin-1? save it as UTF-8)")
				return
			}
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isIdentByte reports whether c may appear in an entry type, field name or
// macro name: any printable character but " # % ' ( ) , = { } and @.
func isIdentByte(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	switch c {
	case '"', '#', '%', '\'', '(', ')', ',', '=', '{', '}', '@':
		return false
	}
	return true
}

// isKeyByte reports whether c may appear in a citation key.
func isKeyByte(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	switch c {
	case '"', '#', '%', '(', ')', ',', '=', '{', '}':
		return false
	}
	return true
}

func (p *parser) peek() byte {
	if p.off < len(p.src) {
		return p.src[p.off]
	}
	return 0
}

func (p *parser) skipSpace() {
	for p.off < len(p.src) && isSpace(p.src[p.off]) {
		p.off++
	}
}

// skipSpaceAndComments skips white space and "%" comments, which run to the
// end of the line.
func (p *parser) skipSpaceAndComments() {
	for p.off < len(p.src) {
		switch c := p.src[p.off]; {
		case isSpace(c):
			p.off++
		case c == '%':
			p.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (p *parser) skipLine() {
	if i := strings.IndexByte(p.src[p.off:], '\n'); i >= 0 {
		p.off += i + 1
	} else {
		p.off = len(p.src)
	}
}

func (p *parser) ident() string {
	start := p.off
	for p.off < len(p.src) && isIdentByte(p.src[p.off]) {
		p.off++
	}
	return p.src[start:p.off]
}

// atLineStart reports whether only blanks precede offset i on its line.
func (p *parser) atLineStart(i int) bool {
	for i--; i >= 0; i-- {
		switch p.src[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// entryAhead reports whether an entry starts at offset i: "@", a type and an
// opening "{" or "(", with optional white space between them.
func (p *parser) entryAhead(i int) bool {
	if i >= len(p.src) || p.src[i] != '@' {
		return false
	}
	i++
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	start := i
	for i < len(p.src) && isIdentByte(p.src[i]) {
		i++
	}
	if i == start {
		return false
	}
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	return i < len(p.src) && (p.src[i] == '{' || p.src[i] == '(')
}

// entryAfterNewline reports whether the line starting at offset i starts
// with an entry, and returns the offset of its "@".
func (p *parser) entryAfterNewline(i int) (int, bool) {
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\r') {
		i++
	}
	return i, p.entryAhead(i)
}

// resync moves to the first "@" at or after offset from that starts a line,
// where reading resumes after an error.
func (p *parser) resync(from int) {
	for i := from; i < len(p.src); {
		j := strings.IndexByte(p.src[i:], '@')
		if j < 0 {
			break
		}
		if p.atLineStart(i + j) {
			p.off = i + j
			return
		}
		i += j + 1
	}
	p.off = len(p.src)
}

// describe names the character at offset i for a message.
func (p *parser) describe(i int) string {
	if i >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRuneInString(p.src[i:])
	switch r {
	case '\n', '\r':
		return "end of line"
	case utf8.RuneError:
		return "an invalid byte"
	}
	return fmt.Sprintf("%q", string(r))
}

// parse reads the whole file: entries and the text between them.
func (p *parser) parse() {
	reported := false // whether stray text was reported since the last entry
	for p.off < len(p.src) {
		switch c := p.src[p.off]; {
		case isSpace(c):
			p.off++
		case c == '%':
			p.skipLine()
		case c == '@':
			p.entry()
			reported = false
		default:
			p.freeText(&reported)
		}
	}
}

// freeText skips text outside entries up to the end of the line, or up to
// an entry that starts within the line. Text that looks like a piece of an
// entry is reported once per stretch of text between entries.
func (p *parser) freeText(reported *bool) {
	start := p.off
	end := len(p.src)
	if i := strings.IndexByte(p.src[start:], '\n'); i >= 0 {
		end = start + i
	}
	line := p.src[start:end]
	if !*reported {
		if line[0] == '}' {
			p.errorf(start, `unexpected "}" outside an entry (too many closing braces?)`)
			*reported = true
		} else if name, ok := strayField(line); ok {
			p.errorf(start, "field %q is outside any entry (was the entry closed too early?)", name)
			*reported = true
		}
	}
	for i := 0; i < len(line); {
		j := strings.IndexByte(line[i:], '@')
		if j < 0 {
			break
		}
		if p.entryAhead(start + i + j) {
			p.off = start + i + j
			return
		}
		i += j + 1
	}
	p.off = end
}

// strayField reports whether line looks like "name = {…", "name = "…" or
// "name = 123", and returns the name.
func strayField(line string) (string, bool) {
	i := 0
	for i < len(line) && isIdentByte(line[i]) {
		i++
	}
	name := line[:i]
	for i < len(line) && isSpace(line[i]) {
		i++
	}
	if name == "" || i >= len(line) || line[i] != '=' {
		return "", false
	}
	for i++; i < len(line) && isSpace(line[i]); i++ {
	}
	return name, i < len(line) && (line[i] == '{' || line[i] == '"' || isDigit(line[i]))
}

// entry reads one "@…" construct; p.off is at the "@".
func (p *parser) entry() {
	at := p.off
	pos := p.pos(at)
	p.off++
	p.skipSpace()
	typ := p.ident()
	if typ == "" {
		p.errorAt(pos, `expected an entry type after "@", found %s`, p.describe(p.off))
		p.resync(at + 1)
		return
	}
	lower := strings.ToLower(typ)
	p.skipSpace()
	open := p.peek()
	if open != '{' && open != '(' {
		if lower == "comment" { // the line form: @comment text…
			p.skipLine()
			return
		}
		p.errorf(p.off, `expected "{" or "(" after "@%s", found %s`, typ, p.describe(p.off))
		p.resync(at + 1)
		return
	}
	closing := byte('}')
	if open == '(' {
		closing = ')'
	}
	p.off++
	switch lower {
	case "comment":
		p.comment(pos, open, closing)
	case "string":
		p.stringDef(at, closing)
	case "preamble":
		p.preamble(at, closing)
	default:
		p.regular(at, pos, lower, closing)
	}
}

// comment skips the body of @comment{…} or @comment(…).
func (p *parser) comment(pos Pos, open, closing byte) {
	depth := 1
	for i := p.off; i < len(p.src); i++ {
		switch p.src[i] {
		case open:
			depth++
		case closing:
			if depth--; depth == 0 {
				p.off = i + 1
				return
			}
		case '\n':
			if at, ok := p.entryAfterNewline(i + 1); ok {
				p.errorAt(pos, "@comment is not closed: missing %q", string(closing))
				p.off = at
				return
			}
		}
	}
	p.errorAt(pos, "@comment is not closed: missing %q", string(closing))
	p.off = len(p.src)
}

// stringDef reads the body of @string{name = value}.
func (p *parser) stringDef(at int, closing byte) {
	p.skipSpaceAndComments()
	nameOff := p.off
	name := p.ident()
	if name == "" {
		p.errorf(p.off, "expected a macro name in @string, found %s", p.describe(p.off))
		p.resync(at + 1)
		return
	}
	if isDigit(name[0]) {
		p.errorf(nameOff, "macro name %q starts with a digit", name)
		p.resync(at + 1)
		return
	}
	p.skipSpace()
	if p.peek() != '=' {
		p.errorf(p.off, `expected "=" after macro name %q, found %s`, name, p.describe(p.off))
		p.resync(at + 1)
		return
	}
	p.off++
	p.skipSpace()
	value, ok := p.value("@string " + name)
	if !ok {
		return
	}
	p.skipSpaceAndComments()
	if p.peek() == ',' { // tolerate a trailing comma
		p.off++
		p.skipSpaceAndComments()
	}
	if p.peek() != closing {
		p.errorf(p.off, "expected %q to close @string, found %s", string(closing), p.describe(p.off))
		p.resync(at + 1)
		return
	}
	p.off++
	p.macros[strings.ToLower(name)] = value
}

// preamble reads the body of @preamble{value}.
func (p *parser) preamble(at int, closing byte) {
	p.skipSpaceAndComments()
	value, ok := p.value("@preamble")
	if !ok {
		return
	}
	p.skipSpaceAndComments()
	if p.peek() != closing {
		p.errorf(p.off, "expected %q to close @preamble, found %s", string(closing), p.describe(p.off))
		p.resync(at + 1)
		return
	}
	p.off++
	p.file.Preambles = append(p.file.Preambles, value)
}

// regular reads the body of a bibliography entry, from its key on.
func (p *parser) regular(at int, pos Pos, typ string, closing byte) {
	p.skipSpace()
	keyOff := p.off
	keyPos := p.pos(keyOff)
	for p.off < len(p.src) && isKeyByte(p.src[p.off]) {
		p.off++
	}
	key := p.src[keyOff:p.off]
	p.skipSpace()
	switch {
	case key == "":
		p.errorAt(keyPos, "missing citation key in @%s entry", typ)
		p.resync(at + 1)
		return
	case p.peek() == '=':
		p.errorAt(keyPos, "missing citation key in @%s entry (%q is a field name)", typ, key)
		p.resync(at + 1)
		return
	}
	e := p.entrySlab.new()
	*e = Entry{Type: typ, Key: key, Pos: pos, KeyPos: keyPos}
	switch p.peek() {
	case ',':
		p.off++
	case closing:
		p.off++
		p.add(e)
		return
	default:
		p.errorf(p.off, "expected \",\" after citation key %q, found %s", key, p.describe(p.off))
		p.resync(at + 1)
		return
	}
	// The fields are gathered in p.fieldBuf, reused from entry to entry, and
	// copied to a slice of the right size when the entry is complete.
	e.Fields = p.fieldBuf[:0]
	ok := p.fields(e, closing)
	p.fieldBuf = e.Fields[:0]
	if ok {
		if len(e.Fields) > 0 {
			e.Fields = slices.Clone(e.Fields)
		} else {
			e.Fields = nil
		}
		p.add(e)
	}
}

// fields reads the fields of e up to and including the closing delimiter.
// It reports whether the entry is complete; if not, the error is reported
// and p.off is where reading resumes.
func (p *parser) fields(e *Entry, closing byte) bool {
	for {
		p.skipSpaceAndComments()
		if p.peek() == closing {
			p.off++
			return true
		}
		if p.entryEnds() {
			p.unclosedEntry(e, closing)
			return false
		}
		nameOff := p.off
		namePos := p.pos(nameOff)
		name := p.ident()
		if name == "" {
			p.errorf(p.off, "expected a field name or %q in entry %q, found %s", string(closing), e.Key, p.describe(p.off))
			p.resync(p.off)
			return false
		}
		p.skipSpace()
		if p.peek() != '=' {
			p.errorf(p.off, "expected \"=\" after field name %q in entry %q, found %s", name, e.Key, p.describe(p.off))
			p.resync(p.off)
			return false
		}
		p.off++
		p.skipSpace()
		valuePos := p.pos(p.off)
		value, ok := p.value(name)
		if !ok {
			return false
		}
		lower := strings.ToLower(name)
		if first := e.Field(lower); first != nil {
			p.errorAt(namePos, "duplicate field %q in entry %q (first defined at %s); the first is used", lower, e.Key, p.where(first.Pos))
		} else {
			f := p.fieldSlab.new()
			*f = Field{Name: lower, Value: value, Pos: namePos, ValuePos: valuePos}
			e.Fields = append(e.Fields, f)
		}
		p.skipSpaceAndComments()
		switch c := p.peek(); {
		case c == ',':
			p.off++
		case c == closing:
			p.off++
			return true
		case p.entryEnds():
			p.unclosedEntry(e, closing)
			return false
		default:
			p.errorf(p.off, "expected \",\" or %q after the value of field %q in entry %q, found %s", string(closing), lower, e.Key, p.describe(p.off))
			p.resync(p.off)
			return false
		}
	}
}

// entryEnds reports whether an entry being read cannot go on at p.off: the
// file ends, or a new entry starts on this line.
func (p *parser) entryEnds() bool {
	return p.off >= len(p.src) || p.src[p.off] == '@' && p.atLineStart(p.off) && p.entryAhead(p.off)
}

// unclosedEntry reports that e lacks its closing delimiter. When its last
// value spans lines, that value probably swallowed it, and the message says
// so.
func (p *parser) unclosedEntry(e *Entry, closing byte) {
	where := "at the end of the file"
	if p.off < len(p.src) {
		where = "before the next entry at " + p.pos(p.off).String()
	}
	hint := ""
	if n := len(e.Fields); n > 0 && strings.Contains(e.Fields[n-1].Value, "\n") {
		last := e.Fields[n-1]
		hint = fmt.Sprintf(" (did the value of field %q at %s take it? check its braces)", last.Name, last.ValuePos)
	}
	p.errorAt(e.Pos, "entry %q is not closed: missing %q %s%s", e.Key, string(closing), where, hint)
}

// add records a complete entry, unless its key is already taken.
func (p *parser) add(e *Entry) {
	lower := strings.ToLower(e.Key)
	if first, ok := p.keys[lower]; ok {
		// At the key, as labtool validate reports it: one position for
		// one problem.
		p.errorAt(e.KeyPos, "duplicate key %q (first defined at %s)", e.Key, p.where(first.KeyPos))
		p.file.Duplicates = append(p.file.Duplicates, Duplicate{First: first, Later: e})
		return
	}
	p.keys[lower] = e
	if e.Type == "set" {
		p.file.Sets = append(p.file.Sets, e)
		return
	}
	p.file.Entries = append(p.file.Entries, e)
}

// value reads a field value: parts joined by "#", each a braced or quoted
// string, a number or a macro. what names the field in messages. On a syntax
// error it reports it, moves to where reading resumes and returns false.
func (p *parser) value(what string) (string, bool) {
	var single string
	n := 0
	for {
		start := p.off
		var part string
		switch c := p.peek(); {
		case c == '{' || c == '"':
			var ok bool
			if part, ok = p.delimited(what); !ok {
				return "", false
			}
		case isDigit(c):
			for p.off < len(p.src) && isDigit(p.src[p.off]) {
				p.off++
			}
			part = p.src[start:p.off]
		case isIdentByte(c):
			name := p.ident()
			lower := strings.ToLower(name)
			if v, ok := p.macros[lower]; ok {
				part = v
			} else if v, ok := monthMacros[lower]; ok {
				part = v
			} else {
				p.errorf(start, "undefined macro %q in the value of %s (it expands to nothing)", name, quoteField(what))
			}
		default:
			p.errorf(start, `expected a value for %s ({…}, "…", a number or a macro), found %s`, quoteField(what), p.describe(start))
			p.resync(start)
			return "", false
		}
		switch n {
		case 0:
			single = part
		case 1:
			p.buf = append(append(p.buf[:0], single...), part...)
		default:
			p.buf = append(p.buf, part...)
		}
		n++
		p.skipSpace()
		if p.peek() != '#' {
			break
		}
		p.off++
		p.skipSpace()
	}
	if n == 1 {
		return single, true
	}
	return string(p.buf), true
}

// quoteField names a field for a message: `field "title"`, or what as is
// when it names something else ("@preamble").
func quoteField(what string) string {
	if strings.HasPrefix(what, "@") {
		return what
	}
	return fmt.Sprintf("field %q", what)
}

// delimited reads a {…} or "…" string, with balanced braces inside, and
// returns its content without the delimiters.
func (p *parser) delimited(what string) (string, bool) {
	open := p.off
	quoted := p.src[open] == '"'
	depth := 0
	if !quoted {
		depth = 1
	}
	for i := open + 1; i < len(p.src); i++ {
		switch p.src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && !quoted {
				p.off = i + 1
				return p.src[open+1 : i], true
			}
			if depth < 0 {
				openPos := p.pos(open)
				p.errorAt(openPos, "the quoted value of %s has no closing quote, or an unbalanced \"}\" at %s", quoteField(what), p.pos(i))
				p.resync(i)
				return "", false
			}
		case '"':
			if quoted && depth == 0 {
				p.off = i + 1
				return p.src[open+1 : i], true
			}
		case '\n':
			if at, ok := p.entryAfterNewline(i + 1); ok {
				p.unclosed(open, quoted, what)
				p.off = at
				return "", false
			}
		}
	}
	p.unclosed(open, quoted, what)
	p.off = len(p.src)
	return "", false
}

func (p *parser) unclosed(open int, quoted bool, what string) {
	if quoted {
		p.errorf(open, "unclosed quote in the value of %s", quoteField(what))
	} else {
		p.errorf(open, "unclosed \"{\" in the value of %s", quoteField(what))
	}
}

// Package frontmatter reads a content file's front matter (YAML, TOML or
// JSON) with the line and column of every key and value.
package frontmatter

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// FrontMatterFormat is the language of a content file's front matter.
type FrontMatterFormat uint8

const (
	NoFrontMatter   FrontMatterFormat = iota // the file has none
	YAMLFrontMatter                          // between --- lines
	TOMLFrontMatter                          // between +++ lines
	JSONFrontMatter                          // a JSON object at the start of the file
)

var frontMatterFormatNames = [...]string{"no", "YAML", "TOML", "JSON"}

func (f FrontMatterFormat) String() string { return frontMatterFormatNames[f] }

// Pos is a position in a content file, 1-based. Line is the line of the
// file itself, not of the front-matter block. Col counts Unicode code
// points (runes) from the start of the line: "é" and a tab are one column
// each, and a UTF-8 byte order mark at the start of the file is not
// counted. A line ends at "\n"; a "\r" before it belongs to no column.
type Pos struct{ Line, Col int }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// ValueKind is the shape of a front-matter value as its format wrote it.
type ValueKind uint8

const (
	NullValue      ValueKind = iota // YAML null or ~, or an empty value
	BoolValue                       // true or false
	IntValue                        // an integer
	FloatValue                      // a floating-point number
	StringValue                     // a string (quoted or not)
	TimestampValue                  // an unquoted YAML timestamp, or a TOML date or date-time
	TimeValue                       // a TOML local time of day, without a date
	ListValue                       // a YAML sequence, TOML or JSON array
	MapValue                        // a YAML mapping, TOML table or JSON object
)

var valueKindNames = [...]string{"null", "boolean", "integer", "number", "string", "date", "time of day", "list", "mapping"}

func (k ValueKind) String() string { return valueKindNames[k] }

// Value is one front-matter value with its position.
type Value struct {
	Kind ValueKind
	// Pos is where the value starts: the first character of a scalar
	// (its opening quote when quoted), the "[" or "{" of a flow
	// collection, the first "-" of a YAML block sequence, the first key of
	// a YAML block mapping, or the header of a TOML table.
	Pos Pos
	// Text is a scalar's value: the decoded string, or the literal as
	// written for numbers, booleans, dates and nulls.
	Text string
	// Plain reports a scalar written without quotes (a YAML plain scalar, a
	// TOML or JSON literal), which matters for YAML 1.1 booleans such as
	// yes and on: YAML 1.2 reads them as strings.
	Plain bool
	// Items are a list's values.
	Items []*Value
	// Entries are a mapping's keys and values, in file order.
	Entries []*Entry
}

// Entry is one key of a mapping and its value.
type Entry struct {
	Key    string
	KeyPos Pos
	Value  *Value
}

// Document is a content file split into front matter and body.
type Document struct {
	Format FrontMatterFormat
	// Src is the file without its byte order mark, if it had one; every
	// offset of the document is into Src. Src, Raw and Body share the
	// memory of the bytes given to Parse.
	Src []byte
	BOM bool
	// CRLF reports a file whose first line ends with "\r\n".
	CRLF bool
	// Open is where the front matter starts: its opening delimiter, or the
	// "{" of JSON front matter. Zero without front matter.
	Open Pos
	// Raw is the front matter: the lines between the delimiters (YAML,
	// TOML) or the JSON object. It starts at offset RawOffset, on line
	// RawLine.
	Raw       []byte
	RawOffset int
	RawLine   int
	// Close is where the closing delimiter (or JSON's final "}") is; zero
	// without front matter or when it is never closed.
	Close Pos
	// Entries are the front matter's top-level keys in file order. A key
	// given twice appears twice (and Parse reports it).
	Entries []*Entry
	// Body is what follows the front matter, from offset BodyOffset, which
	// is on line BodyLine.
	Body       []byte
	BodyOffset int
	BodyLine   int

	// Lazy is set when a Lazy Parser read the document: its YAML entries
	// have no positions of their own.
	Lazy bool

	node *yaml.Node
}

// ErrorKind classifies front-matter errors.
type ErrorKind uint8

const (
	SyntaxError       ErrorKind = iota // the parser rejected the front matter
	UnclosedError                      // the closing delimiter is missing
	DuplicateKeyError                  // a key appears twice in one mapping
)

// Error is a problem with a file's front matter, at a position of the file.
type Error struct {
	Kind ErrorKind
	Pos  Pos
	Msg  string
	// First is where a duplicated key first appears.
	First Pos
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errors are all the front-matter errors of one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

const bom = "\uFEFF"

// Parse splits a content file into front matter and body and parses the
// front matter, keeping the position of every key and value.
//
// It finds front matter the way Hugo does: after optional leading
// whitespace, a file starting with --- holds YAML up to the next line
// starting with ---, one starting with +++ holds TOML up to the next +++
// line, and one starting with { holds a JSON object. A file starting with
// - or + but not with the full delimiter is an error, as it is for Hugo.
//
// When the front matter has errors Parse returns them as Errors, along
// with the document: Format, Open, Raw and Body are set, and so are
// Entries when the only errors are duplicate keys (each duplicate is kept).
func Parse(src []byte) (*Document, error) {
	return new(Parser).Parse(src)
}

// A Parser parses content files as Parse does, reusing its memory from one
// file to the next: the Document it returns, with its entries and values,
// is valid only until its next call. Validating thousands of files with one
// Parser per goroutine saves most of the garbage. A Parser must not be
// used by two goroutines at once; the zero value is ready to use.
type Parser struct {
	// Lazy leaves out the positions of YAML values, and the go.yaml.in/yaml/v3
	// parse that finds them, when Hugo reads the front matter: every entry
	// is then where the front matter starts, and Document.Lazy is set. A
	// caller with something to report parses again without Lazy.
	Lazy bool
	doc  Document
}

// Parse parses src as the function Parse does.
func (p *Parser) Parse(src []byte) (*Document, error) {
	p.doc = Document{Lazy: p.Lazy}
	d := &p.doc
	if bytes.HasPrefix(src, []byte(bom)) {
		d.BOM = true
		src = src[len(bom):]
	}
	d.Src = src
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		d.CRLF = true
	}
	start := 0
	for start < len(src) && isSpaceByte(src[start]) {
		start++
	}
	if start == len(src) {
		d.setBody(start)
		return d, nil
	}
	switch src[start] {
	case '-':
		d.Format = YAMLFrontMatter
		return d, d.agree(d.delimited(start, "---"))
	case '+':
		d.Format = TOMLFrontMatter
		return d, d.agree(d.delimited(start, "+++"))
	case '{':
		d.Format = JSONFrontMatter
		return d, d.agree(d.json(start))
	}
	d.setBody(0)
	return d, nil
}

func isSpaceByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	return false
}

// setBody makes the body start at offset off of Src.
func (d *Document) setBody(off int) {
	d.Body = d.Src[off:]
	d.BodyOffset = off
	d.BodyLine = d.PosAt(off).Line
}

// delimited reads YAML or TOML front matter opened at offset start.
func (d *Document) delimited(start int, delim string) error {
	src := d.Src
	d.Open = d.PosAt(start)
	if !bytes.HasPrefix(src[start:], []byte(delim)) {
		d.setBody(start)
		return Errors{{Kind: SyntaxError, Pos: d.Open,
			Msg: fmt.Sprintf("the file starts with %q but not with %s, the line that opens %s front matter", src[start:start+1], delim, d.Format)}}
	}
	// Like Hugo's lexer: the front matter starts right after the delimiter
	// and an optional line break (the rest of the line belongs to it), and
	// ends at the first delimiter after a "\r" or "\n".
	rawStart := start + len(delim) + crlf(src[start+len(delim):])
	d.RawOffset, d.RawLine = rawStart, d.PosAt(rawStart).Line
	for off := rawStart; off <= len(src); off++ {
		atLineStart := off == rawStart && rawStart > start+len(delim) || off > rawStart && (src[off-1] == '\n' || src[off-1] == '\r')
		if !atLineStart || !bytes.HasPrefix(src[off:], []byte(delim)) {
			continue
		}
		d.Raw = src[rawStart:off]
		d.Close = d.PosAt(off)
		d.setBody(off + len(delim) + crlf(src[off+len(delim):]))
		if d.Format == YAMLFrontMatter && d.Lazy {
			return nil
		} else if d.Format == YAMLFrontMatter {
			return d.parseYAML()
		}
		return d.parseTOML()
	}
	d.Raw = src[rawStart:]
	d.setBody(len(src))
	return Errors{{Kind: UnclosedError, Pos: d.Open,
		Msg: fmt.Sprintf("%s front matter is never closed: no line starting with %s follows it", d.Format, delim)}}
}

// crlf returns the length of the optional "\r" and optional "\n" that
// start b, which Hugo's lexer skips after a delimiter.
func crlf(b []byte) int {
	n := 0
	if n < len(b) && b[n] == '\r' {
		n++
	}
	if n < len(b) && b[n] == '\n' {
		n++
	}
	return n
}

// endOfLine returns the offset of the "\n" ending the line at off, or
// len(src).
func endOfLine(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// nextLine returns the offset after the line break at eol.
func nextLine(src []byte, eol int) int {
	if eol < len(src) {
		return eol + 1
	}
	return eol
}

// PosAt returns the position of byte offset off of Src. An offset inside a
// multi-byte character gives that character's column.
func (d *Document) PosAt(off int) Pos { return PosAt(d.Src, off) }

// PosAt returns the position of byte offset off of text, as documented on
// Pos. off may be len(text).
func PosAt(text []byte, off int) Pos {
	off = min(max(off, 0), len(text))
	line := 1 + bytes.Count(text[:off], []byte{'\n'})
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	return Pos{line, 1 + utf8.RuneCount(text[lineStart:off])}
}

// LineText returns line n (1-based) of text without its line break, and
// false when text has no such line. Columns of Pos index its runes.
func LineText(text []byte, n int) (string, bool) {
	if n < 1 {
		return "", false
	}
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return "", false
		}
		off += i + 1
	}
	line := text[off:endOfLine(text, off)]
	return string(bytes.TrimSuffix(line, []byte{'\r'})), true
}

// Lookup returns the top-level entry whose key is name, compared as Hugo
// compares front-matter keys (case-insensitively); the first one when the
// key is given twice.
func (d *Document) Lookup(name string) *Entry {
	return lookup(d.Entries, name)
}

// Lookup returns the mapping's entry whose key is name, compared
// case-insensitively; nil when v is not a mapping or has no such key.
func (v *Value) Lookup(name string) *Entry {
	if v == nil {
		return nil
	}
	return lookup(v.Entries, name)
}

func lookup(entries []*Entry, name string) *Entry {
	for _, e := range entries {
		if strings.EqualFold(e.Key, name) {
			return e
		}
	}
	return nil
}

// checkDuplicates reports every key that appears a second time in the same
// mapping, at any depth.
func checkDuplicates(entries []*Entry, errs *Errors) {
	for i, e := range entries {
		for _, first := range entries[:i] {
			if first.Key == e.Key {
				*errs = append(*errs, &Error{Kind: DuplicateKeyError, Pos: e.KeyPos, First: first.KeyPos,
					Msg: fmt.Sprintf("duplicate key %q (first on line %d)", e.Key, first.KeyPos.Line)})
				break
			}
		}
		checkDuplicatesIn(e.Value, errs)
	}
}

func checkDuplicatesIn(v *Value, errs *Errors) {
	switch v.Kind {
	case MapValue:
		checkDuplicates(v.Entries, errs)
	case ListValue:
		for _, it := range v.Items {
			checkDuplicatesIn(it, errs)
		}
	}
}

// comparePos orders positions.
func comparePos(a, b Pos) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) }

// finish checks the parsed entries for duplicate keys and returns the
// document's errors, nil when there are none.
func (d *Document) finish(errs Errors) error {
	if errs == nil {
		checkDuplicates(d.Entries, &errs)
	}
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int { return comparePos(a.Pos, b.Pos) })
	return errs
}

// cursor converts increasing offsets of a text to positions without
// counting from the start each time.
type cursor struct {
	text []byte
	off  int
	pos  Pos
}

func newCursor(text []byte) *cursor { return &cursor{text: text, pos: Pos{1, 1}} }

// at returns the position of offset off, as PosAt does.
func (c *cursor) at(off int) Pos {
	off = min(max(off, 0), len(c.text))
	if off < c.off {
		c.off, c.pos = 0, Pos{1, 1}
	}
	seg := c.text[c.off:off]
	if i := bytes.LastIndexByte(seg, '\n'); i >= 0 {
		c.pos.Line += bytes.Count(seg, []byte{'\n'})
		c.pos.Col = 1 + utf8.RuneCount(seg[i+1:])
	} else {
		c.pos.Col += utf8.RuneCount(seg)
	}
	c.off = off
	return c.pos
}

package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The fast YAML reader.
//
// go.yaml.in/yaml/v3 spends about 50µs on a typical front matter, which
// is most of the time validate takes on a site. Front matter almost always
// keeps to a small part of YAML: top-level "key: value" lines whose values
// are single-line scalars (plain, "double" or 'single' quoted), flow lists
// on one line ([a, "b"]) or block lists of such scalars. fastYAML reads
// exactly that part, with the same results as yaml.v3, and gives up
// (ok=false) on anything else, which then goes to yaml.v3: nested
// mappings, multi-line scalars, anchors, tags, tabs, escapes other than
// \" and \\, and every malformed block. FuzzFastYAML checks that whenever
// fastYAML accepts a block, yaml.v3 accepts it too and gives the same
// entries.

// fastYAML parses raw, whose first line is line firstLine of the file,
// taking its entries and values from m.
func fastYAML(m *memory, raw []byte, firstLine int) (entries []*Entry, ok bool) {
	if !fastYAMLChars(raw) {
		return nil, false
	}
	m.reset()
	p := fastParser{raw: raw, line: firstLine, m: m}
	entries = m.list[:0]
	for p.next() {
		l := p.cur
		if isBlankOrComment(l) {
			continue
		}
		// yaml.v3 refuses keys of more than 1024 characters.
		k := keyEnd(l)
		if k < 0 || k > 128 {
			return nil, false
		}
		e := p.entry()
		e.Key, e.KeyPos = keyString(l[:k]), Pos{p.line, 1}
		i := skipSpaces(l, k+1)
		switch {
		case i == len(l) || l[i] == '#':
			e.Value, ok = p.blockList()
		case l[i] == '[':
			e.Value, ok = p.flowList(l, i)
		default:
			var end int
			e.Value, end, ok = p.scalar(l, i, false)
			ok = ok && restIsComment(l, end)
		}
		if !ok {
			return nil, false
		}
		entries = append(entries, e)
	}
	m.list = entries
	return entries, true
}

// fastYAMLChars reports whether raw holds only characters the fast reader
// handles: no tabs, no control characters, no byte order mark, no line
// breaks other than "\n" and "\r\n", valid UTF-8.
func fastYAMLChars(raw []byte) bool {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				if i+1 >= len(raw) || raw[i+1] != '\n' {
					return false
				}
			case c < ' ' && c != '\n', c == 0x7f:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || !yamlPrintable(r, size) {
			return false
		}
		i += size
	}
	return true
}

// fastParser steps through the lines of a block.
type fastParser struct {
	raw  []byte
	off  int    // offset of the next line
	cur  []byte // the current line, without its line break
	line int    // the current line's number in the file
	// pending is set when the current line was read ahead and not consumed.
	pending bool
	started bool
	m       *memory
}

func (p *fastParser) value() *Value { return p.m.value() }

func (p *fastParser) entry() *Entry { return p.m.entry() }

// memory holds the entries and values of the fast reader in blocks that a
// Parser reuses from one file to the next.
type memory struct {
	values  [][]Value
	vi, vo  int // the block and the offset of the next value
	entries [][]Entry
	ei, eo  int
	list    []*Entry
}

const blockSize = 64

func (m *memory) reset() { m.vi, m.vo, m.ei, m.eo = 0, 0, 0, 0 }

// value returns a zero Value, which keeps the capacity of its Items from an
// earlier file.
func (m *memory) value() *Value {
	if m.vi < len(m.values) && m.vo == blockSize {
		m.vi, m.vo = m.vi+1, 0
	}
	if m.vi == len(m.values) {
		m.values = append(m.values, make([]Value, blockSize))
	}
	v := &m.values[m.vi][m.vo]
	m.vo++
	*v = Value{Items: v.Items[:0]}
	return v
}

func (m *memory) entry() *Entry {
	if m.ei < len(m.entries) && m.eo == blockSize {
		m.ei, m.eo = m.ei+1, 0
	}
	if m.ei == len(m.entries) {
		m.entries = append(m.entries, make([]Entry, blockSize))
	}
	e := &m.entries[m.ei][m.eo]
	m.eo++
	*e = Entry{}
	return e
}

// knownKeys holds the field names of the content model, so that the keys
// of most front matter need no allocation.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, t := range Types {
		for _, f := range t.AllFields() {
			m[f.Name] = f.Name
		}
	}
	return m
}()

func keyString(b []byte) string {
	if s, ok := knownKeys[string(b)]; ok {
		return s
	}
	return string(b)
}

// next moves to the next line; false at the end of the block.
func (p *fastParser) next() bool {
	if p.pending {
		p.pending = false
		return true
	}
	if p.off >= len(p.raw) {
		return false
	}
	if p.started {
		p.line++
	}
	p.started = true
	end := bytes.IndexByte(p.raw[p.off:], '\n')
	if end < 0 {
		end = len(p.raw) - p.off
	}
	p.cur = bytes.TrimSuffix(p.raw[p.off:p.off+end], []byte{'\r'})
	p.off += end + 1
	return true
}

// blockList reads the value of a key with nothing after its colon: a block
// list of scalars on the lines that follow. Anything else there (a nested
// mapping, an empty value) is for yaml.v3.
func (p *fastParser) blockList() (*Value, bool) {
	var list *Value
	indent := -1
	for p.next() {
		l := p.cur
		if isBlankOrComment(l) {
			continue
		}
		n := skipSpaces(l, 0)
		if n < len(l) && l[n] == '-' && (n+1 == len(l) || l[n+1] == ' ') {
			if indent < 0 {
				indent = n
				list = p.value()
				list.Kind, list.Pos = ListValue, Pos{p.line, n + 1}
			}
			if n != indent {
				return nil, false
			}
			i := skipSpaces(l, n+1)
			if i == len(l) || l[i] == '#' || l[i] == '[' || l[i] == '-' && (i+1 == len(l) || l[i+1] == ' ') {
				return nil, false
			}
			item, end, ok := p.scalar(l, i, false)
			if !ok || !restIsComment(l, end) {
				return nil, false
			}
			list.Items = append(list.Items, item)
			continue
		}
		if n > 0 || list == nil {
			return nil, false
		}
		p.pending = true
		break
	}
	return list, list != nil
}

// flowList reads a flow list that opens at l[i] and closes on the same
// line.
func (p *fastParser) flowList(l []byte, i int) (*Value, bool) {
	list := p.value()
	list.Kind, list.Pos = ListValue, Pos{p.line, column(l, i)}
	if list.Items == nil {
		list.Items = make([]*Value, 0, 4)
	}
	i = skipSpaces(l, i+1)
	if i < len(l) && l[i] == ']' {
		return list, restIsComment(l, i+1)
	}
	for i < len(l) {
		item, end, ok := p.scalar(l, i, true)
		if !ok {
			return nil, false
		}
		list.Items = append(list.Items, item)
		i = skipSpaces(l, end)
		if i == len(l) {
			return nil, false
		}
		switch l[i] {
		case ']':
			return list, restIsComment(l, i+1)
		case ',':
			i = skipSpaces(l, i+1)
			if i < len(l) && (l[i] == ']' || l[i] == ',') {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return nil, false
}

// scalar reads a single-line scalar starting at l[i], in a flow list when
// flow is set. end is the offset after it.
func (p *fastParser) scalar(l []byte, i int, flow bool) (v *Value, end int, ok bool) {
	pos := Pos{p.line, column(l, i)}
	switch c := l[i]; c {
	case '"', '\'':
		text, end, ok := quoted(l, i)
		if !ok || !afterQuoted(l, end, flow) {
			return nil, 0, false
		}
		v = p.value()
		v.Kind, v.Pos, v.Text = StringValue, pos, text
		return v, end, true
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', '<':
		return nil, 0, false
	case '-':
		if i+1 == len(l) || l[i+1] == ' ' {
			return nil, 0, false
		}
	}
	// A plain scalar runs to the end of the line or to " #"; in a flow list
	// also to "," or "]". A ": " inside would make it a mapping key.
	j := i
	for ; j < len(l); j++ {
		c := l[j]
		if c == ':' {
			if flow || j+1 == len(l) || l[j+1] == ' ' {
				return nil, 0, false
			}
		}
		if c == '#' && l[j-1] == ' ' {
			break
		}
		if flow && (c == ',' || c == ']' || c == '[' || c == '{' || c == '}') {
			break
		}
		if flow && c == '?' {
			// yaml.v3 takes it for a mapping key in some places.
			return nil, 0, false
		}
	}
	for j > i && l[j-1] == ' ' {
		j--
	}
	text := string(l[i:j])
	kind, ok := resolvePlain(text)
	if !ok {
		return nil, 0, false
	}
	v = p.value()
	v.Kind, v.Pos, v.Text, v.Plain = kind, pos, text, true
	return v, j, true
}

// quoted reads a single-line quoted string opening at l[i]: "double", in
// which only \" and \\ escapes are taken (others are for yaml.v3), or
// 'single', in which a doubled single quote stands for one. end is the
// offset after the closing quote.
func quoted(l []byte, i int) (text string, end int, ok bool) {
	q := l[i]
	escaped := false
	for j := i + 1; j < len(l); j++ {
		switch {
		case q == '"' && l[j] == '\\':
			if j+1 == len(l) || l[j+1] != '"' && l[j+1] != '\\' {
				return "", 0, false
			}
			escaped = true
			j++
		case l[j] == q && q == '\'' && j+1 < len(l) && l[j+1] == '\'':
			escaped = true
			j++
		case l[j] == q:
			raw := l[i+1 : j]
			if !escaped {
				return string(raw), j + 1, true
			}
			var b strings.Builder
			b.Grow(len(raw))
			for k := 0; k < len(raw); k++ {
				if raw[k] == '\\' && q == '"' || raw[k] == '\'' && q == '\'' {
					k++
				}
				b.WriteByte(raw[k])
			}
			return b.String(), j + 1, true
		}
	}
	return "", 0, false
}

// afterQuoted reports whether what follows a closing quote at l[j] may
// follow it: a separator in a flow list, otherwise spaces and a comment.
func afterQuoted(l []byte, j int, flow bool) bool {
	if flow {
		k := skipSpaces(l, j)
		return k < len(l) && (l[k] == ',' || l[k] == ']')
	}
	return restIsComment(l, j)
}

// restIsComment reports whether l[j:] holds only spaces, then possibly a
// comment after at least one space.
func restIsComment(l []byte, j int) bool {
	k := skipSpaces(l, j)
	return k == len(l) || l[k] == '#' && k > j
}

func isBlankOrComment(l []byte) bool {
	i := skipSpaces(l, 0)
	return i == len(l) || l[i] == '#'
}

func skipSpaces(l []byte, i int) int {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// keyEnd returns the offset of the colon ending a simple key (ASCII
// letters, digits, "_", and "-" or "." after the first character) at the
// start of l, followed by a space or the end of the line; -1 for any other
// line.
func keyEnd(l []byte) int {
	for i, c := range l {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case (c == '-' || c == '.') && i > 0:
		case c == ':' && i > 0:
			if i+1 == len(l) || l[i+1] == ' ' {
				return i
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// column returns the column of byte offset i of line l.
func column(l []byte, i int) int {
	for j := 0; j < i; j++ {
		if l[j] >= utf8.RuneSelf {
			return 1 + utf8.RuneCount(l[:i])
		}
	}
	return 1 + i
}

// resolvePlain gives the kind of a plain scalar exactly as
// go.yaml.in/yaml/v3 resolves it (resolve.go); ok is false for a merge key
// (<<), which the fast reader leaves to yaml.v3.
func resolvePlain(s string) (ValueKind, bool) {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return NullValue, true
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return BoolValue, true
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return FloatValue, true
	case "<<":
		return 0, false
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return FloatValue, true
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if isYAMLTimestamp(s) {
			return TimestampValue, true
		}
		plain := strings.ReplaceAll(s, "_", "")
		// The checks below fail on anything but these characters, and
		// failing is costly (errors and a regular expression); most values
		// here are dates, ORCID iDs or page ranges.
		if strings.Trim(plain, "0123456789abcdefABCDEFxXoO+-.") != "" || strings.ContainsAny(plain[1:], "+-") && !strings.ContainsAny(plain, "eE") {
			return StringValue, true
		}
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return IntValue, true
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return IntValue, true
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return FloatValue, true
			}
		}
		for _, prefix := range [...]struct {
			p    string
			base int
		}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
			if digits, found := strings.CutPrefix(plain, prefix.p); found {
				if prefix.p[0] == '-' {
					digits = "-" + digits
				}
				if _, err := strconv.ParseInt(digits, prefix.base, 64); err == nil {
					return IntValue, true
				}
				if prefix.p[0] != '-' {
					if _, err := strconv.ParseUint(digits, prefix.base, 64); err == nil {
						return IntValue, true
					}
				}
			}
		}
	}
	return StringValue, true
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// yamlTimestampFormats are the timestamps go.yaml.in/yaml/v3 recognises.
var yamlTimestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isYAMLTimestamp reports whether go.yaml.in/yaml/v3 reads the plain
// scalar s as a timestamp.
func isYAMLTimestamp(s string) bool {
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	// Every layout goes on with a month of one or two digits and a "-".
	j := 5
	for ; j < len(s) && j < 8 && s[j] >= '0' && s[j] <= '9'; j++ {
	}
	if j == 5 || j == 8 || j == len(s) || s[j] != '-' {
		return false
	}
	if len(s) <= 10 {
		// Only the date-only layout fits.
		_, err := time.Parse(yamlTimestampFormats[3], s)
		return err == nil
	}
	for _, f := range yamlTimestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}

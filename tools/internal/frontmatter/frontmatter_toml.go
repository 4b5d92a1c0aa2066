package frontmatter

import (
	"errors"
	"fmt"
	"time"

	"github.com/pelletier/go-toml/v2/unstable"
)

// parseTOML parses TOML front matter with go-toml's unstable parser, which
// keeps the byte range of every key and scalar, and builds the entries as
// TOML defines them: dotted keys and [table] headers make nested mappings,
// [[array]] headers lists of mappings. Hugo's decoder then decides what
// the values are (see agree).
func (d *Document) parseTOML() error {
	b := tomlBuilder{d: d, explicit: map[*Value]bool{}, cur: newCursor(d.Src)}
	b.p.Reset(d.Raw)
	root := &Value{Kind: MapValue}
	b.table = root
	for b.p.NextExpression() {
		b.expression(root, b.p.Expression())
	}
	if err := b.p.Error(); err != nil {
		var pe *unstable.ParserError
		pos := d.PosAt(d.RawOffset + len(d.Raw))
		msg := err.Error()
		if errors.As(err, &pe) {
			if off := cap(d.Raw) - cap(pe.Highlight); pe.Highlight != nil && off >= 0 && off <= len(d.Raw) {
				pos = d.PosAt(d.RawOffset + off)
			}
			msg = pe.Message
		}
		return d.finish(Errors{{Kind: SyntaxError, Pos: pos, Msg: "invalid TOML front matter: " + msg}})
	}
	d.Entries = root.Entries
	return d.finish(b.errs)
}

func trimTOMLPrefix(msg string) string {
	if len(msg) > 6 && msg[:6] == "toml: " {
		return msg[6:]
	}
	return msg
}

type tomlBuilder struct {
	d     *Document
	p     unstable.Parser
	table *Value // the mapping that key/value lines go to
	// explicit holds the mappings a [table] header defined, which a second
	// header may not define again.
	explicit map[*Value]bool
	errs     Errors
	cur      *cursor
}

// pos returns the position of a slice of Raw.
func (b *tomlBuilder) pos(r unstable.Range) Pos {
	return b.cur.at(b.d.RawOffset + int(r.Offset))
}

func (b *tomlBuilder) expression(root *Value, n *unstable.Node) {
	switch n.Kind {
	case unstable.KeyValue:
		b.keyValue(b.table, n)
	case unstable.Table, unstable.ArrayTable:
		keys := n.Key()
		var parts []*unstable.Node
		for keys.Next() {
			parts = append(parts, keys.Node())
		}
		header := b.headerPos(parts[0].Raw, n.Kind == unstable.ArrayTable)
		m := root
		for i, k := range parts {
			last := i == len(parts)-1
			e := lookupExact(m.Entries, string(k.Data))
			switch {
			case last && n.Kind == unstable.ArrayTable:
				if e == nil || e.Value.Kind != ListValue {
					e = &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: &Value{Kind: ListValue, Pos: header}}
					m.Entries = append(m.Entries, e)
				}
				item := &Value{Kind: MapValue, Pos: header}
				e.Value.Items = append(e.Value.Items, item)
				m = item
			case last && (e == nil || e.Value.Kind != MapValue || b.explicit[e.Value]):
				e = &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: &Value{Kind: MapValue, Pos: header}}
				m.Entries = append(m.Entries, e)
				m = e.Value
			case e == nil:
				e = &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: &Value{Kind: MapValue, Pos: header}}
				m.Entries = append(m.Entries, e)
				m = e.Value
			case e.Value.Kind == ListValue && len(e.Value.Items) > 0 && e.Value.Items[len(e.Value.Items)-1].Kind == MapValue:
				m = e.Value.Items[len(e.Value.Items)-1]
			case e.Value.Kind == MapValue:
				m = e.Value
			default:
				// A key that holds a value cannot also be a table; the
				// duplicate-key check reports the second one.
				e = &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: &Value{Kind: MapValue, Pos: header}}
				m.Entries = append(m.Entries, e)
				m = e.Value
			}
		}
		if n.Kind == unstable.Table {
			b.explicit[m] = true
		}
		b.table = m
	}
}

// headerPos finds the "[" (or "[[") of a table header before its first key.
func (b *tomlBuilder) headerPos(first unstable.Range, array bool) Pos {
	off := int(first.Offset)
	raw := b.d.Raw
	for off > 0 && (raw[off-1] == ' ' || raw[off-1] == '\t') {
		off--
	}
	for n := 0; off > 0 && raw[off-1] == '[' && (n < 1 || array && n < 2); n++ {
		off--
	}
	return b.cur.at(b.d.RawOffset + off)
}

func lookupExact(entries []*Entry, key string) *Entry {
	for _, e := range entries {
		if e.Key == key {
			return e
		}
	}
	return nil
}

// keyValue adds a key = value line (or an inline table's member) to m and
// returns the offset after the value.
func (b *tomlBuilder) keyValue(m *Value, n *unstable.Node) int {
	keys := n.Key()
	var parts []*unstable.Node
	for keys.Next() {
		parts = append(parts, keys.Node())
	}
	for _, k := range parts[:len(parts)-1] {
		e := lookupExact(m.Entries, string(k.Data))
		if e == nil || e.Value.Kind != MapValue {
			e = &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: &Value{Kind: MapValue, Pos: b.pos(k.Raw)}}
			m.Entries = append(m.Entries, e)
		}
		m = e.Value
	}
	k := parts[len(parts)-1]
	v, end := b.value(n.Value(), b.skip(int(k.Raw.Offset+k.Raw.Length), "= \t", false))
	m.Entries = append(m.Entries, &Entry{Key: string(k.Data), KeyPos: b.pos(k.Raw), Value: v})
	return end
}

// skip returns the offset after the characters of set from off on, and
// after comments too when comments is set.
func (b *tomlBuilder) skip(off int, set string, comments bool) int {
	raw := b.d.Raw
	for off < len(raw) {
		c := raw[off]
		switch {
		case c == '#' && comments:
			off = endOfLine(raw, off)
		case indexByte(set, c):
			off++
		default:
			return off
		}
	}
	return off
}

func indexByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// Characters between the items of an array or inline table.
const tomlBetween = " \t\r\n,"

// value converts n, which starts at offset start of Raw for containers
// (scalars carry their own range); end is the offset after it.
func (b *tomlBuilder) value(n *unstable.Node, start int) (v *Value, end int) {
	switch n.Kind {
	case unstable.Array:
		v = &Value{Kind: ListValue, Pos: b.cur.at(b.d.RawOffset + start), Items: []*Value{}}
		off := start + 1
		it := n.Children()
		for it.Next() {
			var item *Value
			item, off = b.value(it.Node(), b.skip(off, tomlBetween, true))
			v.Items = append(v.Items, item)
		}
		return v, b.skip(off, tomlBetween, true) + 1
	case unstable.InlineTable:
		v = &Value{Kind: MapValue, Pos: b.cur.at(b.d.RawOffset + start)}
		off := start + 1
		it := n.Children()
		for it.Next() {
			off = b.keyValue(v, it.Node())
		}
		return v, b.skip(off, tomlBetween, true) + 1
	}
	v = &Value{Pos: b.pos(n.Raw), Text: string(n.Data), Plain: n.Kind != unstable.String}
	end = int(n.Raw.Offset + n.Raw.Length)
	switch n.Kind {
	case unstable.String:
		v.Kind = StringValue
	case unstable.Bool:
		v.Kind = BoolValue
	case unstable.Integer:
		v.Kind = IntValue
	case unstable.Float:
		v.Kind = FloatValue
	case unstable.LocalTime:
		v.Kind = TimeValue
	default:
		v.Kind = TimestampValue
		if !validTOMLDate(v.Text) {
			b.errs = append(b.errs, &Error{Kind: SyntaxError, Pos: v.Pos,
				Msg: fmt.Sprintf("invalid TOML front matter: %s is not a date of the calendar", v.Text)})
		}
	}
	return v, end
}

// validTOMLDate reports whether the date of a TOML date or date-time is a
// day of the calendar: the parser checks only its shape. (toml.Unmarshal
// catches an impossible time of day.)
func validTOMLDate(s string) bool {
	if len(s) < 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", s[:10])
	return err == nil
}

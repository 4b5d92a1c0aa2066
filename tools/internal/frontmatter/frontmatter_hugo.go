package frontmatter

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	yaml "github.com/goccy/go-yaml"
	"github.com/gohugoio/hugo/parser/metadecoders"
	toml "github.com/pelletier/go-toml/v2"
)

var hugoFormats = [...]metadecoders.Format{YAMLFrontMatter: metadecoders.YAML, TOMLFrontMatter: metadecoders.TOML, JSONFrontMatter: metadecoders.JSON}

// agree decodes the front matter with Hugo's own decoder
// (parser/metadecoders, which reads YAML with goccy/go-yaml) and makes the
// document say what Hugo reads, err being what the parser with positions
// found wrong: Hugo decides whether the front matter is valid, and what
// its values are; the parser only says where they are.
//
// When both accept it, each value takes Hugo's kind and text. When Hugo
// refuses what the parser accepted, Hugo's error is reported at its
// position. When Hugo accepts what the parser refused, the entries are
// Hugo's, all where the front matter starts, as they are for a Lazy
// Parser.
func (d *Document) agree(err error) error {
	if d.Format == NoFrontMatter || d.Close == (Pos{}) {
		return err // no block of front matter, for Hugo either
	}
	m, herr := metadecoders.Default.UnmarshalToMap(d.Raw, hugoFormats[d.Format])
	if herr != nil {
		if err == nil {
			d.Entries, err = nil, Errors{d.hugoError(herr)}
		}
		return err
	}
	// Hugo reads it. Of the parser's errors only keys repeated in JSON
	// stand, which Hugo takes the last of; a parser that refused the block
	// has no entries to keep.
	var errs Errors
	errors.As(err, &errs)
	repeats := true
	for _, e := range errs {
		repeats = repeats && e.Kind == DuplicateKeyError
	}
	if !repeats {
		d.Entries = nil
	}
	d.Entries = overlay(d.Entries, m, Pos{d.RawLine, 1})
	if repeats && d.Format == JSONFrontMatter {
		return err
	}
	return nil
}

// overlay gives the parsed entries of a mapping Hugo's values, hv: it
// drops the entries Hugo does not have and adds those it has only, at pos.
func overlay(entries []*Entry, hv map[string]any, pos Pos) []*Entry {
	out := entries[:0]
	seen := map[string]bool{}
	for _, e := range entries {
		if v, ok := hugoEntry(hv, e); ok {
			setValue(e.Value, v)
			out = append(out, e)
			seen[e.Key] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(hv)) {
		if !seen[k] {
			v := &Value{Pos: pos}
			setValue(v, hv[k])
			out = append(out, &Entry{Key: k, KeyPos: pos, Value: v})
		}
	}
	return out
}

// hugoEntry returns Hugo's value for entry e of a mapping, giving e Hugo's
// key: goccy/go-yaml reads a plain key such as 0010 as a number, which
// becomes the key "10".
func hugoEntry(hv map[string]any, e *Entry) (any, bool) {
	if v, ok := hv[e.Key]; ok {
		return v, true
	}
	var k any
	if yaml.Unmarshal([]byte(e.Key), &k) == nil && k != nil {
		if v, ok := hv[fmt.Sprint(k)]; ok {
			e.Key = fmt.Sprint(k)
			return v, true
		}
	}
	return nil, false
}

// setValue makes v hold Hugo's value hv, keeping v's positions where the
// shapes agree.
func setValue(v *Value, hv any) {
	text := v.Text
	switch h := hv.(type) {
	case nil:
		if v.Kind != NullValue {
			v.Text = ""
		}
		v.Kind = NullValue
	case bool:
		v.Kind, v.Text = BoolValue, strconv.FormatBool(h)
	case string:
		v.Kind, v.Text = StringValue, h
	case int, int64, uint64:
		if v.Kind != IntValue {
			text = fmt.Sprint(h)
		}
		v.Kind, v.Text = IntValue, text
	case float64:
		// JSON's numbers are all float64: 10 stays an integer.
		if v.Kind == IntValue && h == math.Trunc(h) {
			break
		}
		if v.Kind != FloatValue && v.Kind != IntValue {
			text = strconv.FormatFloat(h, 'g', -1, 64)
		}
		v.Kind, v.Text = FloatValue, text
	case time.Time, toml.LocalDate, toml.LocalDateTime:
		if v.Kind != TimestampValue {
			text = fmt.Sprint(h)
		}
		v.Kind, v.Text = TimestampValue, text
	case toml.LocalTime:
		v.Kind = TimeValue
	case []any:
		if v.Kind != ListValue || len(v.Items) != len(h) {
			v.Items = make([]*Value, len(h))
			for i := range h {
				v.Items[i] = &Value{Pos: v.Pos}
			}
		}
		v.Kind, v.Entries = ListValue, nil
		for i, it := range h {
			setValue(v.Items[i], it)
		}
	case map[string]any:
		if v.Kind != MapValue {
			v.Entries = nil
		}
		v.Kind, v.Items = MapValue, nil
		v.Entries = overlay(v.Entries, h, v.Pos)
	default:
		v.Kind, v.Text = StringValue, fmt.Sprint(h)
	}
}

var goccyPos = regexp.MustCompile(`^\[(\d+):(\d+)\] `)

// hugoError turns an error of Hugo's decoder into an Error at its
// position in the file.
func (d *Document) hugoError(err error) *Error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	pos := Pos{d.RawLine, 1}
	var (
		se *json.SyntaxError
		te *json.UnmarshalTypeError
		de *toml.DecodeError
	)
	switch {
	case goccyPos.MatchString(msg):
		m := goccyPos.FindStringSubmatch(msg)
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		msg = msg[len(m[0]):]
		pos = d.rawPos(line, col)
	case errors.As(err, &se):
		pos = d.PosAt(d.RawOffset + max(int(se.Offset)-1, 0))
		msg = se.Error()
	case errors.As(err, &te):
		pos = d.PosAt(d.RawOffset + max(int(te.Offset)-1, 0))
		msg = te.Error()
	case errors.As(err, &de):
		line, col := de.Position()
		pos = d.rawPos(line, col)
		msg = trimTOMLPrefix(de.Error())
	}
	msg = strings.TrimPrefix(msg, "unmarshal failed: ")
	return &Error{Kind: SyntaxError, Pos: pos, Msg: fmt.Sprintf("invalid %s front matter: %s", d.Format, msg)}
}

// rawPos returns the position in the file of a line and column (1-based,
// in runes) of Raw.
func (d *Document) rawPos(line, col int) Pos {
	off := 0
	for ; line > 1 && off < len(d.Raw); line-- {
		off = nextLine(d.Raw, endOfLine(d.Raw, off))
	}
	for end := endOfLine(d.Raw, off); col > 1 && off < end; col-- {
		_, size := utf8.DecodeRune(d.Raw[off:])
		off += size
	}
	return d.PosAt(d.RawOffset + off)
}

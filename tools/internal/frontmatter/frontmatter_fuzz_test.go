package frontmatter

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/gohugoio/hugo/parser/pageparser"
	toml "github.com/pelletier/go-toml/v2"
)

// shapes are the front matters labtool new writes and lab members
// usually write.
var shapes = []string{
	"title: Hippocampal planning\ncolor: \"#538d5f\"\nweight: 10\nsummary: How the hippocampus guides planning.\npeople: [ada-lovelace, grace-hopper]\n",
	"title: 'Ada''s page'\nrole: phd\norcid: 0000-0002-1825-0097\nemail: ada@example.org\nthemes:\n  - hippocampal-planning\n  # the second one\n  - neuromodulation\njoined: 2024-09-01\n",
	"title: \"A \\\"quoted\\\" title\" # comment\nauthors:\n- Ada Lovelace\n- Grace Hopper\ndate: 2024-03-15T10:00:00Z\ndraft: false\ntags: []\nfeatured: True\n",
	"\r\ntitle: CRLF\r\nweight: -3\r\nratio: 1.5e3\r\nempty_list: [ ]\r\nurl: https://example.org/a#b\r\nx: ~\r\n",
	"title: Émotions & décisions — ça\nsummary: 10:30 in the morning, [really]\n",
}

// FuzzParse checks that Parse never panics, that every position it gives
// is inside the file, and that a Parser reused from input to input gives
// what a new one gives.
func FuzzParse(f *testing.F) {
	var reused Parser
	for _, s := range shapes {
		f.Add("---\n" + s + "---\nBody\n")
	}
	f.Add("+++\ntitle = 'x'\n[params]\na.b = [1, {c = 2}]\n+++\n")
	f.Add("{\"title\": \"x\", \"a\": [1, {\"b\": null}]}\nbody")
	f.Add("\uFEFF---\r\na: &x [*x]\r\n---\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse([]byte(src))
		lines := strings.Count(string(d.Src), "\n") + 1
		check := func(what string, p Pos) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("%s at %v, outside the file's %d lines:\n%q", what, p, lines, src)
			}
		}
		var errs Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				check(e.Msg, e.Pos)
			}
		}
		var walk func(v *Value)
		walk = func(v *Value) {
			check("value", v.Pos)
			for _, it := range v.Items {
				walk(it)
			}
			for _, e := range v.Entries {
				check("key "+e.Key, e.KeyPos)
				walk(e.Value)
			}
		}
		for _, e := range d.Entries {
			check("key "+e.Key, e.KeyPos)
			walk(e.Value)
		}
		if d.BodyOffset+len(d.Body) != len(d.Src) {
			t.Fatalf("body at %d, %d bytes, in a file of %d", d.BodyOffset, len(d.Body), len(d.Src))
		}
		r, rerr := reused.Parse([]byte(src))
		if got, want := describe(r.Entries), describe(d.Entries); got != want || (rerr == nil) != (err == nil) {
			t.Fatalf("a reused Parser gives\n%s(%v)\nand a new one\n%s(%v)", got, rerr, want, err)
		}
	})
}

// FuzzAgreesWithHugo checks that Parse accepts the front matter Hugo
// accepts (read with Hugo's own pageparser and metadecoders) and reads the
// same values: the same kinds, strings and booleans, in the same lists and
// mappings. Numbers keep their text as written, so only their kind is
// compared. A Lazy Parser must read the same. The seeds run in every go
// test.
//
//	go test ./tools/internal/frontmatter -run '^$' -fuzz FuzzAgreesWithHugo -fuzztime 2m
func FuzzAgreesWithHugo(f *testing.F) {
	for _, s := range shapes {
		f.Add("---\n" + s + "---\nBody\n")
	}
	for _, s := range []string{
		// goccy/go-yaml and yaml.v3 differ on these.
		"a: 1e3\nb: 017\nc: 0o17\nd: .5\ne: ~\nf: 12345678901234567890\ng: 0x1F\nh: .inf\n",
		"a: \"a\x01\"\n", "a:\tb\n", "A: 1\na: 2\n", "a: 1\na: 2\n", "1: a\n", "? [a]\n: b\n",
		"a: &x 1\nb: *x\nc: !!str 12\nd: \"\\x41\"\n", "a: b: c\n", "- a\n", "x\n", "~\n", "",
		"a: yes\nb: Off\nc: 2026-01-05\nd: 2026-01-05T10:00:00Z\n", "a: [1, {b: c}]\n",
	} {
		f.Add("---\n" + s + "---\n")
	}
	f.Add("+++\ntitle = 'x'\n[params]\na.b = [1, {c = 2}]\n+++\n")
	f.Add("+++\na = 1979-05-27\nb = 1979-05-27T07:32:00\nc = 07:32:00\nd = 2026-02-30\n+++\n")
	f.Add("+++\na = 1\na = 2\n+++\n")
	f.Add("{\"title\": \"x\", \"a\": [1, {\"b\": null}], \"a\": 2.5}\nbody")
	f.Add("{\"a\": 1e400}\n")
	f.Add("\uFEFF---\r\na: &x [*x]\r\n---\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		if strings.HasPrefix(strings.TrimLeft(src, " \t\r\n\uFEFF"), "#+") {
			t.Skip("Org-mode front matter, which labsite's content does not use")
		}
		hugo, herr := hugoFrontMatter([]byte(src))
		d, err := Parse([]byte(src))
		var errs Errors
		errors.As(err, &errs)
		refused := false
		for _, e := range errs {
			refused = refused || e.Kind != DuplicateKeyError || d.Format != JSONFrontMatter
		}
		if refused != (herr != nil) {
			t.Fatalf("Parse gives %v, and Hugo %v, for\n%q", err, herr, src)
		}
		if refused {
			return
		}
		ours := map[string]any{}
		for _, e := range d.Entries {
			ours[e.Key] = e.Value
		}
		if got, want := canon(ours), canon(hugo); got != want {
			t.Fatalf("Parse reads\n%s\nand Hugo\n%s\nfrom\n%q", got, want, src)
		}
		// A Lazy Parser reads the same, without positions.
		lazy, lerr := (&Parser{Lazy: true}).Parse([]byte(src))
		ours = map[string]any{}
		for _, e := range lazy.Entries {
			ours[e.Key] = e.Value
		}
		if got, want := canon(ours), canon(hugo); got != want || (lerr == nil) != (err == nil) {
			t.Fatalf("a Lazy Parser reads\n%s (%v)\nand Hugo\n%s\nfrom\n%q", got, lerr, want, src)
		}
	})
}

// hugoFrontMatter reads the front matter of a content file as Hugo's page
// parser does (hugolib/page__content.go): with pageparser's lexer, whose
// errors before the front matter ends stop the build, then metadecoders.
func hugoFrontMatter(src []byte) (map[string]any, error) {
	items, err := pageparser.ParseBytes(src, pageparser.Config{})
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		switch {
		case it.IsError():
			return nil, it.Err
		case it.IsFrontMatter():
			return metadecoders.Default.UnmarshalToMap(it.Val(src), pageparser.FormatFromFrontMatterType(it.Type))
		case it.Type != pageparser.TypeIgnore:
			return nil, nil
		}
	}
	return nil, nil
}

// canon describes a value of Hugo's, or a Value (or a map of Values), so
// that the two compare.
func canon(v any) string {
	switch v := v.(type) {
	case *Value:
		switch v.Kind {
		case NullValue:
			return "null"
		case BoolValue:
			return "bool:" + v.Text
		case IntValue, FloatValue:
			return "number"
		case StringValue:
			return strconv.Quote(v.Text)
		case TimestampValue:
			return "date"
		case TimeValue:
			return "time"
		case ListValue:
			var items []string
			for _, it := range v.Items {
				items = append(items, canon(it))
			}
			return "[" + strings.Join(items, ", ") + "]"
		}
		m := map[string]any{}
		for _, e := range v.Entries {
			m[e.Key] = e.Value
		}
		return canon(m)
	case map[string]any:
		keys := slices.Sorted(maps.Keys(v))
		var items []string
		for _, k := range keys {
			items = append(items, strconv.Quote(k)+": "+canon(v[k]))
		}
		return "{" + strings.Join(items, ", ") + "}"
	case []any:
		var items []string
		for _, it := range v {
			items = append(items, canon(it))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case nil:
		return "null"
	case bool:
		return "bool:" + strconv.FormatBool(v)
	case string:
		return strconv.Quote(v)
	case int, int64, uint64, float64:
		return "number"
	case time.Time, toml.LocalDate, toml.LocalDateTime:
		return "date"
	case toml.LocalTime:
		return "time"
	}
	return fmt.Sprintf("%T", v)
}

package frontmatter

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// describe renders entries as "key@line:col=kind(text)@line:col" lines, so
// tests compare positions and kinds at a glance.
func describe(entries []*Entry) string {
	var b strings.Builder
	var value func(v *Value, indent string)
	value = func(v *Value, indent string) {
		switch v.Kind {
		case ListValue:
			fmt.Fprintf(&b, "list@%v\n", v.Pos)
			for _, it := range v.Items {
				b.WriteString(indent + "- ")
				value(it, indent+"  ")
			}
		case MapValue:
			fmt.Fprintf(&b, "map@%v\n", v.Pos)
			for _, e := range v.Entries {
				fmt.Fprintf(&b, "%s%s@%v: ", indent+"  ", e.Key, e.KeyPos)
				value(e.Value, indent+"  ")
			}
		default:
			plain := ""
			if v.Plain {
				plain = " plain"
			}
			fmt.Fprintf(&b, "%v(%q)@%v%s\n", v.Kind, v.Text, v.Pos, plain)
		}
	}
	for _, e := range entries {
		fmt.Fprintf(&b, "%s@%v: ", e.Key, e.KeyPos)
		value(e.Value, "")
	}
	return b.String()
}

func TestParsePositions(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		format          FrontMatterFormat
		bodyLine        int
		body            string
	}{
		{
			name:   "yaml",
			format: YAMLFrontMatter,
			// Hugo reads YAML with goccy/go-yaml, which leaves a date a string.
			src: "---\ntitle: Hippocampal planning\ncolor: \"#538d5f\"\nweight: 10\ndraft: yes\n" +
				"people: [ada, 'grace']\ntags:\n  - a\n  - b # comment\ndate: 2026-01-05\n---\nBody\n",
			want: `title@2:1: string("Hippocampal planning")@2:8 plain
color@3:1: string("#538d5f")@3:8
weight@4:1: integer("10")@4:9 plain
draft@5:1: string("yes")@5:8 plain
people@6:1: list@6:9
- string("ada")@6:10 plain
- string("grace")@6:15
tags@7:1: list@8:3
- string("a")@8:5 plain
- string("b")@9:5 plain
date@10:1: string("2026-01-05")@10:7 plain
`,
			bodyLine: 12, body: "Body\n",
		},
		{
			// The BOM is not a column; CRLF endings and Unicode are read
			// as any other file, columns counting runes.
			name:   "bom crlf unicode",
			format: YAMLFrontMatter,
			src:    "\uFEFF---\r\ntitle: \"Émotions & décisions\"\r\nsummary: Ça va — très bien\r\npeople:\r\n- ada\r\n---\r\nCorps\r\n",
			want: `title@2:1: string("Émotions & décisions")@2:8
summary@3:1: string("Ça va — très bien")@3:10 plain
people@4:1: list@5:1
- string("ada")@5:3 plain
`,
			bodyLine: 7, body: "Corps\r\n",
		},
		{
			// Nested mappings and multi-line scalars go through yaml.v3;
			// the lines are still the file's.
			name:   "yaml slow path",
			format: YAMLFrontMatter,
			src:    "\n\n---\ntitle: >\n  Folded\n  title\nparams:\n  é: 1\n  list: [x]\n---\n",
			want: `title@4:1: string("Folded title\n")@4:8
params@7:1: map@8:3
  é@8:3: integer("1")@8:6 plain
  list@9:3: list@9:9
  - string("x")@9:10 plain
`,
			bodyLine: 11, body: "",
		},
		{
			name:   "toml",
			format: TOMLFrontMatter,
			src: "+++\r\ntitle = \"Émotions\"\r\nweight = 10\r\ndate = 2026-01-05\r\npeople = [\"ada\", 'grace']\r\n" +
				"[params]\r\nx.y = true\r\n[[menu.main]]\r\nname = \"Home\"\r\n+++\r\nBody",
			want: `title@2:1: string("Émotions")@2:9
weight@3:1: integer("10")@3:10 plain
date@4:1: date("2026-01-05")@4:8 plain
people@5:1: list@5:10
- string("ada")@5:11
- string("grace")@5:18
params@6:2: map@6:1
  x@7:1: map@7:1
    y@7:3: boolean("true")@7:7 plain
menu@8:3: map@8:1
  main@8:8: list@8:1
  - map@8:1
      name@9:1: string("Home")@9:8
`,
			bodyLine: 11, body: "Body",
		},
		{
			name:   "json",
			format: JSONFrontMatter,
			src:    "{\n  \"title\": \"Émotions\",\n  \"weight\": 10,\n  \"people\": [\"ada\", null],\n  \"x\": {\"é\": 1.5, \"b\": false}\n}\nBody\n",
			want: `title@2:3: string("Émotions")@2:12
weight@3:3: integer("10")@3:13 plain
people@4:3: list@4:13
- string("ada")@4:14
- null("null")@4:21 plain
x@5:3: map@5:8
  é@5:9: number("1.5")@5:14 plain
  b@5:19: boolean("false")@5:24 plain
`,
			bodyLine: 7, body: "Body\n",
		},
		{
			name: "no front matter", format: NoFrontMatter,
			src: "# Title\n\nText\n", bodyLine: 1, body: "# Title\n\nText\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.Format != tc.format {
				t.Errorf("format %v, want %v", d.Format, tc.format)
			}
			if got := describe(d.Entries); got != tc.want {
				t.Errorf("entries:\n%s\nwant:\n%s", got, tc.want)
			}
			if d.BodyLine != tc.bodyLine || string(d.Body) != tc.body {
				t.Errorf("body %q on line %d, want %q on line %d", d.Body, d.BodyLine, tc.body, tc.bodyLine)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // "line:col kind: message"
	}{
		{"yaml unclosed", "\n---\ntitle: x\n\nbody\n", []string{"2:1 unclosed: YAML front matter is never closed: no line starting with --- follows it"}},
		{"toml unclosed", "+++\ntitle = 'x'\n", []string{"1:1 unclosed: TOML front matter is never closed: no line starting with +++ follows it"}},
		{"json unclosed", "{\"title\": \"}\"\n", []string{"1:1 unclosed: JSON front matter is never closed: no } balances its opening {"}},
		{"duplicate", "---\ntitle: a\ncolor: x\ntitle: b\nparams:\n  a: 1\n  a: 2\n---\n", []string{
			"4:1 duplicate: duplicate key \"title\" (first on line 2)",
			"7:3 duplicate: duplicate key \"a\" (first on line 6)",
		}},
		{"toml duplicate", "+++\ntitle = 'a'\ntitle = 'b'\n+++\n", []string{"3:1 duplicate: duplicate key \"title\" (first on line 2)"}},
		{"json duplicate", "{\"title\": \"a\",\n\"title\": \"b\"}\n", []string{"2:1 duplicate: duplicate key \"title\" (first on line 1)"}},
		// yaml.v3 gives the block's line 3; the file's line is 5.
		{"yaml syntax", "\n---\ntitle: x\nsummary: a: b\n---\n", []string{"4:10 syntax: invalid YAML front matter: mapping value is not allowed in this context"}},
		// Hugo's goccy/go-yaml gives the position.
		{"yaml syntax indented", "---\nparams:\n  a: 1\n   b: 2\n---\n", []string{"3:6 syntax: invalid YAML front matter: mapping value is not allowed in this context"}},
		{"yaml not a mapping", "---\n- a\n- b\n---\n", []string{"2:1 syntax: invalid YAML front matter: sequence was used where mapping is expected"}},
		{"toml syntax", "+++\ntitle = 'x'\nweight = \n+++\n", []string{"3:10 syntax: invalid TOML front matter: unexpected character U+000A at start of value"}},
		{"toml impossible date", "+++\ndate = 2026-02-30\n+++\n", []string{"2:8 syntax: invalid TOML front matter: 2026-02-30 is not a date of the calendar"}},
		{"json syntax", "{\n  \"title\": x\n}\n", []string{"2:12 syntax: invalid JSON front matter: invalid character 'x' looking for beginning of value"}},
		{"bad delimiter", "- item\n- item\n", []string{"1:1 syntax: the file starts with \"-\" but not with ---, the line that opens YAML front matter"}},
		// Like Hugo, the rest of the opening line is front matter.
		{"text after delimiter", "--- yaml\ntitle: x\n---\n", []string{"1:5 syntax: invalid YAML front matter: unexpected key name"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src))
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("Parse error %v, want Errors", err)
			}
			var got []string
			for _, e := range errs {
				got = append(got, fmt.Sprintf("%v %s: %s", e.Pos, [...]string{"syntax", "unclosed", "duplicate"}[e.Kind], e.Msg))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestDuplicateKeepsEntries(t *testing.T) {
	d, err := Parse([]byte("---\ntitle: a\ntitle: b\n---\n"))
	var errs Errors
	if !errors.As(err, &errs) || errs[0].First != (Pos{2, 1}) {
		t.Fatalf("err = %v", err)
	}
	if len(d.Entries) != 2 || d.Lookup("TITLE").Value.Text != "a" {
		t.Errorf("entries %s", describe(d.Entries))
	}
}

func TestYAMLNodeLines(t *testing.T) {
	d, err := Parse([]byte("\uFEFF\n---\r\n# The theme.\r\ntitle: x\r\npeople: [a]\r\n---\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := d.YAMLNode()
	if err != nil {
		t.Fatal(err)
	}
	if n.HeadComment != "# The theme." {
		t.Errorf("comment %q", n.HeadComment)
	}
	m := n.Content[0]
	if k := m.Content[2]; k.Value != "people" || k.Line != 5 || k.Column != 1 {
		t.Errorf("people key at %d:%d", k.Line, k.Column)
	}
	if v := m.Content[3].Content[0]; v.Line != 5 || v.Column != 10 {
		t.Errorf("people[0] at %d:%d", v.Line, v.Column)
	}
}

func TestPosAtAndLineText(t *testing.T) {
	text := []byte("ab\r\nçé\tx\nlast")
	for off, want := range map[int]Pos{0: {1, 1}, 2: {1, 3}, 4: {2, 1}, 6: {2, 2}, 8: {2, 3}, 9: {2, 4}, 11: {3, 1}, 15: {3, 5}} {
		if got := PosAt(text, off); got != want {
			t.Errorf("PosAt(%d) = %v, want %v", off, got, want)
		}
	}
	c := newCursor(text)
	for _, off := range []int{2, 9, 4, 15, 0} {
		if got, want := c.at(off), PosAt(text, off); got != want {
			t.Errorf("cursor at %d = %v, want %v", off, got, want)
		}
	}
	if l, ok := LineText(text, 1); !ok || l != "ab" {
		t.Errorf("line 1 %q", l)
	}
	if l, ok := LineText(text, 3); !ok || l != "last" {
		t.Errorf("line 3 %q", l)
	}
	if _, ok := LineText(text, 4); ok {
		t.Error("line 4 exists")
	}
}

// TestParserReuse parses files of every shape with one Parser, in two
// orders, and checks each result against a fresh Parse.
func TestParserReuse(t *testing.T) {
	var srcs []string
	for _, s := range shapes {
		srcs = append(srcs, "---\n"+s+"---\nBody\n")
	}
	srcs = append(srcs, "---\ntitle: x\nparams:\n  a: [1, 2]\n---\n", "+++\ntitle = 'x'\n+++\n", "{\"title\": \"x\"}\n", "no front matter\n")
	var p Parser
	for _, order := range [][]string{srcs, append(srcs[len(srcs)/2:], srcs[:len(srcs)/2]...)} {
		for _, src := range order {
			fresh, _ := Parse([]byte(src))
			want := describe(fresh.Entries)
			d, _ := p.Parse([]byte(src))
			if got := describe(d.Entries); got != want {
				t.Errorf("reused Parser on %q:\n%s\nwant:\n%s", src, got, want)
			}
		}
	}
}

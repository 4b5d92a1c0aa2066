package content

import (
	"errors"
	"strings"
	"testing"
)

// fastShapes are front matters the fast YAML reader must take on its own:
// the shapes labtool new writes and lab members usually write.
var fastShapes = []string{
	"title: Hippocampal planning\ncolor: \"#538d5f\"\nweight: 10\nsummary: How the hippocampus guides planning.\npeople: [ada-lovelace, grace-hopper]\n",
	"title: 'Ada''s page'\nrole: phd\norcid: 0000-0002-1825-0097\nemail: ada@example.org\nthemes:\n  - hippocampal-planning\n  # the second one\n  - neuromodulation\njoined: 2024-09-01\n",
	"title: \"A \\\"quoted\\\" title\" # comment\nauthors:\n- Ada Lovelace\n- Grace Hopper\ndate: 2024-03-15T10:00:00Z\ndraft: false\ntags: []\nfeatured: True\n",
	"\r\ntitle: CRLF\r\nweight: -3\r\nratio: 1.5e3\r\nempty_list: [ ]\r\nurl: https://example.org/a#b\r\nx: ~\r\n",
	"title: Émotions & décisions — ça\nsummary: 10:30 in the morning, [really]\n",
}

// slowEntries parses block with yaml.v3 alone.
func slowEntries(block string) ([]*Entry, error) {
	src := "---\n" + block
	d := &Document{Src: []byte(src), Raw: []byte(src[4:]), RawOffset: 4, RawLine: 2}
	err := d.parseYAMLNode()
	var errs Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			if e.Kind != DuplicateKeyError {
				return nil, err
			}
		}
	}
	return d.Entries, nil
}

func TestFastYAMLShapes(t *testing.T) {
	for _, block := range fastShapes {
		fast, ok := fastYAML(new(memory), []byte(block), 2)
		if !ok {
			t.Errorf("the fast reader gave up on\n%s", block)
			continue
		}
		slow, err := slowEntries(block)
		if err != nil {
			t.Fatalf("yaml.v3: %v\n%s", err, block)
		}
		if got, want := describe(fast), describe(slow); got != want {
			t.Errorf("fast reader:\n%s\nyaml.v3:\n%s", got, want)
		}
	}
}

// FuzzFastYAML checks that whenever the fast reader accepts a block,
// yaml.v3 accepts it too and gives the same entries, positions and kinds.
func FuzzFastYAML(f *testing.F) {
	for _, s := range fastShapes {
		f.Add(s)
	}
	for _, s := range []string{
		"a: b\n  c\n", "a:\n  b: 1\n", "a: [b, c\n", "a: 'x\n", "a: \"\\n\"\n", "a:\n- b\n  - c\n",
		"a: -\n", "a: - b\n", "a: b: c\n", "a: 0x1F\nb: 0o17\nc: 1_000\nd: .5\ne: +1\nf: 0b101\ng: 2026-1-5\n",
		"a: [1, 'b', \"c\", d e]\n", "a:\n\n- x\n\n- y\nb: z\n", "a: x #c\n#c\nb: [] #c\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, block string) {
		fast, ok := fastYAML(new(memory), []byte(block), 2)
		if !ok {
			return
		}
		slow, err := slowEntries(block)
		if err != nil {
			t.Fatalf("the fast reader accepted what yaml.v3 rejects (%v):\n%q", err, block)
		}
		if got, want := describe(fast), describe(slow); got != want {
			t.Fatalf("block %q\nfast reader:\n%s\nyaml.v3:\n%s", block, got, want)
		}
	})
}

// FuzzParse checks that Parse never panics, that every position it gives
// is inside the file, and that a Parser reused from input to input gives
// what a new one gives.
func FuzzParse(f *testing.F) {
	var reused Parser
	for _, s := range fastShapes {
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

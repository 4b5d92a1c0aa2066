package frontmatter

import (
	"errors"
	"strings"
	"testing"
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

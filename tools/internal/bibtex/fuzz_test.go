package bibtex

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse and the conversions never panic and that what
// they return is consistent: positions inside the file, one entry per key,
// valid UTF-8 text, CSL-JSON that marshals, sorted.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"@article{a, title = {T}, author = {A, B and C, D}, year = 2020}",
		"@string{x = \"y\"} @misc(k, note = x # {z} # 12,)",
		"\uFEFF@book{b,\r\n  editor = {{\\'E}mile Zola and others},\r\n}\r\n",
		"@inproceedings{c, crossref = {p}} @proceedings{p, title = {P}, year = 2000}",
		"@article{a, title = {unclosed\n@article{b}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// The converters also take any text, balanced or not.
		if s := LaTeXToUnicode(string(src)); !utf8.ValidString(s) || s != strings.TrimSpace(s) {
			t.Fatalf("LaTeXToUnicode(%q) = %q", src, s)
		}
		ParseNames(string(src))

		file, errs := Parse("f.bib", src)
		text := strings.TrimPrefix(string(src), "\uFEFF")
		lines := strings.Split(text, "\n")
		checkPos := func(what string, p Pos) {
			if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
				t.Fatalf("%s: position %s outside the file", what, p)
			}
		}
		for _, e := range errs {
			if e.File != "f.bib" || e.Msg == "" {
				t.Fatalf("bad diagnostic %#v", e)
			}
			checkPos(e.Msg, Pos{e.Line, e.Col})
		}
		if !slices.IsSortedFunc(errs, func(a, b *Error) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		}) {
			t.Fatalf("diagnostics not sorted")
		}
		keys := make(map[string]bool)
		for _, e := range file.Entries {
			if e.Key == "" || e.Type == "" || e.Type != strings.ToLower(e.Type) {
				t.Fatalf("bad entry %q of type %q", e.Key, e.Type)
			}
			if keys[strings.ToLower(e.Key)] {
				t.Fatalf("key %q twice", e.Key)
			}
			keys[strings.ToLower(e.Key)] = true
			checkPos("entry "+e.Key, e.Pos)
			checkPos("key "+e.Key, e.KeyPos)
			for _, fld := range e.Fields {
				checkPos("field "+fld.Name, fld.Pos)
				checkPos("value of "+fld.Name, fld.ValuePos)
				if s := LaTeXToUnicode(fld.Value); !utf8.ValidString(s) || s != strings.TrimSpace(s) {
					t.Fatalf("LaTeXToUnicode(%q) = %q", fld.Value, s)
				}
			}
			e.Names("author")
			e.Date()
		}
		items := ToCSL(file.Entries)
		if len(items) != len(file.Entries) {
			t.Fatalf("%d items for %d entries", len(items), len(file.Entries))
		}
		if !slices.IsSortedFunc(items, func(a, b CSLItem) int {
			if c := strings.Compare(a.Custom.SortKey, b.Custom.SortKey); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		}) {
			t.Fatalf("items not sorted")
		}
		var out bytes.Buffer
		if err := WriteCSL(&out, items); err != nil {
			t.Fatalf("WriteCSL: %v", err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(items); err != nil || !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Fatalf("WriteCSL differs from encoding/json's indentation (%v)", err)
		}
	})
}

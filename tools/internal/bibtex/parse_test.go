package bibtex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// parseCase is a .bib text and what Parse must make of it: the keys of the
// entries in order, some field values ("key.field": value, as written) and
// the diagnostics, exactly.
type parseCase struct {
	name   string
	src    string
	keys   []string
	fields map[string]string
	errs   []string
}

func (tc parseCase) run(t *testing.T) {
	t.Helper()
	f, errs := Parse("t.bib", []byte(tc.src))
	var keys []string
	byKey := make(map[string]*Entry)
	for _, e := range f.Entries {
		keys = append(keys, e.Key)
		byKey[e.Key] = e
	}
	if !slices.Equal(keys, tc.keys) {
		t.Errorf("keys %q, want %q", keys, tc.keys)
	}
	for kf, want := range tc.fields {
		i := strings.LastIndexByte(kf, '.')
		key, field := kf[:i], kf[i+1:]
		e := byKey[key]
		if e == nil {
			t.Errorf("%s: no entry %q", kf, key)
			continue
		}
		fld := e.Field(field)
		if want == "<none>" {
			if fld != nil {
				t.Errorf("%s = %q, want no such field", kf, fld.Value)
			}
			continue
		}
		if fld == nil {
			t.Errorf("%s: no such field, want %q", kf, want)
		} else if fld.Value != want {
			t.Errorf("%s = %q, want %q", kf, fld.Value, want)
		}
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	if !slices.Equal(got, tc.errs) {
		t.Errorf("diagnostics:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.errs, "\n\t"))
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []parseCase{{
		name: "value forms",
		src: `@article{a,
  title = {Brace {nested {deeper}} value},
  journal = "Quoted {with "braces"} and {\"u}",
  year = 2021,
  note = {},
}`,
		keys: []string{"a"},
		fields: map[string]string{
			"a.title":   "Brace {nested {deeper}} value",
			"a.journal": `Quoted {with "braces"} and {\"u}`,
			"a.year":    "2021",
			"a.note":    "",
		},
	}, {
		name: "macros and concatenation",
		src: `@string{nat = "Nature"}
@String(nn = nat # " Neuroscience")
@STRING{ UP = {University} # " Press" }
@string{jan = "Janvier"}
@article{a, journal = nn, publisher = "Oxford " # up, month = jan, day = "1" # 2}
@article{b, month = dec # "~" # {1}, note = nat#nat}`,
		keys: []string{"a", "b"},
		fields: map[string]string{
			"a.journal":   "Nature Neuroscience",
			"a.publisher": "Oxford University Press",
			"a.month":     "Janvier", // the file's definition beats the predefined one
			"a.day":       "12",
			"b.month":     "December~1",
			"b.note":      "NatureNature",
		},
	}, {
		name: "comments, preamble, free text",
		src: `This file was exported by a reference manager.
% @article{commented, title = {Not an entry}}
@comment{ jabref-meta: {nested} braces }
@Comment this is a comment line with an @article{inside, x = 1} in it
@preamble{ "\newcommand{\noopsort}[1]{}" # {\relax} }
Contact: someone@example.org
@article{a, title = {A}}
  Some text after it.
@COMMENT(parenthesised (nested) comment)
@article{b, title = {B}}`,
		keys: []string{"a", "b"},
	}, {
		name: "parentheses, case, trailing commas, odd keys",
		src: `@ARTICLE(paren:2021/a-b.c,
  TITLE = {Parens},
  Year = "2021",
)
@InProceedings{doi:10.1000/xyz_1+2,}
@misc{empty}
@book{trailing, title = {T},}`,
		keys: []string{"paren:2021/a-b.c", "doi:10.1000/xyz_1+2", "empty", "trailing"},
		fields: map[string]string{
			"paren:2021/a-b.c.title": "Parens",
			"paren:2021/a-b.c.year":  "2021",
		},
	}, {
		name: "crossref",
		src: `@inproceedings{child, title = {Paper}, crossref = {proc}}
@inbook{chapter, title = {Chapter}, crossref = {book}}
@article{orphan, crossref = {nowhere}}
@proceedings{proc, title = {Proceedings of X}, year = 2020, publisher = {P}, key = {k}, crossref = {series},
  doi = {10.1/proc}, url = {https://proc.org}, pages = {1--999}, isbn = {978-3}}
@book{book, title = {The Book}, booktitle = {The Book Again}, editor = {E, F}}
@misc{series, note = {From the grandparent}, title = {Series}}`,
		keys: []string{"child", "chapter", "orphan", "proc", "book", "series"},
		fields: map[string]string{
			"child.title":     "Paper",
			"child.booktitle": "Proceedings of X",
			"child.year":      "2020",
			"child.publisher": "P",
			"child.note":      "From the grandparent",
			"child.key":       "<none>",
			"child.doi":       "<none>",
			"child.url":       "<none>",
			"child.pages":     "<none>",
			"child.isbn":      "978-3",
			"chapter.title":   "Chapter",
			// The parent's own booktitle comes first among its fields
			// that map to booktitle: title → booktitle.
			"chapter.booktitle": "The Book",
			"chapter.editor":    "E, F",
			"proc.title":        "Proceedings of X",
		},
		errs: []string{`t.bib:3:29: crossref "nowhere" in entry "orphan" does not match any entry`},
	}, {
		name: "crossref cycle",
		src: `@misc{a, crossref = {b}}
@misc{b, crossref = {A}, note = {n}}`,
		keys:   []string{"a", "b"},
		fields: map[string]string{"a.note": "n"},
		errs:   []string{`t.bib:2:21: crossref "A" in entry "b" forms a cycle`},
	}, {
		name: "duplicate keys and fields",
		src: `@article{Smith2020, title = {First}}
@article{smith2020, title = {Second}}
@article{other, title = {One}, Title = {Two}}`,
		keys:   []string{"Smith2020", "other"},
		fields: map[string]string{"Smith2020.title": "First", "other.title": "One"},
		errs: []string{
			`t.bib:2:10: duplicate key "smith2020" (first defined at t.bib:1:10)`,
			`t.bib:3:32: duplicate field "title" in entry "other" (first defined at t.bib:3:17); the first is used`,
		},
	}, {
		name: "unclosed brace costs one entry",
		src: `@article{a, title = {A}}
@article{broken,
  title = {Unclosed {nested,
  year = 2020
}

@article{c, title = {C}}`,
		keys: []string{"a", "c"},
		errs: []string{`t.bib:3:11: unclosed "{" in the value of field "title"`},
	}, {
		name: "a value that takes the closing brace",
		src: `@article{broken,
  title = {Unclosed,
  year = 2020
}

@article{c, title = {C}}`,
		keys: []string{"c"},
		errs: []string{`t.bib:1:1: entry "broken" is not closed: missing "}" before the next entry at 6:1 (did the value of field "title" at 2:11 take it? check its braces)`},
	}, {
		name: "unclosed brace at end of file",
		src: `@article{a, title = {A}}
@article{b, title = {B`,
		keys: []string{"a"},
		errs: []string{`t.bib:2:21: unclosed "{" in the value of field "title"`},
	}, {
		name: "unclosed quote",
		src: `@article{a, title = "A,
  year = 2020,
}
@article{q, title = "Q,
  year = 2020,

@article{b}`,
		keys: []string{"b"},
		errs: []string{
			`t.bib:1:21: the quoted value of field "title" has no closing quote, or an unbalanced "}" at 3:1`,
			`t.bib:4:21: unclosed quote in the value of field "title"`,
		},
	}, {
		name: "unclosed entry",
		src: `@article{a, title = {A},
  year = 2020,

@article{b, title = {B}}
@article{c, title = {C}`,
		keys: []string{"b"},
		errs: []string{
			`t.bib:1:1: entry "a" is not closed: missing "}" before the next entry at 4:1`,
			`t.bib:5:1: entry "c" is not closed: missing "}" at the end of the file`,
		},
	}, {
		name: "missing comma",
		src: `@article{a,
  title = {A}
  year = 2020
}
@article{b, title = {B}}`,
		keys: []string{"b"},
		errs: []string{`t.bib:3:3: expected "," or "}" after the value of field "title" in entry "a", found "y"`},
	}, {
		name: "missing key",
		src: `@article{title = {No key}, year = 2020}
@article{, title = {Empty key}}
@article{ok, title = {OK}}`,
		keys: []string{"ok"},
		errs: []string{
			`t.bib:1:10: missing citation key in @article entry ("title" is a field name)`,
			`t.bib:2:10: missing citation key in @article entry`,
		},
	}, {
		name: "garbage between entries",
		src: `@article{a, title = {A}}}
@article{b, title = {B}}
  year = {2020}},
@article{c, title = {C}}
@@@ junk
@ {x}
@article key, title = {T}}
@article{d, title = {D}}`,
		keys: []string{"a", "b", "c", "d"},
		errs: []string{
			`t.bib:1:25: unexpected "}" outside an entry (too many closing braces?)`,
			`t.bib:3:3: field "year" is outside any entry (was the entry closed too early?)`,
			`t.bib:5:1: expected an entry type after "@", found "@"`,
			`t.bib:6:1: expected an entry type after "@", found "{"`,
			`t.bib:7:10: expected "{" or "(" after "@article", found "k"`,
		},
	}, {
		name: "undefined macro keeps the entry",
		src: `@string{known = "K"}
@article{a,
  journal = known # unknown,
  month = 13,
  publisher = Springer}`,
		keys:   []string{"a"},
		fields: map[string]string{"a.journal": "K", "a.publisher": ""},
		errs: []string{
			`t.bib:3:21: undefined macro "unknown" in the value of field "journal" (it expands to nothing)`,
			`t.bib:5:15: undefined macro "Springer" in the value of field "publisher" (it expands to nothing)`,
		},
	}, {
		name: "other syntax errors",
		src: `@article{a, title {A}}
@article{b, = {B}}
@article{c, title = , year = 2020}
@article{d, title = {D} # }
@string{ = "x"}
@string{1x = "x"}
@string{m "x"}
@string{m = "x" "y"}
@preamble{"p" x}
@comment{unclosed
@article{e, title = "E}" }
@article{f, title = {F}}`,
		keys: []string{"f"},
		errs: []string{
			`t.bib:1:19: expected "=" after field name "title" in entry "a", found "{"`,
			`t.bib:2:13: expected a field name or "}" in entry "b", found "="`,
			`t.bib:3:21: expected a value for field "title" ({…}, "…", a number or a macro), found ","`,
			`t.bib:4:27: expected a value for field "title" ({…}, "…", a number or a macro), found "}"`,
			`t.bib:5:10: expected a macro name in @string, found "="`,
			`t.bib:6:9: macro name "1x" starts with a digit`,
			`t.bib:7:11: expected "=" after macro name "m", found "\""`,
			`t.bib:8:17: expected "}" to close @string, found "\""`,
			`t.bib:9:15: expected "}" to close @preamble, found "x"`,
			`t.bib:10:1: @comment is not closed: missing "}"`,
			`t.bib:11:21: the quoted value of field "title" has no closing quote, or an unbalanced "}" at 11:23`,
		},
	}, {
		name: "comments between fields",
		src: `@article{a,
  % title = {Commented out},
  title = {Real}, % trailing comment
  % year = 1999
  year = 2020
}`,
		keys:   []string{"a"},
		fields: map[string]string{"a.title": "Real", "a.year": "2020"},
	}, {
		name: "byte-order mark and CRLF",
		src:  "\uFEFF@article{a,\r\n  title = {T},\r\n  year = 20x\r\n}\r\n@article{b, title = {B}}\r\n",
		keys: []string{"b"},
		errs: []string{`t.bib:3:12: expected "," or "}" after the value of field "year" in entry "a", found "x"`},
	}, {
		name: "columns count runes",
		src:  "@article{a, title = {Ünïcødé}, journal = bad}",
		keys: []string{"a"},
		errs: []string{`t.bib:1:42: undefined macro "bad" in the value of field "journal" (it expands to nothing)`},
	}, {
		name: "invalid UTF-8",
		src:  "@article{a, title = {Caf\xe9}}",
		keys: []string{"a"},
		errs: []string{`t.bib:1:25: invalid UTF-8 (is the file in Latin-1? save it as UTF-8)`},
	}, {
		name: "empty and blank files",
		src:  " \n\t\n",
	}} {
		t.Run(tc.name, tc.run)
	}
}

// TestPositions checks the positions recorded for entries and fields.
func TestPositions(t *testing.T) {
	src := "\uFEFF% header\r\n@Article{key,\r\n  Title = {Tïtle},\r\n\tyear=\"2021\" }\n\n  @misc( m , note = x # {y})"
	f, errs := Parse("p.bib", []byte(src))
	var got strings.Builder
	for _, e := range f.Entries {
		fmt.Fprintf(&got, "%s %s @%s key@%s\n", e.Type, e.Key, e.Pos, e.KeyPos)
		for _, fld := range e.Fields {
			fmt.Fprintf(&got, "  %s=%q @%s value@%s\n", fld.Name, fld.Value, fld.Pos, fld.ValuePos)
		}
	}
	for _, e := range errs {
		fmt.Fprintln(&got, e)
	}
	want := `article key @2:1 key@2:10
  title="Tïtle" @3:3 value@3:11
  year="2021" @4:2 value@4:7
misc m @6:3 key@6:10
  note="y" @6:14 value@6:21
p.bib:6:21: undefined macro "x" in the value of field "note" (it expands to nothing)
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}

func TestDuplicatesList(t *testing.T) {
	f, _ := Parse("d.bib", []byte("@article{X,}\n@book{x,}\n@misc{y,}\n@misc{X}\n"))
	var got []string
	for _, d := range f.Duplicates {
		got = append(got, fmt.Sprintf("%s@%s<%s@%s", d.Later.Key, d.Later.Pos, d.First.Key, d.First.Pos))
	}
	if want := []string{"x@2:1<X@1:1", "X@4:1<X@1:1"}; !slices.Equal(got, want) {
		t.Errorf("duplicates %q, want %q", got, want)
	}
}

func TestPreambles(t *testing.T) {
	f, errs := Parse("p.bib", []byte(`@preamble{"a" # "b"} @PREAMBLE( {c} )`))
	if len(errs) > 0 || !slices.Equal(f.Preambles, []string{"ab", "c"}) {
		t.Errorf("preambles %q, errors %v", f.Preambles, errs)
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "refs.bib", Line: 12, Col: 3, Msg: "something"}
	if got := e.Error(); got != "refs.bib:12:3: something" {
		t.Errorf("Error() = %q", got)
	}
}

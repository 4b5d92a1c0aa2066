package bibtex

import "testing"

func TestFormat(t *testing.T) {
	src := `@string{nn = "Nature Neuroscience"}
@proceedings{conf, title = {Proceedings of {CCN}}, year = 2020, publisher = {CCN}}
@InProceedings{ada2020,
  author = {Lov{\'e}lace, Ada and Babbage,
            Charles},
  title = {Engines},
  crossref = {conf},
  pdf = {ada.pdf}, selected = {true},
}
@article{b, journal = nn, title = "A {"}quoted{"} title"}`
	f, errs := Parse("x.bib", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := Format(f.Entries[1], IsAlFolioField)
	want := `@inproceedings{ada2020,
  author    = {Lov{\'e}lace, Ada and Babbage, Charles},
  title     = {Engines},
  booktitle = {Proceedings of {CCN}},
  year      = {2020},
  publisher = {CCN},
}
`
	if got != want {
		t.Errorf("Format(ada2020) =\n%s\nwant\n%s", got, want)
	}
	got = Format(f.Entries[2], nil)
	want = "@article{b,\n  journal = {Nature Neuroscience},\n  title   = {A {\"}quoted{\"} title},\n}\n"
	if got != want {
		t.Errorf("Format(b) =\n%s\nwant\n%s", got, want)
	}
	// What Format writes reads back to the same fields.
	again, errs := Parse("y.bib", []byte(Format(f.Entries[1], nil)))
	if len(errs) > 0 || len(again.Entries) != 1 {
		t.Fatalf("Format's output does not read back: %v", errs)
	}
	if a, b := again.Entries[0].Text("title"), f.Entries[1].Text("title"); a != b {
		t.Errorf("title read back as %q, want %q", a, b)
	}
}

func TestParseJekyllFrontMatter(t *testing.T) {
	// al-folio's _bibliography/papers.bib starts with an empty front-matter
	// block so that Jekyll processes it; one with keys must not break it either.
	for _, head := range []string{"---\n---\n", "---\nlayout: none\ntitle: Papers\n---\n"} {
		f, errs := Parse("papers.bib", []byte(head+"@article{a, title = {A}, year = 2020}\n"))
		if len(errs) > 0 || len(f.Entries) != 1 {
			t.Errorf("with front matter %q: %d entries, errors %v", head, len(f.Entries), errs)
		}
	}
}

package bibtex

import (
	"strings"
	"testing"
)

const edges = `@article{noauthor,
  title = {Annual report of the lab},
  year = 2020
}

@article{labelled,
  label = {WHO},
  title = {World health statistics},
  year = 2021
}

@article{nodate,
  author = {Smith, Ann},
  title = {Undated}
}

@set{both,
  entryset = {noauthor, nodate}
}

@book{edited,
  editor = {Jones, Bo},
  title = {Edited volume},
  year = 2019
}
`

// @set is no work: it is left out of the entries. An entry without author
// takes its label field, else the title's first words (not ending on
// "of"); without a year, n.d. Each of these is warned about, at the key.
func TestEdgesAndWarnings(t *testing.T) {
	f, errs := Parse("edges.bib", []byte(edges))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var keys []string
	for _, e := range f.Entries {
		keys = append(keys, e.Key)
	}
	if got := strings.Join(keys, " "); got != "noauthor labelled nodate edited" {
		t.Errorf("entries %q: the @set must be left out", got)
	}
	if len(f.Sets) != 1 || f.Sets[0].Key != "both" {
		t.Errorf("sets %v", f.Sets)
	}
	labels := map[string]string{}
	for _, it := range ToCSL(f.Entries) {
		labels[it.ID] = it.CitationLabel
	}
	for key, want := range map[string]string{"noauthor": "Annual report 2020", "labelled": "WHO 2021", "nodate": "Smith n.d.", "edited": "Jones 2019"} {
		if labels[key] != want {
			t.Errorf("%s: label %q, want %q", key, labels[key], want)
		}
	}
	var got []string
	for _, w := range Warnings(f) {
		got = append(got, w.Error())
	}
	want := []string{
		`edges.bib:1:10: warning: entry "noauthor" has no author or editor: it is cited as "Annual report 2020" (add author = {…}, or label = {…} to choose how it is cited)`,
		`edges.bib:12:10: warning: entry "nodate" has no year or date: it is cited as n.d. (add year = {…} or date = {…})`,
		`edges.bib:17:6: warning: @set "both" is left out: a set groups other entries and is no work of its own; cite noauthor, nodate instead`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

package importer

import (
	"slices"
	"testing"

	"github.com/neuralml/labsite/tools/internal/authors"
	"github.com/neuralml/labsite/tools/internal/bibtex"
)

// biblatex's author+an:orcid annotation links an author by ORCID iD, even
// when the name alone would only be a near miss; an iD that differs keeps
// two people of one name apart.
func TestNewPublicationMatchesByORCID(t *testing.T) {
	src := `@article{a,
  author = {Costa, R. P. and Lee, Jon and Lee, Jon},
  author+an:orcid = {1="0000-0002-1825-0097"; 3="https://orcid.org/0000-0002-9079-593X"},
  title = {T}, year = 2020,
}`
	f, errs := bibtex.Parse("a.bib", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m := authors.New([]authors.Person{
		{Slug: "rui", Name: "Rui Ponte Costa", ORCID: "0000-0002-1825-0097"},
		{Slug: "jon", Name: "Jon Lee", ORCID: "0000-0001-5109-3700"},
	})
	p, problems := NewPublication(f.Entries[0], m)
	var linked []string
	for _, a := range p.Authors {
		linked = append(linked, a.Person)
	}
	// Costa by iD; the second author by name (no iD in the entry); the
	// third has another iD than Jon's: someone else.
	if want := []string{"rui", "jon", ""}; !slices.Equal(linked, want) {
		t.Errorf("authors linked to %q, want %q", linked, want)
	}
	if len(problems) != 0 {
		t.Errorf("problems = %+v", problems)
	}
	if !slices.Equal(p.People, []string{"rui", "jon"}) {
		t.Errorf("people = %q", p.People)
	}
	if p.BibTeX != "@article{a,\n  author = {Costa, R. P. and Lee, Jon and Lee, Jon},\n  title  = {T},\n  year   = {2020},\n}\n" {
		t.Errorf("BibTeX keeps the annotation or differs:\n%s", p.BibTeX)
	}
}

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

// Every field al-folio reads from an entry is understood, and the
// file's Jekyll front matter is skipped.
func TestNewPublicationReadsAlFolioFields(t *testing.T) {
	src := `---
---
@inproceedings{lovelace2024,
  abbr = {ICL}, selected = {true}, bibtex_show = {true},
  title = {Engines}, author = {Lovelace, Ada},
  booktitle = {Imaginary Conference on Learning}, year = 2024, month = oct,
  doi = {https://doi.org/10.5555/ICL.2024.7},
  abstract = {We ask {whether} engines remember.},
  pdf = {lovelace2024.pdf}, preview = {engines.png}, award = {Oral},
  arxiv = {2401.00001}, html = {https://example.org/html}, code = {https://example.org/code},
  slides = {https://example.org/slides}, poster = {https://example.org/poster},
  video = {https://example.org/video}, supp = {https://example.org/supp},
  website = {https://example.org/site},
}`
	f, errs := bibtex.Parse("papers.bib", []byte(src))
	if len(errs) > 0 || len(f.Entries) != 1 {
		t.Fatalf("%d entries, %v", len(f.Entries), errs)
	}
	p, _ := NewPublication(f.Entries[0], authors.New(nil))
	if p.Abbr != "ICL" || !p.Selected || p.Award != "Oral" || p.PDF != "lovelace2024.pdf" || p.Preview != "engines.png" {
		t.Errorf("abbr %q selected %v award %q pdf %q preview %q", p.Abbr, p.Selected, p.Award, p.PDF, p.Preview)
	}
	if p.DOI != "10.5555/ICL.2024.7" || p.Pubtype != "conference" || p.Venue != "Imaginary Conference on Learning" {
		t.Errorf("doi %q pubtype %q venue %q", p.DOI, p.Pubtype, p.Venue)
	}
	if p.Abstract != "We ask whether engines remember." || p.Date != "2024-10-01" || p.Precision != "month" {
		t.Errorf("abstract %q date %q %q", p.Abstract, p.Date, p.Precision)
	}
	var links []string
	for _, l := range p.Links {
		links = append(links, l.Kind+"="+l.URL)
	}
	want := []string{
		"arxiv=https://arxiv.org/abs/2401.00001", "html=https://example.org/html", "code=https://example.org/code",
		"slides=https://example.org/slides", "poster=https://example.org/poster", "video=https://example.org/video",
		"supp=https://example.org/supp", "website=https://example.org/site",
	}
	if !slices.Equal(links, want) {
		t.Errorf("links =\n%q\nwant\n%q", links, want)
	}
	want1 := "@inproceedings{lovelace2024,\n  title     = {Engines},\n  author    = {Lovelace, Ada},\n  booktitle = {Imaginary Conference on Learning},\n  year      = {2024},\n  month     = {October},\n  doi       = {https://doi.org/10.5555/ICL.2024.7},\n}\n"
	if p.BibTeX != want1 {
		t.Errorf("BibTeX =\n%s\nwant\n%s", p.BibTeX, want1)
	}
}

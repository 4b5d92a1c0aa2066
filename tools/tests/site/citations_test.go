package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// A bibliography as labtool import bibtex writes it (custom labels with
// a/b suffixes), plus an entry from elsewhere without custom fields, whose
// label the theme computes.
const bibliography = `
-- data/bibliography.json --
[
  {"id": "solo2017", "type": "article-journal", "title": "Alone", "author": [{"family": "Solo", "given": "Han"}],
   "issued": {"date-parts": [[2017]]}, "container-title": "Journal", "DOI": "10.1000/solo",
   "citation-label": "Solo 2017", "custom": {"label-author": "Solo", "label-year": "2017", "sort-key": "solo han 2017 alone"}},
  {"id": "pair2020", "type": "article-journal", "title": "Together", "author": [{"family": "Able", "given": "Ann"}, {"family": "Baker", "given": "Bo"}],
   "issued": {"date-parts": [[2020]]}, "container-title": "Journal",
   "custom": {"label-author": "Able and Baker", "label-year": "2020", "sort-key": "able ann baker bo 2020 together"}},
  {"id": "many2021a", "type": "article", "title": "First of two", "author": [{"family": "Lauer", "given": "J."}, {"family": "Mathis", "given": "A."}, {"family": "Ye", "given": "S."}],
   "issued": {"date-parts": [[2021]]}, "DOI": "10.1000/a",
   "custom": {"label-author": "Lauer et al.", "label-year": "2021a", "sort-key": "lauer j mathis a ye s 2021 first of two"}},
  {"id": "many2021b", "type": "article", "title": "Second of two", "author": [{"family": "Lauer", "given": "J."}, {"family": "Zhou", "given": "M."}, {"family": "Ye", "given": "S."}],
   "issued": {"date-parts": [[2021]]},
   "custom": {"label-author": "Lauer et al.", "label-year": "2021b", "sort-key": "lauer j zhou m ye s 2021 second of two"}},
  {"id": "plain2019", "type": "article-journal", "title": "From Zotero", "author": [{"family": "Richards", "given": "Blake"}, {"family": "Lillicrap", "given": "Tim"}, {"family": "Bengio", "given": "Yoshua"}],
   "issued": {"date-parts": [[2019, 10]]}, "container-title": "Nature Neuroscience", "volume": "22", "issue": "11", "page": "1761–1770"},
  {"id": "uncited2000", "type": "book", "title": "Never cited", "author": [{"family": "Nobody"}], "issued": {"date-parts": [[2000]]}}
]
`

func TestCitationsAndReferenceList(t *testing.T) {
	t.Parallel()
	site := build(t, bibliography+`
-- content/page.md --
---
title: Cited
---
One author {{< cite "solo2017" >}}, two {{< cite "pair2020" >}}, several {{< cite "many2021a" "many2021b" >}}.
Narrative: {{< cite "plain2019" narrative >}} showed it, as {{< cite "solo2017" >}} did.
`)
	doc := site.Parse(t, "page/index.html")
	var cites []string
	for _, a := range doc.Find(hugotest.Class("cite")) {
		href, _ := a.Attr("href")
		cites = append(cites, a.Text()+" → "+href)
	}
	want := []string{
		"Solo 2017 → #ref-solo2017",
		"Able and Baker 2020 → #ref-pair2020",
		"Lauer et al. 2021a → #ref-many2021a",
		"Lauer et al. 2021b → #ref-many2021b",
		"Richards et al. (2019) → #ref-plain2019",
		"Solo 2017 → #ref-solo2017",
	}
	if strings.Join(cites, "\n") != strings.Join(want, "\n") {
		t.Errorf("citations:\n%s\nwant:\n%s", strings.Join(cites, "\n"), strings.Join(want, "\n"))
	}
	text := doc.Find(hugotest.Class("prose"))[0].Text()
	for _, want := range []string{"One author (Solo 2017), two (Able and Baker 2020), several (Lauer et al. 2021a; Lauer et al. 2021b).", "Narrative: Richards et al. (2019) showed it"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q:\n%s", want, text)
		}
	}

	refs := doc.Find(hugotest.Class("references"))
	if len(refs) != 1 {
		t.Fatalf("want one References section, got %d", len(refs))
	}
	if h := refs[0].Find(hugotest.Tag("h2")); len(h) != 1 || h[0].Text() != "References" {
		t.Errorf("References heading: %v", texts(h))
	}
	var ids []string
	for _, li := range refs[0].Find(hugotest.Tag("li")) {
		id, _ := li.Attr("id")
		ids = append(ids, id)
	}
	// Only the works cited, each once, by author then year.
	wantIDs := []string{"ref-pair2020", "ref-many2021a", "ref-many2021b", "ref-plain2019", "ref-solo2017"}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("reference list ids = %v, want %v", ids, wantIDs)
	}
	entries := refs[0].Find(hugotest.Tag("li"))
	if got := entries[3].Text(); got != "Richards, B., Lillicrap, T., & Bengio, Y. (2019). From Zotero. Nature Neuroscience, 22(11), 1761–1770." {
		t.Errorf("reference entry = %q", got)
	}
	var doi string
	for _, a := range entries[4].Find(hugotest.Tag("a")) {
		doi, _ = a.Attr("href")
	}
	if doi != "https://doi.org/10.1000/solo" {
		t.Errorf("DOI link = %q", doi)
	}
}

func TestCitationInsideMasthead(t *testing.T) {
	t.Parallel()
	site := build(t, bibliography+`
-- content/page.md --
---
title: Cited
---
{{< masthead >}}As shown before {{< cite "solo2017" "pair2020" >}}.{{< /masthead >}}
`)
	doc := site.Parse(t, "page/index.html")
	m := doc.Find(hugotest.Class("masthead"))
	if len(m) != 1 || !strings.Contains(m[0].Text(), "As shown before (Solo 2017; Able and Baker 2020).") {
		t.Fatalf("masthead = %v", texts(m))
	}
	if n := len(m[0].Find(hugotest.Class("cite"))); n != 2 {
		t.Errorf("want 2 citation links in the masthead, got %d", n)
	}
}

// On the research page, citations in the themes' bodies join the list.
func TestResearchPageCollectsThemeCitations(t *testing.T) {
	t.Parallel()
	site := build(t, bibliography+researchIndex+`
-- content/research/a.md --
---
title: A
---
As {{< cite "plain2019" narrative >}} argued.
`)
	doc := site.Parse(t, "research/index.html")
	var ids []string
	for _, li := range doc.Find(hugotest.Class("reference")) {
		id, _ := li.Attr("id")
		ids = append(ids, id)
	}
	if strings.Join(ids, " ") != "ref-plain2019" {
		t.Errorf("research page references = %v", ids)
	}
}

func TestUnknownCiteKeyFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, bibliography+`
-- content/page.md --
---
title: Page
---
Text {{< cite "solo2017" "nosuch1999" >}}.
`, `content/page.md:4:6: cite: no work with key "nosuch1999" in data/bibliography.json`)
}

func TestPageWithoutCitationsHasNoReferences(t *testing.T) {
	t.Parallel()
	site := build(t, bibliography+`
-- content/page.md --
---
title: Page
---
No citations here.
`)
	if n := len(site.Parse(t, "page/index.html").Find(hugotest.Class("references"))); n != 0 {
		t.Errorf("want no References section, got %d", n)
	}
}

// From the lab's BibTeX to the page: labtool's importer writes the
// bibliography, and works whose author–year labels would clash get a and b,
// the same in the text and in the reference list.
func TestImportedBibTeXGivesDistinctLabels(t *testing.T) {
	t.Parallel()
	dir := hugotest.Fixture(t, `
-- references.bib --
@string{natneuro = {Nature Neuroscience}}
@article{mathis2021pose,
  author = {Mathis, Alexander and Ye, Shaokai and M{\"u}ller, Jonas},
  title = {Pose estimation of {DeepLabCut} users},
  journal = natneuro, year = 2021, doi = {10.1000/pose}}
@article{mathis2021behaviour,
  author = {Mathis, Alexander and Lauer, Jessy and Zhou, Mu},
  title = {Behaviour in the wild},
  journal = natneuro, year = 2021}
@book{who2020,
  author = {{World Health Organization}},
  title = {A report}, year = {2020}, publisher = {WHO}}
-- content/page.md --
---
title: Imported
---
Both {{< cite "mathis2021pose" "mathis2021behaviour" >}}, and {{< cite "who2020" narrative >}}.
`)
	site, err := siteio.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.WriteBibliography(site, filepath.Join(dir, "references.bib"))
	if err != nil || len(res.Diagnostics) > 0 || res.Entries != 3 {
		t.Fatalf("import: %v, %v, %d entries", err, res.Diagnostics, res.Entries)
	}
	doc := hugotest.Build(t, dir).Parse(t, "page/index.html")
	var cites []string
	for _, a := range doc.Find(hugotest.Class("cite")) {
		href, _ := a.Attr("href")
		cites = append(cites, a.Text()+" → "+href)
	}
	want := []string{
		"Mathis et al. 2021b → #ref-mathis2021pose",
		"Mathis et al. 2021a → #ref-mathis2021behaviour",
		"World Health Organization (2020) → #ref-who2020",
	}
	if strings.Join(cites, "\n") != strings.Join(want, "\n") {
		t.Errorf("citations:\n%s\nwant:\n%s", strings.Join(cites, "\n"), strings.Join(want, "\n"))
	}
	var refs []string
	for _, li := range doc.Find(hugotest.Class("reference")) {
		refs = append(refs, li.Text())
	}
	wantRefs := []string{
		"Mathis, A., Lauer, J., & Zhou, M. (2021a). Behaviour in the wild. Nature Neuroscience.",
		"Mathis, A., Ye, S., & Müller, J. (2021b). Pose estimation of DeepLabCut users. Nature Neuroscience. https://doi.org/10.1000/pose",
		"World Health Organization (2020). A report. WHO.",
	}
	if strings.Join(refs, "\n") != strings.Join(wantRefs, "\n") {
		t.Errorf("references:\n%s\nwant:\n%s", strings.Join(refs, "\n"), strings.Join(wantRefs, "\n"))
	}
}

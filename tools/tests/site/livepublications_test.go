package site

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// liveLab is a lab with one member and a .bib of one paper, which has a
// hand-written page that takes its title from the entry, previewed with
// hugo server. (A fictional lab: 10.5555 is the DOI prefix for examples.)
const liveLab = `
-- content/publications/_index.md --
---
title: Publications
---
-- content/publications/lovelace2024engines.md --
---
bibkey: lovelace2024engines
---
How we built it.
-- content/people/_index.md --
---
title: People
---
-- content/people/ada-lovelace.md --
---
title: Ada Lovelace
role: pi
position: Principal investigator
---
-- lab.bib --
@article{lovelace2024engines,
  title   = {Analytical engines as models of memory},
  author  = {Lovelace, Ada and Babbage, Charles},
  journal = {Journal of Imaginary Memory},
  year    = {2024},
  doi     = {10.5555/jim.2024.101},
}
`

// Under hugo server, what labtool import bibtex writes shows on the next
// request: the publication's page, its entry in the list and its cite.bib
// take the corrected title, and an author who has just joined the lab is
// linked to their page. The theme keeps a publication's data in its page's
// Store (helpers/memo.html), and the Store of a page whose file did not
// change outlives a rebuild, as this hand-written page's does: the data
// kept there must be the new build's.
func TestLivePreviewShowsReimportedPublications(t *testing.T) {
	src := hugotest.Fixture(t, liveLab)
	importBib := func() {
		t.Helper()
		site, err := siteio.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		res, err := importer.BibTeX(site, filepath.Join(src, "lab.bib"), importer.Options{})
		if err != nil || len(res.Diagnostics) > 0 {
			t.Fatalf("importing lab.bib: %v %v", err, res.Diagnostics)
		}
	}
	importBib()
	srv := hugotest.Serve(t, src)
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
		}
		return string(b)
	}
	write := func(rel, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(rel)), []byte(strings.TrimLeft(text, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const page, list, bib = "publications/lovelace2024engines/", "publications/", "publications/lovelace2024engines/cite.bib"
	for _, p := range []string{page, list, bib} {
		if got := get(p); !strings.Contains(got, "Analytical engines as models of memory") {
			t.Fatalf("before any change, %s lacks the title:\n%s", p, got)
		}
	}
	if strings.Contains(get(list), `href="/people/charles-babbage/"`) {
		t.Fatal("Charles Babbage is linked before he joins the lab")
	}

	// Charles joins the lab, the title is corrected, and the .bib is
	// imported again, as labtool import bibtex does.
	before := srv.Builds()
	write("content/people/charles-babbage.md", `
---
title: Charles Babbage
role: postdoc
position: Postdoctoral researcher
---
`)
	srv.WaitRebuild(t, before)
	before = srv.Builds()
	write("lab.bib", strings.Replace(liveLab[strings.Index(liveLab, "@article"):], "models of memory", "models of working memory", 1))
	importBib()
	srv.WaitRebuild(t, before)

	for _, p := range []string{page, list, bib} {
		got := get(p)
		if !strings.Contains(got, "Analytical engines as models of working memory") {
			t.Errorf("after the import, %s lacks the new title:\n%s", p, got)
		}
		if strings.Contains(got, "models of memory") {
			t.Errorf("after the import, %s still shows the old title", p)
		}
	}
	for _, p := range []string{page, list} {
		if got := get(p); !strings.Contains(got, `href="/people/charles-babbage/"`) {
			t.Errorf("after Charles joined, %s does not link him:\n%s", p, got)
		}
	}
}

// A hand-written publication page gets its entry as cite.bib beside it,
// linked from its Cite block, with no setting of the site's; and a site
// made with an earlier version, whose publications section still cascades
// the bibtex output format, builds as before, without a warning.
func TestHandWrittenPublicationGetsCiteBib(t *testing.T) {
	t.Parallel()
	oldCascade := strings.Replace(liveLab, "title: Publications\n", "title: Publications\ncascade:\n  - outputs: [html, bibtex]\n    target: {kind: page}\n", 1)
	for name, archive := range map[string]string{"now": liveLab, "earlier cascade": oldCascade} {
		src := hugotest.Fixture(t, archive)
		site, err := siteio.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := importer.BibTeX(site, filepath.Join(src, "lab.bib"), importer.Options{}); err != nil {
			t.Fatal(err)
		}
		built := hugotest.Build(t, src)
		if strings.Contains(built.Log, "WARN") {
			t.Errorf("%s: the build warns:\n%s", name, built.Log)
		}
		bib := built.Read(t, "publications/lovelace2024engines/cite.bib")
		if !strings.HasPrefix(bib, "@article{lovelace2024engines,") || !strings.Contains(bib, "Analytical engines as models of memory") {
			t.Errorf("%s: cite.bib = %q", name, bib)
		}
		doc := built.Parse(t, "publications/lovelace2024engines/index.html")
		var hrefs []string
		for _, a := range doc.Find(hugotest.Tag("a")) {
			if d, ok := a.Attr("download"); ok {
				href, _ := a.Attr("href")
				hrefs = append(hrefs, d+"="+href)
			}
		}
		if want := "lovelace2024engines.bib=/publications/lovelace2024engines/cite.bib"; len(hrefs) != 1 || hrefs[0] != want {
			t.Errorf("%s: download links %q, want [%s]", name, hrefs, want)
		}
	}
}

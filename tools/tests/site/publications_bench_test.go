package site

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// labBib writes a lab's .bib of n entries, in the shape al-folio users
// keep theirs: articles, conference papers and preprints over 30 years,
// 3–12 authors with accents in LaTeX, one or two of them among the lab's
// 40 members, a DOI, an abstract, and al-folio's fields on some. It
// returns the site's people pages too.
func labBib(n int) (bib string, people map[string]string) {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	given := []string{"Ada", "José", "Grace", "Min", "Petra", "Otto", "Iris", "Tom", "Ana", "Rui", "Léa", "Søren"}
	family := []string{"Lovelace", "Núñez", "Hopper", "Kim", "Quill", "Byron", "Vale", "Reed", "de Souza", "Costa", "Dubois", "Kierkegaard", "Müller", "O'Neil"}
	latex := strings.NewReplacer("é", `{\'e}`, "ú", `{\'u}`, "ñ", `{\~n}`, "ø", `{\o}`, "ü", `{\"u}`)
	people = map[string]string{}
	var members []string
	for i := range 40 {
		name := fmt.Sprintf("%s %c. %s", given[i%len(given)], 'A'+i/len(given), family[i%len(family)])
		slug := fmt.Sprintf("member-%02d", i)
		people["content/people/"+slug+".md"] = fmt.Sprintf("---\ntitle: %q\nrole: phd\n---\n", name)
		members = append(members, name)
	}
	types := []string{"article", "article", "inproceedings", "misc"}
	var b strings.Builder
	b.WriteString("---\n---\n@string{jim = \"Journal of Imaginary Memory\"}\n\n")
	for i := range n {
		typ := types[rng.IntN(len(types))]
		var authors []string
		for range 3 + rng.IntN(10) {
			authors = append(authors, latex.Replace(fmt.Sprintf("%s, %s", family[rng.IntN(len(family))], given[rng.IntN(len(given))])))
		}
		for range 1 + rng.IntN(2) {
			m := members[rng.IntN(len(members))]
			parts := strings.Fields(m)
			authors[rng.IntN(len(authors))] = latex.Replace(strings.Join(parts[len(parts)-1:], " ") + ", " + strings.Join(parts[:len(parts)-1], " "))
		}
		fmt.Fprintf(&b, "@%s{entry%05d,\n  author = {%s},\n  title = {Study %d of engines and memory},\n  year = {%d},\n  month = %s,\n",
			typ, i, strings.Join(authors, " and "), i, 1996+rng.IntN(31), []string{"jan", "apr", "jul", "oct"}[rng.IntN(4)])
		switch typ {
		case "article":
			fmt.Fprintf(&b, "  journal = jim,\n  volume = {%d},\n  number = {%d},\n  pages = {%d--%d},\n", 1+rng.IntN(40), 1+rng.IntN(12), 100+i, 110+i)
		case "inproceedings":
			b.WriteString("  booktitle = {Proceedings of the Imaginary Conference on Learning},\n")
		case "misc":
			fmt.Fprintf(&b, "  eprint = {26%02d.%05d},\n  archivePrefix = {arXiv},\n", 1+rng.IntN(12), i)
		}
		fmt.Fprintf(&b, "  doi = {10.5555/bench.%d},\n  abstract = {We ask question %d about engines, memory and learning.},\n", i, i)
		if rng.IntN(10) == 0 {
			fmt.Fprintf(&b, "  selected = {true},\n  abbr = {JIM},\n  code = {https://example.org/code/%d},\n  pdf = {https://example.org/pdf/%d.pdf},\n", i, i)
		}
		b.WriteString("}\n\n")
	}
	return b.String(), people
}

// BenchmarkPublications imports a lab's .bib of 1,000 and 5,000 entries
// (labtool import bibtex) and builds the site, whose content adapter makes
// one page per entry. It reports the import time, the build time and the
// build time per publication page, which must stay flat as the .bib grows:
// no page may loop over all the publications.
//
//	go test ./tools/tests/site -run '^$' -bench Publications -benchtime 1x -timeout 30m
func BenchmarkPublications(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			bib, people := labBib(n)
			files := "-- hugo.toml --\ntitle = \"Lab\"\n-- content/people/_index.md --\n---\ntitle: People\n---\n-- content/publications/_index.md --\n---\ntitle: Publications\n---\n"
			for rel, data := range people {
				files += "-- " + rel + " --\n" + data
			}
			dir := hugotest.Fixture(b, files)
			if err := os.WriteFile(filepath.Join(dir, "lab.bib"), []byte(bib), 0o644); err != nil {
				b.Fatal(err)
			}
			site, err := siteio.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			var importTime, buildTime time.Duration
			for b.Loop() {
				start := time.Now()
				res, err := importer.BibTeX(site, filepath.Join(dir, "lab.bib"), importer.Options{})
				if err != nil || res.Entries != n {
					b.Fatalf("import: %d entries, %v", res.Entries, err)
				}
				importTime += time.Since(start)
				start = time.Now()
				built := hugotest.Build(b, dir)
				buildTime += time.Since(start)
				if _, err := os.Stat(filepath.Join(built.Public, "publications", fmt.Sprintf("entry%05d", n-1), "index.html")); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(importTime.Seconds()/float64(b.N), "s-import")
			b.ReportMetric(buildTime.Seconds()/float64(b.N), "s-build")
			b.ReportMetric(float64(buildTime.Microseconds())/float64(b.N*n), "µs-build/page")
		})
	}
}

package bibtex

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// benchBib generates a realistic .bib file of n entries: macros, accented
// names, protected capitals and math in titles, long abstracts, and
// proceedings (one entry in 25) whose papers inherit through crossref.
func benchBib(n int) []byte {
	families := []string{`M{\"u}ller`, `Gonz{\'a}lez`, "Smith", `{\O}lveczky`, "van der Berg",
		`Dvo{\v{r}}{\'a}k`, "Lauer", "Zhou", `Ko{\c{c}}`, "Nakamura", `{\L}ukasiewicz`, "de la Cruz",
		"Mathis", `Sch{\"o}lkopf`, "O'Neil", `Garc{\'\i}a`}
	givens := []string{"Jessy", `J{\"o}rg`, "Mu", `Fran{\c{c}}ois`, "A.", `Ren{\'e}e`, "Venkatesh N.",
		`{\AA}sa`, "Rui Ponte", `Zo{\"e}`, "Blake A.", `S{\o}ren`}
	words := []string{"cortical", "credit", "assignment", "{DeepLabCut}", "learning", "dendritic",
		"$\\alpha$-synuclein", "cerebellar", "feedback", "Ca$^{2+}$", "dynamics", "{Bayesian}",
		"inference", "neuromodulation", "plasticity", "---", "in vivo", "\\emph{Drosophila}"}
	journals := []string{"nat", "nn", "jneuro", "{eLife}", `"PLOS Computational Biology"`, "{Neuron}"}
	months := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

	var b strings.Builder
	b.WriteString("% Generated for BenchmarkParseAndConvert10k.\n\n")
	b.WriteString("@string{nat = \"Nature\"}\n@string{nn = nat # \" Neuroscience\"}\n@string{jneuro = \"The Journal of Neuroscience\"}\n\n")
	title := func(i, k int) string {
		t := make([]string, k)
		for j := range t {
			t[j] = words[(i*7+j*3)%len(words)]
		}
		return strings.Join(t, " ")
	}
	authors := func(i int) string {
		a := make([]string, 1+i%9)
		for j := range a {
			a[j] = families[(i+j*5)%len(families)] + ", " + givens[(i*3+j)%len(givens)]
		}
		s := strings.Join(a, " and ")
		if i%11 == 0 {
			s += " and others"
		}
		return s
	}
	proc := ""
	for i := range n {
		year := 1990 + i%35
		switch {
		case i%25 == 0:
			proc = fmt.Sprintf("proc%d", i)
			fmt.Fprintf(&b, "@proceedings{%s,\n  title = {Proceedings of the %d Conference on %s},\n  editor = {%s},\n  year = %d,\n  publisher = {Curran Associates, Inc.},\n  address = {Red Hook, NY},\n  series = {Proc. {CCN}},\n}\n\n",
				proc, year, title(i, 3), authors(i+1), year)
		case i%25 < 8:
			fmt.Fprintf(&b, "@InProceedings{paper%d:%d,\n  author = {%s},\n  title = {%s},\n  crossref = {%s},\n  pages = {%d--%d},\n  doi = {10.5555/conf.%d},\n}\n\n",
				i, year, authors(i), title(i, 8), proc, i%400, i%400+9, i)
		default:
			fmt.Fprintf(&b, "@article{article%d-%d,\n  author = {%s},\n  title = {%s},\n  journal = %s,\n  year = {%d},\n  month = %s,\n  volume = {%d},\n  number = {%d},\n  pages = {%d--%d},\n  doi = {10.1038/s41593-%d},\n  url = {https://doi.org/10.1038/s41593-%d},\n  issn = {1097-6256},\n  keywords = {neuroscience; machine learning},\n  abstract = {%s. %s. %s.},\n}\n\n",
				i, year, authors(i), title(i, 10), journals[i%len(journals)], year, months[i%12], i%50, i%12+1, i%900, i%900+12, i, i,
				title(i+1, 20), title(i+2, 20), title(i+3, 20))
		}
	}
	return []byte(b.String())
}

// BenchmarkParseAndConvert10k parses a generated 10,000-entry .bib file,
// converts it to CSL and writes the JSON (to io.Discard), as labtool import
// does.
func BenchmarkParseAndConvert10k(b *testing.B) {
	const n = 10000
	src := benchBib(n)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f, errs := Parse("bench.bib", src)
		if len(errs) > 0 || len(f.Entries) != n {
			b.Fatalf("%d entries, diagnostics %v", len(f.Entries), errs)
		}
		if err := WriteCSL(io.Discard, ToCSL(f.Entries)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

package jekyll

import (
	"strings"
)

// Publications that a Jekyll site keeps as pages (academicpages'
// _publications/) or data (the Allan Lab's _data/publist.yml) become
// entries of a .bib file, so that they reach the site the way every
// publication does: labtool import bibtex turns the .bib into
// data/publications.json, and a page of the same key adds the text.

// bibEntry is a BibTeX entry the import writes.
type bibEntry struct {
	typ, key string
	fields   [][2]string // in order
}

func (e *bibEntry) set(name, value string) {
	if value = strings.TrimSpace(value); value != "" {
		e.fields = append(e.fields, [2]string{name, value})
	}
}

func (e *bibEntry) String() string {
	var b strings.Builder
	b.WriteString("@" + e.typ + "{" + e.key + ",\n")
	for _, f := range e.fields {
		b.WriteString("  " + f[0] + " = {" + bibValue(f[1]) + "},\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// bibValue writes text as a braced BibTeX value: LaTeX's special
// characters escaped, braces dropped (they could not be balanced), one
// line.
var bibEscaper = strings.NewReplacer("\\", "", "{", "", "}", "", "&", `\&`, "%", `\%`, "#", `\#`, "$", `\$`, "_", `\_`, "\n", " ")

func bibValue(s string) string { return bibEscaper.Replace(strings.Join(strings.Fields(s), " ")) }

// genBibName is the .bib the import writes when the Jekyll site has none.
const genBibName = "publications.bib"

// finishBibliography adds the publications read from pages and data to
// the lab's .bib: the site's own (its copy), or a new publications.bib.
func (imp *importer) finishBibliography() {
	if len(imp.genBib) == 0 {
		return
	}
	var b strings.Builder
	if imp.labBibName == "" {
		imp.labBibName = genBibName
		imp.labBib = genBibName
		b.WriteString("% The lab's publications, written by labtool import jekyll from the Jekyll\n% site's publication pages and data. This is the lab's .bib now: edit it,\n% then run labtool import bibtex " + genBibName + ".\n")
	} else {
		b.Write(imp.out[imp.labBibName])
		b.WriteString("\n% Added by labtool import jekyll from the Jekyll site's publication pages\n% and data.\n")
		imp.report.add(imp.labBib, 0, Warning, "bibtex", "the publications of the site's pages and data were added to its copy, %s: check them against the entries above", imp.labBibName)
	}
	for _, e := range imp.genBib {
		b.WriteString("\n" + e.String())
	}
	imp.out[imp.labBibName] = []byte(b.String())
	if _, ok := imp.origin[imp.labBibName]; !ok {
		imp.origin[imp.labBibName] = imp.labBib
	}
}

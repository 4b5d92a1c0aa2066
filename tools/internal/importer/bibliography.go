// Package importer brings content written for other tools into a labsite
// site.
//
// # BibTeX bibliography
//
// [WriteBibliography] reads a .bib file and writes the site's bibliography,
// data/bibliography.json: the entries as CSL-JSON, sorted by author, year and
// title, each with the author–year label the theme cites it by (see
// bibtex.ToCSL for the mapping). That file is generated: it is overwritten
// every time, so edit the .bib file, not the JSON.
//
// The file is replaced atomically (written to a temporary file in data/ and
// renamed), so Hugo and readers never see half of it. Entries that parse are
// written even when others in the file do not, so one broken entry loses
// nothing else; the problems are returned as diagnostics (file:line:col:
// message) for the caller to print and to exit with status 1. When the .bib
// file has problems and not one entry could be read, nothing is written, so a
// wrong or broken file cannot wipe out the bibliography.
package importer

import (
	"io"
	"os"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// BibliographyResult reports what WriteBibliography did.
type BibliographyResult struct {
	// Path is the file written, <siteDir>/data/bibliography.json, or ""
	// when nothing was written.
	Path string
	// Entries is the number of entries written.
	Entries int
	// Diagnostics are the problems in the .bib file, sorted by position.
	// Each prints as "file:line:col: message", with the file name as given.
	Diagnostics []*bibtex.Error
	// Warnings are what is read but probably not as meant (bibtex.Warnings):
	// entries without author or year, @set entries left out.
	Warnings []*bibtex.Error
}

// WriteBibliography converts the BibTeX file bibPath to CSL-JSON and writes it
// to the site's data/bibliography.json (model.BibliographyFile), creating
// data/ if needed. The error is for what stops the work (a file that cannot
// be read or written); problems in the .bib file are in the result's
// Diagnostics.
func WriteBibliography(site *siteio.Site, bibPath string) (BibliographyResult, error) {
	var res BibliographyResult
	src, err := os.ReadFile(bibPath)
	if err != nil {
		return res, err
	}
	file, diags := bibtex.Parse(bibPath, src)
	res.Diagnostics = diags
	res.Warnings = bibtex.Warnings(file)
	if len(file.Entries) == 0 && len(diags) > 0 {
		return res, nil
	}
	items := bibtex.ToCSL(file.Entries)
	err = site.Replace(model.BibliographyFile, func(w io.Writer) error { return bibtex.WriteCSL(w, items) })
	if err != nil {
		return res, err
	}
	res.Path = site.Path(model.BibliographyFile)
	res.Entries = len(file.Entries)
	return res, nil
}

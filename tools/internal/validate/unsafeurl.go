package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// unsafeURLHint is the fix for an address the site would never link.
const unsafeURLHint = "give the work's http:// or https:// address, or none: the theme leaves such a link out, and labtool import bibtex drops it"

// unsafeBibURLs reports the url, doi and \url{…} values of a .bib file's
// entries that the site would never link: javascript:, data:, vbscript:
// and any scheme html/template refuses (model.UnsafeScheme).
func unsafeBibURLs(rel string, file *bibtex.File, source func(int) string) []Diagnostic {
	var out []Diagnostic
	for _, w := range bibtex.Warnings(file) {
		if !strings.Contains(w.Msg, "which the site never links") {
			continue
		}
		out = append(out, Diagnostic{Path: rel, Line: w.Line, Col: w.Col, Severity: Error, Rule: RuleUnsafeURL,
			Message: strings.TrimSuffix(strings.TrimPrefix(w.Msg, "warning: "), ": it is left out (give an http:// or https:// address)"),
			Hint:    unsafeURLHint, source: source(w.Line)})
	}
	return out
}

// unsafeBibliographyURLs reports the URL and DOI values of
// data/bibliography.json's items that the site would never link, at the
// value's first appearance in the file.
func unsafeBibliographyURLs(data []byte, items []any) []Diagnostic {
	var out []Diagnostic
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		for _, key := range []string{"URL", "DOI"} {
			v, ok := m[key].(string)
			if !ok {
				continue
			}
			scheme := model.UnsafeScheme(v)
			if scheme == "" {
				continue
			}
			quoted, _ := json.Marshal(v)
			off := max(bytes.Index(data, quoted), 0)
			pos := frontmatter.PosAt(data, off)
			d := Diagnostic{Path: model.BibliographyFile, Line: pos.Line, Col: pos.Col, Severity: Error, Rule: RuleUnsafeURL,
				Message: fmt.Sprintf("%s %q of item %q is a %s: address, which the site never links", key, v, fmt.Sprint(m["id"]), scheme),
				Hint:    unsafeURLHint}
			d.source, _ = frontmatter.LineText(data, pos.Line)
			out = append(out, d)
		}
	}
	return out
}

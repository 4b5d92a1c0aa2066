package bibtex

import (
	"strings"
)

// AlFolioFields are the fields al-folio (the Jekyll theme) reads from its
// entries to build its publication list: links, a badge, a preview image, a
// flag for the selected papers. They say how the site shows a work, not what
// the work is, so a citation leaves them out (see [Format]).
var AlFolioFields = []string{
	"abbr", "selected", "pdf", "code", "slides", "poster", "video", "website",
	"html", "supp", "arxiv", "preview", "award", "bibtex_show", "altmetric",
	"dimensions", "google_scholar_id", "inspirehep_id", "blog", "additional_info",
	"annotation",
}

// IsAlFolioField reports whether name (in lower case) is one of
// [AlFolioFields].
func IsAlFolioField(name string) bool {
	for _, f := range AlFolioFields {
		if f == name {
			return true
		}
	}
	return false
}

// Format writes e as BibTeX, as a reader would paste it into their own .bib
// file: "@type{key," then one "  name = {value}," line per field, in source
// order, then "}". Values are written as read (after @string macros and #
// concatenation), in braces. Fields inherited through crossref are written
// out, and the crossref field is dropped, so that the entry stands alone.
// Fields for which omit returns true are left out (nil omits nothing).
func Format(e *Entry, omit func(name string) bool) string {
	var b strings.Builder
	b.WriteByte('@')
	b.WriteString(e.Type)
	b.WriteByte('{')
	b.WriteString(e.Key)
	b.WriteByte(',')
	width := 0
	keep := make([]*Field, 0, len(e.Fields))
	for _, f := range e.Fields {
		if f.Name == "crossref" || omit != nil && omit(f.Name) {
			continue
		}
		keep = append(keep, f)
		width = max(width, len(f.Name))
	}
	for _, f := range keep {
		b.WriteString("\n  ")
		b.WriteString(f.Name)
		b.WriteString(strings.Repeat(" ", width-len(f.Name)))
		b.WriteString(" = {")
		b.WriteString(strings.Join(strings.Fields(f.Value), " "))
		b.WriteString("},")
	}
	b.WriteString("\n}\n")
	return b.String()
}

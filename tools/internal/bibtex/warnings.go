package bibtex

import (
	"fmt"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
)

// Warnings returns what in f is read but probably not as meant, each as an
// Error whose message starts with "warning: ": an entry without author or
// editor, nor a label field (its label takes the short title or the
// title's first words), an entry without a year or date (its label says "n.d."),
// a url, doi or \url that the site would never link (javascript:, data:
// …), which is left out; and a @set, which is left out: it groups other
// entries and is no work of its own. Sorted by position.
func Warnings(f *File) []*Error {
	var out []*Error
	warn := func(p Pos, format string, args ...any) {
		out = append(out, &Error{File: f.Name, Line: p.Line, Col: p.Col, Msg: "warning: " + fmt.Sprintf(format, args...)})
	}
	for _, e := range f.Entries {
		authors, _ := e.Names("author")
		editors, _ := e.Names("editor")
		if len(authors) == 0 && len(editors) == 0 && e.Text("label") == "" {
			it := item(e)
			warn(e.KeyPos, "entry %q has no author or editor: it is cited as %q (add author = {…}, or label = {…} to choose how it is cited)", e.Key, it.CitationLabel)
		}
		for _, name := range []string{"url", "doi", "howpublished"} {
			f := e.Field(name)
			if f == nil || (name == "howpublished" && !strings.Contains(f.Value, `\url`)) {
				continue
			}
			v := verbatim(f.Value)
			if name == "doi" {
				v = trimDOI(v)
			}
			if scheme := model.UnsafeScheme(v); scheme != "" {
				warn(f.ValuePos, "%s %q of entry %q is a %s: address, which the site never links: it is left out (give an http:// or https:// address)", name, v, e.Key, scheme)
			}
		}
		if d := e.Date(); d.Year == 0 && d.Literal == "" {
			warn(e.KeyPos, "entry %q has no year or date: it is cited as n.d. (add year = {…} or date = {…})", e.Key)
		}
	}
	for _, s := range f.Sets {
		members := "its entries"
		if set := strings.TrimSpace(s.Text("entryset")); set != "" {
			members = set
		}
		warn(s.KeyPos, "@set %q is left out: a set groups other entries and is no work of its own; cite %s instead", s.Key, members)
	}
	sortErrors(out)
	return out
}

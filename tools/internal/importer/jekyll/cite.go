package jekyll

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"golang.org/x/text/unicode/norm"
)

// bibIndex finds a bibliography entry by first author and year.
type bibIndex struct {
	keys  map[string]bool
	byKey map[string][]bibtex.CSLItem // family|year → items
}

// readBibliography reads the site's .bib files. The site's own
// _bibliography/*.bib holds the lab's papers (al-folio's papers.bib): it
// becomes data/publications.json, as labtool import bibtex FILE writes it.
// The .bib that citations resolve against, data/bibliography.json, is
// --bibliography, or else that same file (jekyll-scholar cites from it).
// Both are copied into the new site, so that it keeps its sources. When
// the site has several .bib files, the first by name is imported and the
// others are reported.
func (imp *importer) readBibliography() {
	var bibs []string
	for _, rel := range imp.files {
		if k, _ := imp.kindOf(rel); k == kindBib {
			bibs = append(bibs, rel)
		}
	}
	if len(bibs) > 0 {
		imp.labBib = bibs[0]
		for _, b := range bibs[1:] {
			imp.report.add(b, 0, Warning, "bibtex", "not imported: %s holds the lab's publications; merge this file into it and run labtool import bibtex", bibs[0])
		}
		data, err := os.ReadFile(imp.abs(imp.labBib))
		if err != nil {
			imp.report.add(imp.labBib, 0, Error, "bibtex", "%v", err)
			imp.labBib = ""
		} else {
			imp.labBibName = path.Base(imp.labBib)
			imp.out[imp.labBibName] = data
			imp.origin[imp.labBibName] = imp.labBib
			file, _ := bibtex.Parse(imp.labBib, data) // the import reports the problems
			imp.report.Counts.Publications += len(file.Entries)
		}
	}
	var data []byte
	switch {
	case imp.o.Bibliography != "":
		var err error
		if data, err = os.ReadFile(imp.o.Bibliography); err != nil {
			imp.report.add(imp.o.Bibliography, 0, Error, "bibtex", "%v", err)
			return
		}
		imp.citeBib = filepath.Base(imp.o.Bibliography)
		if imp.citeBib == imp.labBibName {
			imp.citeBib = "references.bib"
		}
		imp.out[imp.citeBib] = data
		imp.origin[imp.citeBib] = imp.o.Bibliography
	case imp.labBib != "":
		imp.citeBib = imp.labBibName
		data = imp.out[imp.labBibName]
	default:
		return
	}
	file, _ := bibtex.Parse(imp.citeBib, data) // WriteBibliography reports the problems
	items := bibtex.ToCSL(file.Entries)
	imp.bib = &bibIndex{keys: map[string]bool{}, byKey: map[string][]bibtex.CSLItem{}}
	for _, it := range items {
		imp.bib.keys[it.ID] = true
		if len(it.Author) == 0 || it.Issued == nil || len(it.Issued.DateParts) == 0 || len(it.Issued.DateParts[0]) == 0 {
			continue
		}
		fam := it.Author[0].Family
		if fam == "" {
			fam = it.Author[0].Literal
		}
		k := fold(fam) + "|" + strconv.Itoa(it.Issued.DateParts[0][0])
		imp.bib.byKey[k] = append(imp.bib.byKey[k], it)
	}
	imp.report.Counts.Bibliography = len(items)
}

// fold lower-cases a name and drops its accents, so that "Müller" finds
// "Muller".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// find returns the key of the entry by family (the first author's) and
// year, with an optional suffix letter that tells two works of one year
// apart; ok is false when no entry, or more than one, matches.
func (bi *bibIndex) find(family, year, suffix string) (string, bool) {
	if bi == nil {
		return "", false
	}
	items := bi.byKey[fold(family)+"|"+year]
	if len(items) == 1 {
		return items[0].ID, true
	}
	if suffix != "" {
		for _, it := range items {
			if strings.HasSuffix(it.CitationLabel, year+suffix) {
				return it.ID, true
			}
		}
	}
	return "", false
}

var (
	// A parenthetical citation: "(Lauer et al. 2021)", "(Able and Baker
	// 2020; Landhuis 2017)", "(Richards et al., 2019)".
	citeGroup = regexp.MustCompile(`\(([^()]*?\d{4}[a-z]?)\)`)
	citeOne   = regexp.MustCompile(`^(?:see |e\.g\.,? |cf\.? )?(\p{Lu}[\p{L}'’\-]+(?:\s+(?:de|van|von|der|den|di|da|du|le|la|del)\s+\p{Lu}[\p{L}'’\-]+)?)(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’\-]+)?,?\s+(\d{4})([a-z]?)$`)
	// A narrative citation: "Richards et al. (2019)".
	citeNarrative = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+)((?:\s+et\s+al\.?)|(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’\-]+))?\s+\((\d{4})([a-z]?)\)`)
	citeSplit     = regexp.MustCompile(`\s*[;,]\s*`)
	yearOnly      = regexp.MustCompile(`^\d{4}[a-z]?$`)
)

// citations turns author–year citations into cite shortcodes where the
// bibliography has every work of the group; the others stay text and are
// reported.
func (c *conv) citations(text string, line int) string {
	text = citeGroup.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		parts := splitCitations(inner)
		var keys, missing []string
		for _, p := range parts {
			sm := citeOne.FindStringSubmatch(p)
			if sm == nil {
				return m // not a citation group: "(at least)", "(2019 data)"
			}
			if key, ok := c.imp.bib.find(sm[1], sm[2], sm[3]); ok {
				keys = append(keys, key)
			} else {
				missing = append(missing, p)
			}
		}
		if len(missing) > 0 {
			c.citeMissing(missing, c.lineOfText(m, line))
			return m
		}
		return c.token(`{{< cite ` + quoteAll(keys) + ` >}}`)
	})
	return citeNarrative.ReplaceAllStringFunc(text, func(m string) string {
		sm := citeNarrative.FindStringSubmatch(m)
		key, ok := c.imp.bib.find(sm[1], sm[3], sm[4])
		if !ok {
			c.citeMissing([]string{strings.Join(strings.Fields(m), " ")}, c.lineOfText(m, line))
			return m
		}
		return c.token(`{{< cite ` + strconv.Quote(key) + ` narrative >}}`)
	})
}

func (c *conv) citeMissing(missing []string, line int) {
	where := "the bibliography has no such entry"
	if c.imp.bib == nil {
		where = "the site has no bibliography (give one with --bibliography FILE)"
	}
	for _, p := range missing {
		c.imp.report.add(c.s.rel, line, Warning, "citation", "citation %q kept as text: %s", p, where)
	}
}

// splitCitations splits "A et al. 2017, B 2021; C and D 2019" into its
// citations. A comma before a year belongs to its citation ("Richards et
// al., 2019").
func splitCitations(s string) []string {
	raw := citeSplit.Split(strings.TrimSpace(s), -1)
	var out []string
	for _, p := range raw {
		if len(out) > 0 && yearOnly.MatchString(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func quoteAll(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, " ")
}

// citeTag converts jekyll-scholar's {% cite key … %}.
func (c *conv) citeTag(raw, args string, off int, narrative bool) string {
	var keys []string
	for _, f := range strings.Fields(args) {
		if strings.HasPrefix(f, "-") || strings.HasPrefix(f, "--") {
			break
		}
		if c.imp.bib == nil || !c.imp.bib.keys[f] {
			return c.unconverted(raw, off, "cites "+f+", which the bibliography does not have")
		}
		keys = append(keys, f)
	}
	if len(keys) == 0 {
		return c.unconverted(raw, off, "cites nothing the import can read")
	}
	if narrative {
		return c.token(`{{< cite ` + quoteAll(keys) + ` narrative >}}`)
	}
	return c.token(`{{< cite ` + quoteAll(keys) + ` >}}`)
}

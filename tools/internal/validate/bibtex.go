package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/frontmatter"
)

// checkBibFiles reads the .bib files at the site's root with
// tools/internal/bibtex and reports their syntax errors and keys used
// twice, the later entry naming the line of the first.
func checkBibFiles(files []string) []Diagnostic {
	var out []Diagnostic
	for _, name := range files {
		rel := filepath.ToSlash(filepath.Base(name))
		data, err := os.ReadFile(name)
		if err != nil {
			out = append(out, Diagnostic{Path: rel, Line: 1, Col: 1, Severity: Error, Rule: RuleBibtex, Message: err.Error()})
			continue
		}
		text := strings.TrimPrefix(string(data), "\uFEFF")
		source := func(line int) string {
			s, _ := frontmatter.LineText([]byte(text), line)
			return strings.ToValidUTF8(s, "\uFFFD")
		}
		file, errs := bibtex.Parse(rel, data)
		out = append(out, unsafeBibURLs(rel, file, source)...)
		dupAt := map[bibtex.Pos]bool{}
		for _, d := range file.Duplicates {
			dupAt[d.Later.KeyPos] = true
			out = append(out, Diagnostic{Path: rel, Line: d.Later.KeyPos.Line, Col: d.Later.KeyPos.Col, Severity: Error,
				Rule:    RuleBibtexDuplicate,
				Message: fmt.Sprintf("duplicate BibTeX key %q (first defined on line %d)", d.Later.Key, d.First.KeyPos.Line),
				Hint:    "each entry needs its own key: rename or remove one of the two",
				source:  source(d.Later.KeyPos.Line)})
		}
		for _, e := range errs {
			if dupAt[bibtex.Pos{Line: e.Line, Col: e.Col}] {
				continue
			}
			out = append(out, Diagnostic{Path: rel, Line: e.Line, Col: e.Col, Severity: Error, Rule: RuleBibtex,
				Message: e.Msg, source: source(e.Line)})
		}
	}
	return out
}

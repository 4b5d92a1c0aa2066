package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// anchorize is Hugo's anchorize with its default "github" ids
// (markup/goldmark/autoid.go in Hugo v0.165): spaces and hyphens become
// hyphens, letters, digits and "_" are kept in lower case, anything else
// is dropped. The theme makes ids and classes with it.
func anchorize(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '-' || r == ' ':
			b.WriteRune('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// idCollisions reports names that the theme would turn into the same id:
// research themes whose file names anchorize alike (foo.bar.md and
// foobar.md: one rt-foobar class and #foobar section), and bibliography
// keys that do (smith:2020 and smith2020: one #ref-smith2020). The theme
// keeps such ids apart by adding -2, -3 … to all but one, so links and
// classes change with the order: a warning, at each name that the theme
// gives a suffix.
func idCollisions(root string, pages []string) []Diagnostic {
	var out []Diagnostic
	// Research themes, by the base name of their file or bundle.
	themes := map[string][]string{}
	for _, rel := range pages {
		rest, ok := strings.CutPrefix(rel, "content/research/")
		if !ok || strings.HasPrefix(path.Base(rel), "_index.") {
			continue
		}
		base := strings.TrimSuffix(path.Base(rest), path.Ext(rest))
		if dir, file := path.Split(rest); strings.HasPrefix(file, "index.") && dir != "" {
			base = path.Base(dir)
		} else if strings.Contains(rest, "/") {
			continue // a page of a bundle, or of a sub-section
		}
		a := anchorize(base)
		themes[a] = append(themes[a], rel)
	}
	for a, files := range themes {
		if len(files) < 2 {
			continue
		}
		keeperFirst(files, func(rel string) string {
			rest := strings.TrimPrefix(rel, "content/research/")
			if dir, file := path.Split(rest); strings.HasPrefix(file, "index.") && dir != "" {
				return path.Base(dir)
			}
			return strings.TrimSuffix(path.Base(rest), path.Ext(rest))
		})
		for _, rel := range files[1:] {
			out = append(out, Diagnostic{Path: rel, Line: 1, Col: 1, Severity: Warning, Rule: RuleIDCollision,
				Message: fmt.Sprintf("research theme file %s gives the same id as %s (rt-%s, #%s)", path.Base(rel), path.Base(files[0]), a, a),
				Hint:    "rename one of the files: the theme keeps their ids apart with a -2 suffix, which a link written by hand does not expect"})
		}
	}
	// Bibliography keys.
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(model.BibliographyFile)))
	if err != nil {
		return out
	}
	var items []struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(data, &items) != nil {
		return out // the bibliography rule reports it
	}
	keys := map[string][]string{}
	for _, it := range items {
		if it.ID == nil {
			continue
		}
		id := fmt.Sprint(it.ID)
		a := anchorize(id)
		if !slices.Contains(keys[a], id) {
			keys[a] = append(keys[a], id)
		}
	}
	for a, ids := range keys {
		if len(ids) < 2 {
			continue
		}
		keeperFirst(ids, func(id string) string { return id })
		for _, id := range ids[1:] {
			quoted, _ := json.Marshal(id)
			pos := frontmatter.PosAt(data, max(bytes.Index(data, quoted), 0))
			d := Diagnostic{Path: model.BibliographyFile, Line: pos.Line, Col: pos.Col, Severity: Warning, Rule: RuleIDCollision,
				Message: fmt.Sprintf("cite key %q gives the same id as %q (#ref-%s)", id, ids[0], a),
				Hint:    "rename one of the keys in the .bib file (and its citations), then import it again: the theme keeps the ids apart with a -2 suffix"}
			d.source, _ = frontmatter.LineText(data, pos.Line)
			out = append(out, d)
		}
	}
	return out
}

// keeperFirst orders names that anchorize alike as the theme does
// (helpers/unique-ids.html): the one that is its own anchor first, which
// keeps the plain id, then the others sorted; name gives what anchorize
// is applied to.
func keeperFirst(items []string, name func(string) string) {
	slices.SortFunc(items, func(a, b string) int {
		na, nb := name(a), name(b)
		ea, eb := anchorize(na) == na, anchorize(nb) == nb
		switch {
		case ea && !eb:
			return -1
		case eb && !ea:
			return 1
		}
		return strings.Compare(na, nb)
	})
}

// figureIDCollisions reports figure shortcodes of one page whose names
// differ but give the same id (fig-ab for "a.b" and "ab"), at the name of
// each one the theme gives a suffix.
func (c *checker) figureIDCollisions(shortcodes []shortcode) {
	byID := map[string][]scArg{}
	for _, sc := range shortcodes {
		if sc.name != "figure" {
			continue
		}
		if a, ok := sc.get("name"); ok && a.value != "" {
			id := anchorize(strings.ToLower(a.value))
			if !slices.ContainsFunc(byID[id], func(o scArg) bool { return strings.EqualFold(o.value, a.value) }) {
				byID[id] = append(byID[id], a)
			}
		}
	}
	for id, args := range byID {
		if len(args) < 2 {
			continue
		}
		names := make([]string, len(args))
		at := map[string]scArg{}
		for i, a := range args {
			names[i] = strings.ToLower(a.value)
			at[names[i]] = a
		}
		keeperFirst(names, func(s string) string { return s })
		for _, n := range names[1:] {
			c.report(c.doc.PosAt(at[n].off), Warning, RuleIDCollision,
				"rename one of the figures (and its figrefs): the theme keeps their ids apart with a -2 suffix",
				"figure name %q gives the same id as %q (fig-%s)", at[n].value, at[names[0]].value, id)
		}
	}
}

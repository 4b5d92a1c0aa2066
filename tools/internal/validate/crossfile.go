package validate

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// facts records what the rules comparing files need: the page's URL and a
// research theme's weight.
func (c *checker) facts() {
	doc := c.doc
	if e := doc.Lookup("headless"); e != nil && e.Value.Kind == frontmatter.BoolValue && e.Value.Text == "true" {
		return
	}
	if e := doc.Lookup("build"); e != nil {
		if r := e.Value.Lookup("render"); r != nil && (r.Value.Text == "never" || r.Value.Text == "false") {
			return
		}
	}
	c.res.url = c.pageURL()
	if c.typ.Name == "theme" && !strings.HasPrefix(path.Base(c.rel), "_index.") {
		if e := doc.Lookup("weight"); e != nil && e.Value.Kind == frontmatter.IntValue {
			w := e.Value.Text
			if n, err := strconv.ParseInt(strings.ReplaceAll(w, "_", ""), 0, 64); err == nil {
				w = strconv.FormatInt(n, 10)
			}
			c.res.weight = &fact{value: w, pos: e.Value.Pos}
		}
	}
}

// pageURL returns the URL Hugo publishes the page at with the default
// permalinks: the url field when the type uses Hugo's url, otherwise the
// section's path and the slug (the slug field, or the file's or bundle's
// name), lower-cased as Hugo does.
func (c *checker) pageURL() fact {
	doc := c.doc
	pos := frontmatter.Pos{Line: 1, Col: 1}
	if doc.Open.Line > 0 {
		pos = doc.Open
	}
	if infoOf(c.typ).fields["url"].Format == model.Plain {
		if e := doc.Lookup("url"); e != nil && e.Value.Kind == frontmatter.StringValue && strings.TrimSpace(e.Value.Text) != "" {
			u := "/" + strings.Trim(strings.TrimSpace(e.Value.Text), "/")
			if path.Ext(u) == "" {
				u = strings.TrimSuffix(u, "/") + "/"
			}
			return fact{value: strings.ToLower(u), pos: e.Value.Pos}
		}
	}
	// content/a/b.md → /a/b/; content/a/b/index.md → /a/b/;
	// content/a/_index.md → /a/.
	p := strings.TrimPrefix(c.rel, "content")
	p = p[:len(p)-len(path.Ext(p))]
	base := p[strings.LastIndexByte(p, '/')+1:]
	switch base {
	case "_index":
		return fact{value: urlize(p[:len(p)-len(base)]), pos: pos}
	case "index":
		p = p[:len(p)-len("/index")]
	}
	if e := doc.Lookup("slug"); e != nil && e.Value.Kind == frontmatter.StringValue && strings.TrimSpace(e.Value.Text) != "" {
		p, pos = p[:strings.LastIndexByte(p, '/')+1]+strings.Trim(strings.TrimSpace(e.Value.Text), "/"), e.Value.Pos
	}
	return fact{value: urlize(p + "/"), pos: pos}
}

// urlize lower-cases a path and turns spaces into hyphens, as Hugo does.
func urlize(p string) string { return strings.ReplaceAll(strings.ToLower(p), " ", "-") }

// byPath returns the indexes of the results that have a fact, in the
// order of their pages' paths.
func byPath(pages []string, results []fileResult, has func(fileResult) bool) []int {
	var idx []int
	for i, res := range results {
		if has(res) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(pages[a], pages[b]) })
	return idx
}

// duplicateURLs reports every page whose URL an earlier page (by path)
// already has.
func duplicateURLs(pages []string, results []fileResult) []Diagnostic {
	first := map[string]int{}
	var out []Diagnostic
	for _, i := range byPath(pages, results, func(r fileResult) bool { return r.url.value != "" }) {
		u := results[i].url
		j, dup := first[u.value]
		if !dup {
			first[u.value] = i
			continue
		}
		out = append(out, Diagnostic{Path: pages[i], Line: u.pos.Line, Col: u.pos.Col, Severity: Error, Rule: RuleDuplicateURL,
			Message: "URL " + u.value + " is also the URL of " + pages[j],
			Hint:    "Hugo publishes only one of them; rename one of the files or give it another slug",
			source:  u.source})
	}
	return out
}

// duplicateWeights warns about research themes sharing a weight.
func duplicateWeights(pages []string, results []fileResult) []Diagnostic {
	first := map[string]int{}
	var out []Diagnostic
	for _, i := range byPath(pages, results, func(r fileResult) bool { return r.weight != nil }) {
		w := results[i].weight
		j, dup := first[w.value]
		if !dup {
			first[w.value] = i
			continue
		}
		out = append(out, Diagnostic{Path: pages[i], Line: w.pos.Line, Col: w.pos.Col, Severity: Warning, Rule: RuleDuplicateWeight,
			Message: "weight " + w.value + " is also the weight of " + pages[j],
			Hint:    "the research page then orders the two themes by date and title; give each theme its own weight",
			source:  w.source})
	}
	return out
}

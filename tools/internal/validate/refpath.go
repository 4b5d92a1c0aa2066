package validate

import (
	"path"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// refPath reports a reference written as a path ("../people/ada",
// "people/ada.md", "/people/ada/") instead of a slug, and says which
// slug it means, without claiming the page is missing when it is there.
// It reports whether v was such a path.
func (c *checker) refPath(t *model.Type, name string, v *frontmatter.Value) bool {
	text := strings.ReplaceAll(v.Text, `\`, "/")
	if !strings.Contains(text, "/") && !strings.HasSuffix(text, ".md") {
		return false
	}
	clean := strings.TrimSuffix(strings.Trim(text, "/"), ".md")
	slug := path.Base(clean)
	if slug == "index" || slug == "_index" {
		slug = path.Base(path.Dir(clean))
	}
	form := name + " takes the slug of a page under content/" + t.Section + "/ (its file name without .md), not a path"
	if c.s.slugs[t.Name][slug] {
		c.report(v.Pos, Error, RuleRef, "write "+slug+" for content/"+t.Section+"/"+slug+".md",
			"%s %q is a path: %s", name, v.Text, form)
	} else {
		c.report(v.Pos, Error, RuleRef, "add the page with labtool new "+t.Name+", or fix the slug",
			"%s %q is a path, and no page under content/%s/ has the slug %q: %s", name, v.Text, t.Section, slug, form)
	}
	return true
}

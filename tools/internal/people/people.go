// Package people changes the lab's people pages: Graduate records that a
// member has left (labtool people graduate).
package people

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/textdist"
)

// NotFoundError is a slug with no page under content/people/.
type NotFoundError struct {
	Slug string
	// Suggestion is the closest slug that exists, or "".
	Suggestion string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no person %q: there is no content/people/%s.md or content/people/%s/index.md", e.Slug, e.Slug, e.Slug)
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", e.Suggestion)
	}
	return msg
}

// Change is what Graduate did.
type Change struct {
	// Path is the person's page, relative to the site.
	Path string
	// Name is the person's title.
	Name string
	// OldLeft is the left date the page had before, or "".
	OldLeft string
	// Future reports a left date after today: the person stays current
	// until then.
	Future bool
}

// Graduate sets the left date of the person whose page is
// content/people/<slug>.md (or <slug>/index.md), and their now_at when
// nowAt is not empty, editing the front matter in place: every other key,
// its order, comments and the body are kept, and the file is replaced
// atomically. left is YYYY-MM-DD; today decides whether it is in the
// future. Only YAML front matter can be edited so.
func Graduate(site *siteio.Site, slug, left, nowAt string, today time.Time) (Change, error) {
	var ch Change
	if _, err := time.Parse(time.DateOnly, left); err != nil {
		return ch, fmt.Errorf("--left %q is not a date (want YYYY-MM-DD)", left)
	}
	rel, err := find(site, slug)
	if err != nil {
		return ch, err
	}
	ch.Path = rel
	src, err := os.ReadFile(site.Abs(rel))
	if err != nil {
		return ch, err
	}
	doc, err := frontmatter.Parse(src)
	if err != nil {
		return ch, fmt.Errorf("%s: %v; fix it first (labtool validate shows where)", rel, err)
	}
	if doc.Format != frontmatter.YAMLFrontMatter {
		return ch, fmt.Errorf("%s: front matter in %s, which labtool cannot edit keeping its comments; add left: %s by hand", rel, doc.Format, left)
	}
	node, err := doc.YAMLNode()
	if err != nil {
		return ch, fmt.Errorf("%s: %v", rel, err)
	}
	if node == nil || len(node.Content) == 0 || node.Content[0].Kind != yaml.MappingNode {
		return ch, fmt.Errorf("%s: the front matter is not a mapping of fields", rel)
	}
	m := node.Content[0]
	if v := value(m, "title"); v != nil {
		ch.Name = v.Value
	}
	if v := value(m, "left"); v != nil {
		ch.OldLeft = v.Value
	}
	set(m, "left", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: left}, "joined")
	if nowAt != "" {
		set(m, "now_at", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: nowAt}, "left")
	}
	ch.Future = left > today.Format(time.DateOnly)

	var fm bytes.Buffer
	enc := yaml.NewEncoder(&fm)
	enc.SetIndent(2)
	if err := enc.Encode(node); err != nil {
		return ch, err
	}
	if err := enc.Close(); err != nil {
		return ch, err
	}
	out := rebuild(doc, fm.Bytes())
	err = site.Replace(rel, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
	return ch, err
}

// rebuild puts new front matter between the file's delimiters, keeping
// its byte order mark, line endings and body byte for byte.
func rebuild(doc *frontmatter.Document, fm []byte) []byte {
	nl := "\n"
	if doc.CRLF {
		nl = "\r\n"
		fm = bytes.ReplaceAll(fm, []byte("\n"), []byte("\r\n"))
	}
	var b bytes.Buffer
	if doc.BOM {
		b.WriteString("\uFEFF")
	}
	b.WriteString("---" + nl)
	b.Write(fm)
	b.WriteString("---" + nl)
	b.Write(doc.Body)
	return b.Bytes()
}

// value returns the value of key in the mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set gives key the value v in the mapping m: in place when the key is
// there (its comments kept), else right after the key after when that is
// there, else at the end.
func set(m *yaml.Node, key string, v *yaml.Node, after string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			v.LineComment, v.HeadComment, v.FootComment = old.LineComment, old.HeadComment, old.FootComment
			m.Content[i+1] = v
			return
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == after {
			at = i + 2
		}
	}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// find returns the page of the person slug, relative to the site.
func find(site *siteio.Site, slug string) (string, error) {
	if slug == "" || strings.ContainsAny(slug, `/\`) || slug == "." || slug == ".." {
		return "", fmt.Errorf("%q is not a person's slug (the name of their file under content/people/, without .md)", slug)
	}
	for _, rel := range []string{"content/people/" + slug + ".md", "content/people/" + slug + "/index.md"} {
		if _, err := os.Stat(site.Abs(rel)); err == nil {
			return rel, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	return "", &NotFoundError{Slug: slug, Suggestion: closest(site, slug)}
}

// closest returns the slug of content/people/ nearest to slug (at most
// three edits), or "".
func closest(site *siteio.Site, slug string) string {
	entries, _ := os.ReadDir(site.Abs("content/people"))
	best, bestD := "", 4
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() {
			if path.Ext(name) != ".md" || strings.HasPrefix(name, "_") {
				continue
			}
			name = strings.TrimSuffix(name, ".md")
		}
		if d := textdist.Distance(slug, name, bestD); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

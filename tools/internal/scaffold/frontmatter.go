package scaffold

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
	"go.yaml.in/yaml/v3"
)

// frontMatter builds a YAML front-matter block from yaml.v3 nodes, so that
// every value is quoted exactly as much as YAML needs.
type frontMatter struct{ m *yaml.Node }

func newFrontMatter() *frontMatter {
	return &frontMatter{m: &yaml.Node{Kind: yaml.MappingNode}}
}

// set adds the field f with value v, which is a string, an int, a bool
// or a []string, with f's documentation as a comment above it when doc is set.
func (fm *frontMatter) set(f model.Field, v any, doc bool) {
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Name}
	if doc {
		key.HeadComment = comment(fieldDoc(f))
	}
	fm.m.Content = append(fm.m.Content, key, valueNode(f.Kind, v))
}

// fieldDoc is f's documentation, with the values its enum allows.
func fieldDoc(f model.Field) string {
	doc := f.Doc
	if len(f.Enum) > 0 {
		doc += " One of: " + strings.Join(f.Enum, ", ") + "."
	}
	return doc
}

func valueNode(k model.Kind, v any) *yaml.Node {
	switch v := v.(type) {
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(v)}
	case []string:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, s := range v {
			seq.Content = append(seq.Content, stringNode(s))
		}
		return seq
	case string:
		if k == model.Date {
			// YYYY-MM-DD or RFC 3339, both YAML timestamps: written plain.
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: v}
		}
		return stringNode(v)
	}
	panic(fmt.Sprintf("scaffold: unsupported front-matter value %T", v))
}

// stringNode is a string scalar. yaml.v3 quotes whatever YAML 1.2 would
// read as another type; the YAML 1.1 booleans (yes, no, on, off, y, n) are
// quoted too, because some parsers still read them as booleans.
func stringNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off":
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// bytes returns the front matter between its --- delimiters, followed by a
// blank line and body.
func (fm *frontMatter) bytes(body string) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm.m); err != nil {
		// Nodes built by set always encode.
		panic(err)
	}
	enc.Close()
	b.WriteString("---\n")
	if body != "" {
		b.WriteString("\n" + strings.TrimRight(body, "\n") + "\n")
	}
	return b.Bytes()
}

// comment wraps text into comment lines of at most 76 columns (yaml.v3
// adds the "# ").
func comment(text string) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > 76 {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

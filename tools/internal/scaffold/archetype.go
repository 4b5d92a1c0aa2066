package scaffold

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
	"go.yaml.in/yaml/v3"
)

// The theme's archetypes (theme/archetypes) are generated from the model:
//
//go:generate go test -run TestArchetypesUpToDate -update .

// ArchetypeName returns the file name of type t's archetype in
// theme/archetypes: its section's name, or default.md for plain pages.
func ArchetypeName(t *model.Type) string {
	if t.Section == "" {
		return "default.md"
	}
	return t.Section + ".md"
}

// Archetype returns the Hugo archetype of type t: a template that `hugo new
// content` turns into a valid page. Its front matter holds the title (from
// the file name), every required field (a date from the creation time, the
// model's example for the others) and, commented out, every other field of
// the type with its documentation, ready to uncomment.
func Archetype(t *model.Type) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	var optional []model.Field
	for _, f := range t.Fields {
		switch {
		case f.Name == "title":
			b.WriteString("title: " + titleTemplate(t) + "\n")
		case f.Required:
			writeComment(&b, fieldDoc(f))
			b.WriteString(archetypeLine(f) + "\n")
		default:
			optional = append(optional, f)
		}
	}
	if len(optional) > 0 {
		fmt.Fprintf(&b, "\n# Optional fields: uncomment to use. `labtool schema %s` lists them all.\n", t.Name)
		for _, f := range optional {
			writeComment(&b, fieldDoc(f))
			b.WriteString("# " + archetypeLine(f) + "\n")
		}
	}
	b.WriteString("---\n")
	if t.EmptyBodyWarning {
		b.WriteString("\n" + ThemeBody + "\n")
	}
	return b.Bytes()
}

// titleTemplate makes the title from the file name: "ada-lovelace" gives
// "Ada Lovelace" for a person, "hippocampal-planning" gives "Hippocampal
// planning" for the others. jsonify quotes it, a valid YAML string.
func titleTemplate(t *model.Type) string {
	if t.Name == "person" {
		return `{{ replace .File.ContentBaseName "-" " " | title | jsonify }}`
	}
	return `{{ .File.ContentBaseName | humanize | jsonify }}`
}

// archetypeLine is "name: value" for f: the creation date for a date, the
// model's example, or an empty value of f's kind.
func archetypeLine(f model.Field) string {
	if f.Kind == model.Date {
		return f.Name + ": {{ .Date }}"
	}
	var v any
	switch {
	case f.Example != "":
		v = exampleValue(f)
	case f.Kind == model.StringList:
		v = []string{}
	case f.Kind == model.Int:
		v = 0
	case f.Kind == model.Bool:
		v = false
	default:
		v = ""
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Name})
	switch v := v.(type) {
	case bool:
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)})
	case []string:
		seq := valueNode(f.Kind, v)
		seq.Style = yaml.FlowStyle
		n.Content = append(n.Content, seq)
	default:
		n.Content = append(n.Content, valueNode(f.Kind, v))
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		panic(err)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func writeComment(b *bytes.Buffer, text string) {
	for _, line := range strings.Split(comment(text), "\n") {
		b.WriteString("# " + line + "\n")
	}
}

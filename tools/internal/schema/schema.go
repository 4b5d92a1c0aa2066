// Package schema exports the content model as JSON Schema (draft 2020-12),
// one schema per content type, so that editors can complete and check
// front matter.
//
// The schemas use only keywords that mean the same in draft-07 (type,
// properties, required, enum, pattern, format, items, description,
// examples, additionalProperties), so validators that stop at draft-07,
// such as Ajv's default build, accept them too.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
)

// Draft is the JSON Schema dialect of every schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// DatePattern accepts YYYY-MM-DD, optionally followed by a time and a zone
// (2026-01-31T09:30:00+01:00), as Hugo does. The other formats' patterns
// come from the model (model.Format.Pattern); image and file paths cannot
// be checked without the site, so they are plain strings.
const DatePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|z|[+-][0-9]{2}:?[0-9]{2})?)?$`

// Schema is a JSON Schema; fields marshal in this order.
type Schema struct {
	Schema               string      `json:"$schema,omitempty"`
	Title                string      `json:"title,omitempty"`
	Description          string      `json:"description,omitempty"`
	Type                 string      `json:"type,omitempty"`
	Format               string      `json:"format,omitempty"`
	Pattern              string      `json:"pattern,omitempty"`
	Enum                 []string    `json:"enum,omitempty"`
	Items                *Schema     `json:"items,omitempty"`
	Properties           *Properties `json:"properties,omitempty"`
	Required             []string    `json:"required,omitempty"`
	AdditionalProperties *bool       `json:"additionalProperties,omitempty"`
	Examples             []any       `json:"examples,omitempty"`
	Defs                 *Properties `json:"$defs,omitempty"`
}

// Properties are named schemas that marshal in the order they were added.
type Properties struct {
	names   []string
	schemas map[string]*Schema
}

// Add appends the schema s under name.
func (p *Properties) Add(name string, s *Schema) {
	if p.schemas == nil {
		p.schemas = map[string]*Schema{}
	}
	p.names = append(p.names, name)
	p.schemas[name] = s
}

// MarshalJSON writes the properties as an object, in order.
func (p *Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range p.names {
		if i > 0 {
			b.WriteByte(',')
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(name); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := enc.Encode(p.schemas[name]); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// For returns the schema of content type t: every field it accepts, its own
// and Hugo's common ones, with their types, formats, enums and
// documentation; its required fields; and other fields allowed (labtool
// validate warns about them instead).
func For(t *model.Type) *Schema {
	yes := true
	s := &Schema{
		Schema:               Draft,
		Title:                title(t),
		Description:          t.Doc,
		Type:                 "object",
		Properties:           &Properties{},
		AdditionalProperties: &yes,
	}
	for _, f := range t.AllFields() {
		s.Properties.Add(f.Name, field(f))
		// A field the lab's .bib may give (a publication's title, authors
		// and date) is required by validate only of a page without an entry
		// in data/publications.json, which a schema cannot see.
		if f.Required && !f.FromBibTeX {
			s.Required = append(s.Required, f.Name)
		}
	}
	return s
}

// All returns one document holding the schema of every content type under
// $defs, by type name: reference one as labsite.schema.json#/$defs/theme.
func All() *Schema {
	s := &Schema{
		Schema:      Draft,
		Title:       "labsite front matter",
		Description: "The front matter of every labsite content type, under $defs by type name: " + strings.Join(Names(), ", ") + ".",
		Defs:        &Properties{},
	}
	for _, t := range model.Types {
		d := For(t)
		d.Schema = ""
		s.Defs.Add(t.Name, d)
	}
	return s
}

// Names returns the content types' names, in model order.
func Names() []string {
	var names []string
	for _, t := range model.Types {
		names = append(names, t.Name)
	}
	return names
}

// Lookup returns the content type called name, accepting its section's
// name too (research for theme, people for person).
func Lookup(name string) *model.Type {
	if t := model.TypeNamed(name); t != nil {
		return t
	}
	for _, t := range model.Types {
		if t.Section != "" && t.Section == name {
			return t
		}
	}
	return nil
}

// Marshal returns s as indented JSON with a final newline.
func Marshal(s *Schema) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		// A Schema holds only strings, numbers, bools and lists of them.
		panic(err)
	}
	return b.Bytes()
}

func title(t *model.Type) string {
	where := "content/" + t.Section + "/*.md"
	if t.Section == "" {
		where = "any other content file, and every section's _index.md"
	}
	return fmt.Sprintf("labsite %s (%s)", t.Noun, where)
}

func field(f model.Field) *Schema {
	s := &Schema{Description: description(f)}
	switch f.Kind {
	case model.String:
		s.Type = "string"
		format(s, f)
		s.Enum = f.Enum
	case model.Int:
		s.Type = "integer"
	case model.Bool:
		s.Type = "boolean"
	case model.Date:
		s.Type = "string"
		s.Pattern = DatePattern
	case model.StringList:
		s.Type = "array"
		s.Items = &Schema{Type: "string", Enum: f.Enum}
		format(s.Items, f)
	case model.Map:
		s.Type = "object"
	case model.Any:
		// Hugo's own fields whose shape varies: anything goes.
	}
	if f.Example != "" {
		s.Examples = []any{example(f)}
	}
	return s
}

func format(s *Schema, f model.Field) {
	s.Pattern = f.Format.Pattern()
	switch f.Format {
	case model.URL:
		s.Format = "uri"
	case model.Email:
		s.Format = "email"
	}
}

func description(f model.Field) string {
	d := f.Doc
	if f.Ref != "" {
		if t := model.TypeNamed(f.Ref); t != nil && !strings.Contains(d, "content/"+t.Section+"/") {
			d += fmt.Sprintf(" Each item is the slug of a %s (content/%s/<slug>.md).", t.Noun, t.Section)
		}
	}
	switch f.Format {
	case model.Image, model.File:
		d += " Looked up in the page bundle, then assets/, then static/."
	}
	return d
}

// example is f's example as a JSON value of f's kind.
func example(f model.Field) any {
	switch f.Kind {
	case model.Int:
		if n, err := strconv.Atoi(f.Example); err == nil {
			return n
		}
	case model.Bool:
		if b, err := strconv.ParseBool(f.Example); err == nil {
			return b
		}
	case model.StringList:
		return []string{f.Example}
	}
	return f.Example
}

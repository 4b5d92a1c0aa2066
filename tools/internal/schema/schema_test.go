package schema

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
)

// decoded is a schema read back from its JSON, as an editor reads it.
type decoded struct {
	Schema               string              `json:"$schema"`
	Type                 string              `json:"type"`
	Pattern              string              `json:"pattern"`
	Format               string              `json:"format"`
	Enum                 []string            `json:"enum"`
	Items                *decoded            `json:"items"`
	Properties           map[string]*decoded `json:"properties"`
	Required             []string            `json:"required"`
	AdditionalProperties *bool               `json:"additionalProperties"`
	Description          string              `json:"description"`
	Examples             []any               `json:"examples"`
	Defs                 map[string]*decoded `json:"$defs"`
}

func decode(t *testing.T, s *Schema) *decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal(Marshal(s), &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

var jsonTypes = map[model.Kind]string{
	model.String: "string", model.Int: "integer", model.Bool: "boolean", model.Date: "string",
	model.StringList: "array", model.Map: "object", model.Any: "",
}

// Each type's schema lists every field the type accepts, own and common,
// with its JSON type, enum and documentation, and requires exactly the
// required ones.
func TestSchemaFollowsTheModel(t *testing.T) {
	for _, typ := range model.Types {
		d := decode(t, For(typ))
		if d.Schema != Draft || d.Type != "object" || d.AdditionalProperties == nil || !*d.AdditionalProperties {
			t.Errorf("%s: header %q %q %v", typ.Name, d.Schema, d.Type, d.AdditionalProperties)
		}
		var required []string
		for _, f := range typ.AllFields() {
			p := d.Properties[f.Name]
			if p == nil {
				t.Errorf("%s: no property %s", typ.Name, f.Name)
				continue
			}
			if p.Type != jsonTypes[f.Kind] {
				t.Errorf("%s.%s: type %q, want %q", typ.Name, f.Name, p.Type, jsonTypes[f.Kind])
			}
			if p.Description == "" {
				t.Errorf("%s.%s: no description", typ.Name, f.Name)
			}
			enum := p.Enum
			if p.Items != nil {
				enum = p.Items.Enum
			}
			if !slices.Equal(enum, f.Enum) {
				t.Errorf("%s.%s: enum %v, want %v", typ.Name, f.Name, enum, f.Enum)
			}
			if f.Required && !f.FromBibTeX {
				required = append(required, f.Name)
			}
		}
		if len(d.Properties) != len(typ.AllFields()) {
			t.Errorf("%s: %d properties, the model has %d fields", typ.Name, len(d.Properties), len(typ.AllFields()))
		}
		if !slices.Equal(d.Required, required) {
			t.Errorf("%s: required %v, want %v", typ.Name, d.Required, required)
		}
	}
}

// The formats become patterns that accept good values and refuse bad ones,
// and every example in the model passes its own field's schema.
func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern   string
		good, bad []string
	}{
		{model.Color.Pattern(), []string{"#538d5f", "#ABCDEF"}, []string{"orange", "#abc", "538d5f"}},
		{model.DOI.Pattern(), []string{"10.1038/s41593-019-0520-2", "10.1101/2021.04.30.442096"}, []string{"https://doi.org/10.1038/x", "10.12/x"}},
		{model.ORCID.Pattern(), []string{"0000-0002-1825-0097", "0000-0002-9079-593X"}, []string{"0000-0002-1825", "https://orcid.org/0000-0002-1825-0097"}},
		{model.URL.Pattern(), []string{"https://example.org/a"}, []string{"example.org", "ftp://x"}},
		{DatePattern, []string{"2026-01-31", "2026-01-31T09:30:00+01:00", "2026-01-31T09:30:00Z", "2026-01-31 09:30"}, []string{"31/01/2026", "2026-1-31", "January 2026"}},
	} {
		re := regexp.MustCompile(tc.pattern)
		for _, s := range tc.good {
			if !re.MatchString(s) {
				t.Errorf("%s refuses %q", tc.pattern, s)
			}
		}
		for _, s := range tc.bad {
			if re.MatchString(s) {
				t.Errorf("%s accepts %q", tc.pattern, s)
			}
		}
	}
	for _, typ := range model.Types {
		d := decode(t, For(typ))
		for _, f := range typ.AllFields() {
			if f.Example == "" {
				continue
			}
			p := d.Properties[f.Name]
			if p.Items != nil {
				p = p.Items
			}
			if p.Pattern != "" && !regexp.MustCompile(p.Pattern).MatchString(f.Example) {
				t.Errorf("%s.%s: example %q fails its pattern %s", typ.Name, f.Name, f.Example, p.Pattern)
			}
			if len(p.Enum) > 0 && !slices.Contains(p.Enum, f.Example) {
				t.Errorf("%s.%s: example %q is not in its enum", typ.Name, f.Name, f.Example)
			}
		}
	}
}

func TestAllHoldsEveryType(t *testing.T) {
	d := decode(t, All())
	if d.Schema != Draft || len(d.Defs) != len(model.Types) {
		t.Fatalf("$schema %q, %d $defs", d.Schema, len(d.Defs))
	}
	for _, typ := range model.Types {
		def := d.Defs[typ.Name]
		if def == nil || def.Schema != "" || len(def.Properties) != len(typ.AllFields()) {
			t.Errorf("$defs/%s: %+v", typ.Name, def)
		}
	}
}

func TestLookup(t *testing.T) {
	for name, want := range map[string]string{"theme": "theme", "research": "theme", "people": "person", "publications": "publication", "news": "news", "page": "page"} {
		if got := Lookup(name); got == nil || got.Name != want {
			t.Errorf("Lookup(%q) = %v, want %s", name, got, want)
		}
	}
	if Lookup("blog") != nil {
		t.Error("Lookup(blog) found a type")
	}
}

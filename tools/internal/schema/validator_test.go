package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/schema"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/repo"
	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"
)

// compiled compiles every type's schema, as labtool schema --dir writes
// it, with a real JSON Schema validator (draft 2020-12).
func compiled(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for _, typ := range model.Types {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Marshal(schema.For(typ))))
		if err != nil {
			t.Fatal(err)
		}
		url := "https://labsite.invalid/" + typ.Name + ".schema.json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[typ.Name], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", typ.Name, err)
		}
	}
	return out
}

// instance is a content file's YAML front matter as an editor's YAML
// language server hands it to a JSON Schema validator: dates are strings.
func instance(t *testing.T, name string) any {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := frontmatter.Parse(src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if doc.Format != frontmatter.YAMLFrontMatter {
		t.Fatalf("%s: %s front matter; these sites write YAML", name, doc.Format)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(doc.Raw, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(n.Content) == 0 {
		return map[string]any{}
	}
	return toJSON(t, n.Content[0])
}

func toJSON(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, toJSON(t, c))
		}
		return l
	case yaml.AliasNode:
		return toJSON(t, n.Alias)
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value // !!str, and !!timestamp as an editor sees it
}

// check validates every typed content file under dir/content against its
// type's schema, and returns how many it checked.
func check(t *testing.T, schemas map[string]*jsonschema.Schema, dir string) int {
	t.Helper()
	n := 0
	content := filepath.Join(dir, "content")
	err := filepath.WalkDir(content, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".md") {
			return err
		}
		rel, _ := filepath.Rel(content, name)
		typ := model.TypeOf(filepath.ToSlash(rel))
		if err := schemas[typ.Name].Validate(instance(t, name)); err != nil {
			t.Errorf("%s does not match the %s schema:\n%v", name, typ.Name, err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSchemasAcceptExampleSite(t *testing.T) {
	if n := check(t, compiled(t), filepath.Join(repo.Root, "exampleSite")); n < 10 {
		t.Errorf("checked %d files; exampleSite has more", n)
	}
}

func TestSchemasAcceptFreshScaffolds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := filepath.Join(t.TempDir(), "lab")
	if _, err := scaffold.NewSite(dir, scaffold.SiteOptions{Title: "Schema Lab"}); err != nil {
		t.Fatal(err)
	}
	s, err := siteio.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Each type, with only what is required (examples stand in) and with
	// every value labtool new takes.
	for i, typ := range []string{"person", "publication", "news"} {
		if _, err := scaffold.New(s, model.TypeNamed(typ), scaffold.Options{Title: fmt.Sprint("Bare ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	full := map[string]map[string]any{
		"person":      {"role": "postdoc", "position": "Postdoc", "email": "ada@example.org"},
		"publication": {"authors": []string{"Lovelace, Ada", "Grace Hopper"}, "date": "2026-01-31T09:30:00+01:00", "doi": "https://doi.org/10.1000/xyz", "venue": "V", "pubtype": "preprint"},
		"news":        {"date": "2026-02-01"},
	}
	for typ, values := range full {
		if _, err := scaffold.New(s, model.TypeNamed(typ), scaffold.Options{Title: "Full " + typ, Values: values}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := scaffold.NewTheme(s, scaffold.Options{Title: "Full theme", Values: map[string]any{"color": "#ABCDEF", "weight": 5, "summary": "S."}}); err != nil {
		t.Fatal(err)
	}
	if n := check(t, compiled(t), dir); n < 13 {
		t.Errorf("checked %d files, want the site's and the 7 new ones", n)
	}
}

// The validator is not a rubber stamp: what validate rejects, the schema
// rejects too.
func TestSchemasRejectBadFrontMatter(t *testing.T) {
	schemas := compiled(t)
	for _, tc := range []struct {
		typ  string
		json string
	}{
		{"theme", `{"title": "T", "color": "orange"}`},
		{"theme", `{"color": "#abcdef"}`},
		{"person", `{"title": "P", "role": "boss"}`},
		{"person", `{"title": "P", "role": "pi", "orcid": "0000-0002-1825-009"}`},
		{"publication", `{"title": "P", "authors": "Ada", "date": "2026-01-01"}`},
		{"publication", `{"title": "P", "authors": ["Ada"], "date": "31/01/2026"}`},
		{"news", `{"title": "N", "date": "2026-01-01", "weight": "first"}`},
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.json))
		if err != nil {
			t.Fatal(err)
		}
		if schemas[tc.typ].Validate(inst) == nil {
			t.Errorf("the %s schema accepts %s", tc.typ, tc.json)
		}
	}
}

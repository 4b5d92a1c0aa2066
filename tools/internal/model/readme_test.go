package model

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's content-field tables from the model")

const (
	fieldsStart = "<!-- content-fields:start (generated from tools/internal/model by go test -update-readme; do not edit) -->"
	fieldsEnd   = "<!-- content-fields:end -->"
)

// fieldTables renders every content type's own fields as Markdown tables.
func fieldTables() string {
	var b strings.Builder
	for _, t := range Types {
		heading := fmt.Sprintf("**%s**", t.Noun)
		where := "anywhere else under `content/`, and every section's `_index.md`"
		if t.Section != "" {
			heading += fmt.Sprintf(" (`labtool new %s`)", t.Name)
			where = fmt.Sprintf("`content/%s/<slug>.md` (or a bundle, `<slug>/index.md`)", t.Section)
		}
		fmt.Fprintf(&b, "\n%s: %s  \nFiles: %s.\n\n", heading, t.Doc, where)
		b.WriteString("| field | type | required | rule | meaning |\n|---|---|---|---|---|\n")
		for _, f := range t.Fields {
			rule := ""
			switch {
			case f.Enum != nil:
				rule = "one of `" + strings.Join(f.Enum, "`, `") + "`"
			case f.Ref != "":
				rule = "slugs of " + TypeNamed(f.Ref).Noun + " pages"
			case f.Format != Plain:
				rule = f.Format.String()
			}
			req := ""
			if f.Required {
				req = "yes"
			}
			if f.FromBibTeX {
				req = "yes, unless the .bib gives it"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", f.Name, f.Kind, req, rule, strings.ReplaceAll(f.Doc, "|", "\\|"))
		}
	}
	b.WriteString("\nEvery type also takes Hugo's own front-matter fields: ")
	var names []string
	for _, f := range Common {
		names = append(names, "`"+f.Name+"`")
	}
	b.WriteString(strings.Join(names, ", ") + ".\n")
	return b.String()
}

// The README documents every content field, and stays true to the model.
func TestReadmeDocumentsEveryField(t *testing.T) {
	const path = "../../../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, fieldsStart), strings.Index(readme, fieldsEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q … %q", fieldsStart, fieldsEnd)
	}
	want := readme[:i+len(fieldsStart)] + "\n" + fieldTables() + readme[j:]
	if want == readme {
		return
	}
	if *updateReadme {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's content-field tables are out of date with the model: run go test ./tools/internal/model -update-readme")
}

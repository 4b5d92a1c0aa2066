// Package agreement checks that labtool validate and the pinned Hugo agree
// on every validate fixture: each site the validate scripts
// (tools/testdata/script/validate_*.txtar) run validate on, and the sites
// of validate's testdata.
//
// For each site, the files validate finds no error in must build. Then
// each file with errors is added to them on its own (files that share a
// URL together) and built again: Hugo must fail, or show the symptom that
// makes the page other than its author meant, rule by rule (see symptoms).
package agreement

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/validate"
)

// fixture is one site validate is tested on.
type fixture struct {
	name string
	// files are the fixture's files by slash path; the site is in folder
	// site of them (a site may use files beside it, such as a theme).
	files map[string][]byte
	site  string
}

// scriptFixtures returns the sites the validate scripts run validate on.
func scriptFixtures(t *testing.T) []fixture {
	scripts, err := filepath.Glob(filepath.Join(hugotest.Root, "tools", "testdata", "script", "validate_*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	execLine := regexp.MustCompile(`(?m)^!?\s*exec labtool validate\b(.*)$`)
	for _, script := range scripts {
		ar, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range ar.Files {
			files[f.Name] = f.Data
		}
		var sites []string
		for _, m := range execLine.FindAllStringSubmatch(string(ar.Comment), -1) {
			site := "."
			args := strings.Fields(m[1])
			for i := 0; i < len(args); i++ {
				switch {
				case args[i] == "--format" || args[i] == "--snippets":
					i++
				case !strings.HasPrefix(args[i], "-"):
					site = args[i]
				}
			}
			if !slices.Contains(sites, site) {
				sites = append(sites, site)
			}
		}
		name := strings.TrimSuffix(filepath.Base(script), ".txtar")
		for _, site := range sites {
			out = append(out, fixture{name: path.Join(name, site), files: files, site: site})
		}
	}
	return out
}

// dirFixture reads a fixture site from a folder.
func dirFixture(t *testing.T, name, dir string) fixture {
	f := fixture{name: name, files: map[string][]byte{}, site: "."}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		f.files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// write writes files into a new folder.
func write(t *testing.T, files map[string][]byte) string {
	dir := t.TempDir()
	for rel, data := range files {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// factsTemplate writes Hugo's reading of each page: its title, draft,
// weight and parameters, in an extra output format.
const factsTemplate = `{{ $file := "" }}{{ with .File }}{{ $file = .Path }}{{ end }}{{ dict "file" $file "title" .Title "draft" .Draft "weight" .Weight "params" .Params | jsonify }}`

// hugoSite returns the files of a fixture as Hugo builds them: its own
// hugo.toml, with the theme imported from this repository (or from the
// fixture's theme folder, when hugo.toml replaces it by one, with this
// repository's theme under the fixture's files) and the Markdown settings
// labsite sites use, and an output format with each page's facts.
func hugoSite(t *testing.T, f fixture, files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	cfg := map[string]any{}
	if data, ok := f.files[path.Join(f.site, "hugo.toml")]; ok {
		if err := toml.Unmarshal(data, &cfg); err != nil {
			t.Fatal(err)
		}
	}
	theme := filepath.ToSlash(hugotest.ThemeDir)
	if m, ok := cfg["module"].(map[string]any); ok {
		if r, ok := m["replacements"].(string); ok {
			_, local, _ := strings.Cut(r, "->")
			dir := path.Join(f.site, "themes", strings.TrimSpace(local))
			err := filepath.WalkDir(hugotest.ThemeDir, func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				rel, _ := filepath.Rel(hugotest.ThemeDir, p)
				out[path.Join(dir, filepath.ToSlash(rel))] = data
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			theme = strings.TrimSpace(local)
		}
	}
	for rel, data := range files {
		out[rel] = data
	}
	cfg["baseURL"] = "https://lab.example/"
	cfg["module"] = map[string]any{
		"replacements": "github.com/neuralml/labsite/theme -> " + theme,
		"imports":      []any{map[string]any{"path": "github.com/neuralml/labsite/theme"}},
	}
	var markup map[string]any
	if err := toml.Unmarshal([]byte(hugotest.Markup), &markup); err != nil {
		t.Fatal(err)
	}
	cfg["markup"] = markup
	cfg["outputFormats"] = map[string]any{"facts": map[string]any{"mediaType": "application/json", "baseName": "facts", "isPlainText": true, "notAlternative": true}}
	cfg["outputs"] = map[string]any{"page": []any{"html", "facts"}, "section": []any{"html", "rss", "facts"}, "home": []any{"html", "rss", "facts"}}
	data, err := toml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	out[path.Join(f.site, "hugo.toml")] = data
	out[path.Join(f.site, "layouts", "all.facts.json")] = []byte(factsTemplate)
	return out
}

// built is the result of one Hugo build.
type built struct {
	err    error
	log    string
	public string
	// facts are Hugo's reading of each page, by content file.
	facts map[string]facts
}

type facts struct {
	File   string         `json:"file"`
	Title  string         `json:"title"`
	Draft  bool           `json:"draft"`
	Weight int            `json:"weight"`
	Params map[string]any `json:"params"`
}

func build(t *testing.T, f fixture, files map[string][]byte) *built {
	dir := write(t, hugoSite(t, f, files))
	site, err := hugotest.Run(t, filepath.Join(dir, filepath.FromSlash(f.site)), "--buildDrafts")
	b := &built{err: err, log: site.Log, public: site.Public, facts: map[string]facts{}}
	if err != nil {
		return b
	}
	_ = filepath.WalkDir(site.Public, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Name() == "facts.json" {
			data, _ := os.ReadFile(p)
			var fa facts
			if json.Unmarshal(data, &fa) == nil && fa.File != "" {
				b.facts["content/"+fa.File] = fa
			}
		}
		return nil
	})
	return b
}

// html returns every HTML page of the build, concatenated.
func (b *built) html() string {
	var all strings.Builder
	_ = filepath.WalkDir(b.public, func(p string, e fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			all.Write(data)
		}
		return nil
	})
	return all.String()
}

func TestAgreement(t *testing.T) {
	fixtures := scriptFixtures(t)
	fixtures = append(fixtures, dirFixture(t, "validate/golden", filepath.Join(hugotest.Root, "tools", "internal", "validate", "testdata", "golden", "site")))
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			checkFixture(t, f)
		})
	}
}

// notReadByHugo are the rules about files Hugo does not read: the .bib
// files labtool imports from.
var notReadByHugo = []string{validate.RuleBibtex, validate.RuleBibtexDuplicate}

func checkFixture(t *testing.T, f fixture) {
	dir := write(t, f.files)
	r, err := validate.Site(filepath.Join(dir, filepath.FromSlash(f.site)), validate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The files with errors, each its own unit but for files that share a
	// URL, which go together.
	units := map[string][]string{}
	diags := map[string][]validate.Diagnostic{}
	for _, d := range r.Diagnostics {
		if d.Severity != validate.Error || slices.Contains(notReadByHugo, d.Rule) {
			continue
		}
		rel := path.Join(f.site, d.Path)
		unit := rel
		if d.Rule == validate.RuleDuplicateURL {
			unit = "duplicate URLs"
		}
		if !slices.Contains(units[unit], rel) {
			units[unit] = append(units[unit], rel)
		}
		diags[rel] = append(diags[rel], d)
	}
	base := map[string][]byte{}
	for rel, data := range f.files {
		if diags[rel] == nil && !strings.HasPrefix(rel, "want") {
			base[rel] = data
		}
	}
	if b := build(t, f, base); b.err != nil {
		t.Errorf("validate finds no error in these files, yet Hugo fails on them:\n%v", b.err)
		return
	}
	for _, unit := range units {
		files := maps(base)
		for _, rel := range unit {
			files[rel] = f.files[rel]
		}
		b := build(t, f, files)
		if b.err != nil {
			continue // Hugo fails too
		}
		for _, rel := range unit {
			for _, d := range diags[rel] {
				check, ok := symptoms[d.Rule]
				if !ok {
					t.Errorf("%s\nvalidate reports an error, and Hugo builds the page:\n%s", d, b.log)
					continue
				}
				if msg := check(b, f.files[rel], d); msg != "" {
					t.Errorf("%s\nvalidate reports an error, yet Hugo builds the page as meant: %s", d, msg)
				}
			}
		}
	}
}

func maps(m map[string][]byte) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// symptoms are, for the rules whose errors Hugo builds, how the built
// site shows that the page is not what its author meant: each returns ""
// when the symptom is there, or what Hugo did instead. A rule missing here
// is one Hugo must fail on.
var symptoms = map[string]func(b *built, src []byte, d validate.Diagnostic) string{
	// The theme warns and takes a palette colour.
	validate.RuleColor: func(b *built, src []byte, d validate.Diagnostic) string {
		if regexp.MustCompile(`(?m)^WARN .*` + regexp.QuoteMeta(d.Path) + `: color`).MatchString(b.log) {
			return ""
		}
		return "the theme does not warn about the colour"
	},
	// The value is published as written (a broken link or address), or
	// the theme leaves it out (the link is lost); either way the page
	// lacks the working link its author meant.
	// An address the site never links (javascript:, data: …), in a .bib
	// file or data/bibliography.json: the theme leaves the link out, so
	// the page lacks the link its author meant (and never prints a dead
	// #ZgotmplZ one).
	validate.RuleUnsafeURL: func(b *built, src []byte, d validate.Diagnostic) string {
		page := strings.ToLower(b.html())
		if strings.Contains(page, "zgotmplz") {
			return "the site prints a #ZgotmplZ link"
		}
		for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
			if regexp.MustCompile(`^\s*(javascript|data|vbscript):`).MatchString(html.UnescapeString(m[1])) {
				return "the site links to " + m[1]
			}
		}
		return ""
	},
	validate.RuleURL:   publishedAsWritten,
	validate.RuleDOI:   publishedAsWritten,
	validate.RuleORCID: publishedAsWritten,
	validate.RuleEmail: publishedAsWritten,
	// Hugo reads the field as something other than the model's kind, or
	// another value than the one written.
	validate.RuleType:    misread,
	validate.RuleBoolean: misread,
	validate.RuleEnum:    misread,
	// Hugo has no value for the field.
	validate.RuleRequired: func(b *built, src []byte, d validate.Diagnostic) string {
		name := regexp.MustCompile(`field "(\w+)"`).FindStringSubmatch(d.Message)[1]
		fa, ok := b.facts[d.Path]
		if !ok {
			return "" // not published at all
		}
		if v := hugoValue(fa, name); v != nil && v != "" && !isEmptyList(v) {
			return fmt.Sprintf("Hugo reads %s as %#v", name, v)
		}
		return ""
	},
	validate.RuleEmptyFile: func(b *built, src []byte, d validate.Diagnostic) string {
		if fa, ok := b.facts[d.Path]; ok && fa.Title != "" {
			return fmt.Sprintf("Hugo publishes it with the title %q", fa.Title)
		}
		return ""
	},
	// No link to the page referred to.
	validate.RuleRef: func(b *built, src []byte, d validate.Diagnostic) string {
		slug := regexp.MustCompile(`"([^"]+)"`).FindStringSubmatch(d.Message)[1]
		if regexp.MustCompile(`href="[^"]*/` + regexp.QuoteMeta(slug) + `/"`).MatchString(b.html()) {
			return "the site links to " + slug
		}
		return ""
	},
	// Hugo publishes no file of that name.
	validate.RuleMissingFile: func(b *built, src []byte, d validate.Diagnostic) string {
		name := path.Base(regexp.MustCompile(`"([^"]+)"`).FindStringSubmatch(d.Message)[1])
		found := ""
		_ = filepath.WalkDir(b.public, func(p string, e fs.DirEntry, err error) error {
			if err == nil && e.Name() == name {
				found = p
			}
			return nil
		})
		if found != "" {
			return "Hugo publishes " + found
		}
		return ""
	},
	// One of the pages is lost.
	validate.RuleDuplicateURL: func(b *built, src []byte, d validate.Diagnostic) string {
		other := regexp.MustCompile(`also the URL of (\S+)`).FindStringSubmatch(d.Message)[1]
		_, ok1 := b.facts[d.Path]
		_, ok2 := b.facts[other]
		if ok1 && ok2 {
			return "Hugo publishes both " + d.Path + " and " + other
		}
		return ""
	},
	// The site has no publication from it.
	validate.RuleBibliography: func(b *built, src []byte, d validate.Diagnostic) string {
		if strings.Contains(b.html(), `class="reference`) {
			return "the site lists publications from it"
		}
		return ""
	},
}

// valueAt returns the front-matter value of src at the diagnostic's
// position, and the name of its top-level field.
func valueAt(src []byte, d validate.Diagnostic) (string, *frontmatter.Value) {
	doc, _ := frontmatter.Parse(src)
	at := frontmatter.Pos{Line: d.Line, Col: d.Col}
	var find func(v *frontmatter.Value) *frontmatter.Value
	find = func(v *frontmatter.Value) *frontmatter.Value {
		if v.Pos == at {
			return v
		}
		for _, it := range v.Items {
			if f := find(it); f != nil {
				return f
			}
		}
		for _, e := range v.Entries {
			if f := find(e.Value); f != nil {
				return f
			}
		}
		return nil
	}
	for _, e := range doc.Entries {
		if v := find(e.Value); v != nil {
			return e.Key, v
		}
	}
	return "", nil
}

func publishedAsWritten(b *built, src []byte, d validate.Diagnostic) string {
	_, v := valueAt(src, d)
	if v == nil {
		return "no value at the diagnostic's position"
	}
	// As written in text, in an attribute, or in a URL (whose escapes
	// Go's templates write in lower case).
	page := strings.ToLower(b.html())
	for _, form := range []string{v.Text, html.EscapeString(v.Text), url.PathEscape(v.Text)} {
		if strings.Contains(page, strings.ToLower(form)) {
			return ""
		}
	}
	// Left out: no link of the site holds what the value names.
	core := strings.ToLower(strings.Trim(v.Text, "/ "))
	if i := strings.LastIndex(core, "://"); i >= 0 {
		core = core[i+3:]
	}
	for _, m := range regexp.MustCompile(`(?:href|content)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if core != "" && strings.Contains(m[1], core) {
			return fmt.Sprintf("the site links to %s for %q", m[1], v.Text)
		}
	}
	return ""
}

// hugoValue returns Hugo's value of a page's field.
func hugoValue(fa facts, name string) any {
	switch strings.ToLower(name) {
	case "title":
		return fa.Title
	case "draft":
		return fa.Draft
	case "weight":
		return fa.Weight
	}
	return fa.Params[strings.ToLower(name)]
}

func isEmptyList(v any) bool {
	l, ok := v.([]any)
	return ok && len(l) == 0
}

func misread(b *built, src []byte, d validate.Diagnostic) string {
	name, v := valueAt(src, d)
	if v == nil {
		return "no value at the diagnostic's position"
	}
	fa, ok := b.facts[d.Path]
	if !ok {
		return "" // not published
	}
	got := hugoValue(fa, name)
	typ := model.TypeOf(strings.TrimPrefix(d.Path, "content/"))
	field, _ := typ.Field(name)
	if d.Rule == validate.RuleEnum {
		if slices.Contains(field.Enum, fmt.Sprint(got)) {
			return fmt.Sprintf("Hugo reads %s as %v, an allowed value", name, got)
		}
		return ""
	}
	var want bool
	switch field.Kind {
	case model.String:
		_, want = got.(string)
	case model.Int:
		n, ok := got.(float64)
		want = ok && n == float64(int(n))
		if _, ok := got.(int); ok {
			want = true
		}
	case model.Bool:
		_, want = got.(bool)
	case model.StringList:
		l, ok := got.([]any)
		want = ok
		for _, it := range l {
			if _, ok := it.(string); !ok {
				want = false
			}
		}
	default:
		want = true
	}
	if want && v.Kind != frontmatter.ListValue && v.Kind != frontmatter.MapValue && fmt.Sprint(got) == v.Text {
		return fmt.Sprintf("Hugo reads %s as %#v, as written", name, got)
	}
	return ""
}

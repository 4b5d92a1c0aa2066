package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"go.yaml.in/yaml/v3"
)

// emptySite returns a site folder holding only a hugo.toml.
func emptySite(t *testing.T) (*siteio.Site, string) {
	t.Helper()
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "hugo.toml"), "title = \"Test lab\"\n")
	s, err := siteio.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func writeTestFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// frontMatterOf reads back the front matter of a file labtool wrote.
func frontMatterOf(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := yaml.Unmarshal(yamlBlock(t, data), &m); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	return m
}

// yamlBlock returns the YAML front matter of a file labtool wrote.
func yamlBlock(t *testing.T, data []byte) []byte {
	t.Helper()
	s := string(data)
	end := strings.Index(s, "\n---\n")
	if !strings.HasPrefix(s, "---\n") || end < 0 {
		t.Fatalf("no YAML front matter:\n%s", data)
	}
	return data[4 : end+1]
}

// Titles that YAML would read as something else come back as written. (A
// title with a control character is refused: TestControlCharactersRefused.)
func TestTitlesRoundTrip(t *testing.T) {
	for _, title := range []string{
		`Yes: "no" #1`, "yes", "No", "on", "OFF", "y", "2026", "3.14", "null", "~", "true",
		"- a list?", "key: value", "[flow]", "{map}", "'single'", `"double"`, "a # not a comment",
		"Émotions & décisions", "Σύναψη", "trailing space ", "*alias", "&anchor", "!tag", "%percent", "@at", "`tick`",
	} {
		s, dir := emptySite(t)
		res, err := WriteEntry(s, Entry{Type: model.TypeNamed("news"), Title: title, Slug: "x", Values: map[string]any{"date": "2026-01-02"}}, false)
		if err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		if res.Path != filepath.Join(dir, "content/news/x.md") {
			t.Errorf("path %s", res.Path)
		}
		got := frontMatterOf(t, res.Path)["title"]
		if got != title {
			data, _ := os.ReadFile(res.Path)
			t.Errorf("title %q came back as %#v from\n%s", title, got, data)
		}
	}
}

func TestUnicodeTitleSlug(t *testing.T) {
	s, dir := emptySite(t)
	res, err := NewTheme(s, Options{Title: "Émotions & décisions"})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "research", "emotions-decisions.md"); res.Path != want {
		t.Errorf("path %s, want %s", res.Path, want)
	}
	if got := frontMatterOf(t, res.Path)["title"]; got != "Émotions & décisions" {
		t.Errorf("title %q", got)
	}
}

func TestBadNames(t *testing.T) {
	s, dir := emptySite(t)
	for _, tc := range []struct{ title, slug, want string }{
		{"!!!", "", "empty file name"},
		{"../..", "", "empty file name"},
		{"   ", "", "title is empty"},
		{"Fine", "..", "not a slug"},
		{"Fine", ".", "not a slug"},
		{"Fine", "../../etc/passwd", `like "etc-passwd"`},
		{"Fine", "a/b", "not a slug"},
		{"Fine", "Upper", `like "upper"`},
	} {
		_, err := NewTheme(s, Options{Title: tc.title, Slug: tc.slug})
		var ne *NameError
		if !errors.As(err, &ne) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("title %q slug %q: got %v, want a NameError containing %q", tc.title, tc.slug, err, tc.want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "research")); len(entries) > 0 {
		t.Errorf("bad names wrote files: %v", entries)
	}
}

func TestNeverOverwritesWithoutForce(t *testing.T) {
	s, dir := emptySite(t)
	name := filepath.Join(dir, "content", "people", "ada-lovelace.md")
	writeTestFile(t, name, "mine\n")
	_, err := New(s, person, Options{Title: "Ada Lovelace", Values: map[string]any{"role": "pi"}})
	var exists *siteio.ExistsError
	if !errors.As(err, &exists) || exists.Path != name || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("got %v, want ExistsError naming %s and --force", err, name)
	}
	if data, _ := os.ReadFile(name); string(data) != "mine\n" {
		t.Errorf("file changed: %q", data)
	}
	if _, err := New(s, person, Options{Title: "Ada Lovelace", Values: map[string]any{"role": "pi"}, Force: true}); err != nil {
		t.Fatal(err)
	}
	if got := frontMatterOf(t, name)["role"]; got != "pi" {
		t.Errorf("forced write: role %v", got)
	}
	// No temp file is left behind.
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("folder holds %v", entries)
	}
}

func TestSlugTakenByBundle(t *testing.T) {
	s, dir := emptySite(t)
	writeTestFile(t, filepath.Join(dir, "content", "research", "planning", "index.md"), "---\ntitle: Planning\n---\nBody.\n")
	_, err := NewTheme(s, Options{Title: "Planning", Force: true})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("research", "planning", "index.md")) {
		t.Fatalf("got %v, want an error naming the bundle", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "research", "planning.md")); err == nil {
		t.Error("wrote planning.md next to the planning bundle")
	}
}

func TestSymlinkOutsideSite(t *testing.T) {
	s, dir := emptySite(t)
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content", "research")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := NewTheme(s, Options{Title: "Escape"})
	if err == nil || !strings.Contains(err.Error(), "outside the site folder") {
		t.Fatalf("got %v, want an error about leaving the site", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("wrote outside the site: %v", entries)
	}
	// A symlink that stays inside the site is fine.
	if err := os.Remove(filepath.Join(dir, "content", "research")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "shared", "research"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "shared", "research"), filepath.Join(dir, "content", "research")); err != nil {
		t.Fatal(err)
	}
	if _, err := NewTheme(s, Options{Title: "Inside"}); err != nil {
		t.Errorf("symlink inside the site: %v", err)
	}
}

func TestThemeWeightAndColour(t *testing.T) {
	s, dir := emptySite(t)
	first, err := NewTheme(s, Options{Title: "One"})
	if err != nil {
		t.Fatal(err)
	}
	if first.Weight != 10 || first.Color != model.DefaultPalette[0] {
		t.Errorf("first theme: weight %d colour %s", first.Weight, first.Color)
	}
	// Existing themes in TOML, JSON and a bundle count, with the colours
	// they use, compared without case.
	writeTestFile(t, filepath.Join(dir, "content/research/toml.md"), "+++\ntitle = \"T\"\nweight = 40\ncolor = \"#C97B33\"\n+++\nBody.\n")
	writeTestFile(t, filepath.Join(dir, "content/research/json.md"), "{\"title\": \"J\", \"weight\": 25, \"color\": \"#538d5f\"}\nBody.\n")
	writeTestFile(t, filepath.Join(dir, "content/research/bundle/index.md"), "\ufeff---\r\ntitle: B\r\nweight: 35\r\n---\r\nBody.\r\n")
	writeTestFile(t, filepath.Join(dir, "content/research/_index.md"), "---\ntitle: Research\nweight: 1000\n---\n")
	writeTestFile(t, filepath.Join(dir, "content/research/broken.md"), "---\ntitle: [\n---\n")
	next, err := NewTheme(s, Options{Title: "Two"})
	if err != nil {
		t.Fatal(err)
	}
	if next.Weight != 50 || next.Color != model.DefaultPalette[3] {
		t.Errorf("next theme: weight %d colour %s, want 50 %s", next.Weight, next.Color, model.DefaultPalette[3])
	}
	w := 5
	given, err := NewTheme(s, Options{Title: "Three", Values: map[string]any{"weight": w, "color": "#ABCDEF", "summary": "S."}})
	if err != nil {
		t.Fatal(err)
	}
	fm := frontMatterOf(t, given.Path)
	if fm["weight"] != 5 || fm["color"] != "#abcdef" || fm["summary"] != "S." {
		t.Errorf("given values: %v", fm)
	}
	// Replacing a theme with --force does not count its own weight.
	again, err := NewTheme(s, Options{Title: "Two", Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if again.Weight != 50 {
		t.Errorf("forced theme: weight %d, want 50", again.Weight)
	}
}

func TestThemeTakesSitePalette(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "hugo.toml"), "title = \"x\"\n[params.labsite]\npalette = [\"nope\", \"#112233\", \"#445566\"]\n")
	s, err := siteio.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"#112233", "#445566", "#112233"} {
		res, err := NewTheme(s, Options{Title: string(rune('A' + i))})
		if err != nil {
			t.Fatal(err)
		}
		if res.Color != want {
			t.Errorf("colour %s, want %s", res.Color, want)
		}
	}
}

func TestBadValues(t *testing.T) {
	s, dir := emptySite(t)
	for _, tc := range []struct {
		run   func() error
		field string
	}{
		{func() error {
			_, err := NewTheme(s, Options{Title: "A", Values: map[string]any{"color": "orang"}})
			return err
		}, "color"},
		{func() error {
			_, err := New(s, person, Options{Title: "A", Values: map[string]any{"role": "boss"}})
			return err
		}, "role"},
		{func() error {
			_, err := New(s, person, Options{Title: "A", Values: map[string]any{"email": "ada at example"}})
			return err
		}, "email"},
		{func() error {
			_, err := New(s, publication, Options{Title: "A", Values: map[string]any{"date": "2026-01-01", "doi": "doi.org/x"}})
			return err
		}, "doi"},
		{func() error {
			_, err := New(s, publication, Options{Title: "A", Values: map[string]any{"date": "2026-01-01", "pubtype": "blog"}})
			return err
		}, "pubtype"},
		{func() error {
			_, err := New(s, news, Options{Title: "A", Values: map[string]any{"date": "31/01/2026"}})
			return err
		}, "date"},
		{func() error {
			_, err := New(s, publication, Options{Title: "A", Values: map[string]any{"date": "2026-01-01", "authors": []string{"A", " "}}})
			return err
		}, "authors"},
	} {
		err := tc.run()
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Field != tc.field {
			t.Errorf("got %v, want a ValueError on %s", err, tc.field)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		t.Error("a bad value still wrote a file")
	}
}

func TestPublicationValues(t *testing.T) {
	s, _ := emptySite(t)
	res, err := New(s, publication, Options{
		Title: "A deep learning framework for neuroscience", Values: map[string]any{
			"authors": []string{"Richards, Blake A.", "Lillicrap, Timothy P."}, "date": "2019-10-28",
			"doi": "https://doi.org/10.1038/s41593-019-0520-2", "venue": "Nature Neuroscience", "pubtype": "article",
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Examples) != 0 {
		t.Errorf("examples used: %v", res.Examples)
	}
	fm := frontMatterOf(t, res.Path)
	want := map[string]any{
		"title":   "A deep learning framework for neuroscience",
		"authors": []any{"Richards, Blake A.", "Lillicrap, Timothy P."},
		"doi":     "10.1038/s41593-019-0520-2",
		"venue":   "Nature Neuroscience",
		"pubtype": "article",
	}
	for k, v := range want {
		if !reflect.DeepEqual(fm[k], v) {
			t.Errorf("%s = %#v, want %#v", k, fm[k], v)
		}
	}
	data, _ := os.ReadFile(res.Path)
	if !strings.Contains(string(data), "\ndate: 2019-10-28\n") {
		t.Errorf("date not written plain:\n%s", data)
	}
}

func TestExamplesFillRequiredFields(t *testing.T) {
	s, _ := emptySite(t)
	res, err := New(s, person, Options{Title: "Ada Lovelace"})
	if err != nil {
		t.Fatal(err)
	}
	role, _ := model.TypeNamed("person").Field("role")
	if len(res.Examples) != 1 || res.Examples[0].Name != "role" {
		t.Fatalf("examples %v", res.Examples)
	}
	if got := frontMatterOf(t, res.Path)["role"]; got != role.Example {
		t.Errorf("role %v, want the example %s", got, role.Example)
	}
	pub, err := New(s, publication, Options{Title: "P", Values: map[string]any{"date": "2026-01-01"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(pub.Examples) != 1 || pub.Examples[0].Name != "authors" {
		t.Errorf("examples %v", pub.Examples)
	}
}

// Every field a scaffold writes is one of its type's, with a value of the
// field's kind: a check of the writer against the model that does not
// depend on the validator.
func TestScaffoldsFollowTheModel(t *testing.T) {
	s, dir := emptySite(t)
	w := 7
	results := []string{}
	add := func(path string, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, path)
	}
	th, err := NewTheme(s, Options{Title: "T", Values: map[string]any{"weight": w, "summary": "S"}})
	add(th.Path, err)
	p, err := New(s, person, Options{Title: "P", Values: map[string]any{"role": "postdoc", "position": "Postdoc", "email": "p@example.org"}})
	add(p.Path, err)
	pub, err := New(s, publication, Options{Title: "Pub", Values: map[string]any{"authors": []string{"A"}, "date": "2026-01-01", "doi": "10.1000/x", "venue": "V", "pubtype": "preprint"}})
	add(pub.Path, err)
	n, err := New(s, news, Options{Title: "N", Values: map[string]any{"date": "2026-01-01T09:30:00+01:00"}})
	add(n.Path, err)
	for _, name := range results {
		rel, _ := filepath.Rel(filepath.Join(dir, "content"), name)
		typ := model.TypeOf(filepath.ToSlash(rel))
		data, _ := os.ReadFile(name)
		var doc yaml.Node
		if err := yaml.Unmarshal(yamlBlock(t, data), &doc); err != nil {
			t.Fatal(err)
		}
		m := doc.Content[0]
		for i := 0; i < len(m.Content); i += 2 {
			key, val := m.Content[i].Value, m.Content[i+1]
			f, ok := typ.Field(key)
			if !ok {
				t.Errorf("%s: field %s is not in the model", rel, key)
				continue
			}
			wantTag := map[model.Kind]string{model.String: "!!str", model.Int: "!!int", model.Date: "!!timestamp", model.StringList: "!!seq"}[f.Kind]
			if val.ShortTag() != wantTag {
				t.Errorf("%s: %s is %s, want %s", rel, key, val.ShortTag(), wantTag)
			}
		}
		for _, f := range typ.AllFields() {
			if f.Required && frontMatterOf(t, name)[f.Name] == nil {
				t.Errorf("%s: required field %s missing", rel, f.Name)
			}
		}
	}
}

var (
	person      = model.TypeNamed("person")
	publication = model.TypeNamed("publication")
	news        = model.TypeNamed("news")
)

func TestControlCharactersRefused(t *testing.T) {
	for _, title := range []string{"two\nlines", "tab\there", "cr\rhere", "nul\x00", "del\x7f", "next\u0085line", "sep\u2029"} {
		s, dir := emptySite(t)
		_, err := WriteEntry(s, Entry{Type: model.TypeNamed("news"), Title: title, Slug: "x", Values: map[string]any{"date": "2026-01-02"}}, false)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Field != "title" {
			t.Errorf("%q: err = %v, want a ValueError for title", title, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "content/news/x.md")); err == nil {
			t.Errorf("%q: the file was written", title)
		}
	}
}

package jekyll

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*/golden.txtar")

// fixtures are the Jekyll sites of testdata/, each in the shape of a real
// template (see each one's README in src/ or the comment in its golden
// file): the seed page, jekyll new, al-folio, academicpages, the Greene
// Lab template and the Allan Lab template.
func fixtures(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("testdata/*/src")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var names []string
	for _, d := range dirs {
		names = append(names, filepath.Base(filepath.Dir(d)))
	}
	return names
}

// importFixture imports testdata/<name>/src into a new folder.
func importFixture(t *testing.T, name string, themePath string) (string, *Report) {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	o := Options{Source: filepath.Join("testdata", name, "src"), Site: site, ThemePath: themePath}
	// A fixture's bibliography.bib, beside src/, is given with --bibliography.
	if bib := filepath.Join("testdata", name, "bibliography.bib"); fileExists(bib) {
		o.Bibliography = bib
	}
	rep, err := Import(o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return site, rep
}

// skipGolden are the files every site gets the same (labtool new site's
// tests cover them), and binary files.
var skipGolden = []string{"go.mod", "netlify.toml", ".gitignore"}

// TestGolden imports each fixture and compares the site written, and the
// report, with testdata/<name>/golden.txtar (go test -update rewrites
// them).
func TestGolden(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			site, rep := importFixture(t, name, "")
			rep.Site = "SITE"
			var js bytes.Buffer
			if err := rep.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			ar := &txtar.Archive{
				Comment: []byte("The site that labtool import jekyll writes from src/, and its report.\nRegenerate with: go test ./tools/internal/importer/jekyll -update\n"),
				Files:   []txtar.File{{Name: "REPORT.json", Data: js.Bytes()}},
			}
			for _, f := range rep.Files {
				if slices.Contains(skipGolden, f) || !isText(f) {
					continue
				}
				data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(f)))
				if err != nil {
					t.Fatal(err)
				}
				ar.Files = append(ar.Files, txtar.File{Name: f, Data: data})
			}
			got := txtar.Format(ar)
			golden := filepath.Join("testdata", name, "golden.txtar")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from what the import writes now (go test -update rewrites it); first difference:\n%s", golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func isText(f string) bool {
	switch strings.ToLower(filepath.Ext(f)) {
	case ".md", ".toml", ".json", ".yml", ".yaml", ".txt", ".bib":
		return true
	}
	return false
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + x + "\n  got:  " + y
		}
	}
	return "(none)"
}

// TestImportedSitesValidate checks every imported fixture with labtool
// validate: the content the import writes follows the content model.
func TestImportedSitesValidate(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			site, _ := importFixture(t, name, "")
			r, err := validate.Site(site, validate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range r.Diagnostics {
				t.Errorf("%s", d)
			}
		})
	}
}

// A _config.yml that does not parse is an error at the line YAML names
// (go.yaml.in/yaml/v3 names the line before an unclosed [), and the rest
// of the site is imported all the same.
func TestBadConfigIsReportedAndTheImportGoesOn(t *testing.T) {
	src := t.TempDir()
	for name, data := range map[string]string{
		"_config.yml":              "title: Lab\nurl: [unclosed\ndescription: x\n",
		"about.md":                 "---\ntitle: About\n---\nWe study snails.\n",
		"_posts/2024-01-02-hi.md":  "---\ntitle: Hi\n---\nHello.\n",
		"_posts/2024-01-03-bad.md": "---\ntitle: [bad\n---\nThe text of a post whose front matter is broken.\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(t.TempDir(), "site")
	rep, err := Import(Options{Source: src, Site: site})
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, it := range rep.Items {
		items = append(items, it.String())
	}
	for _, want := range []string{"_config.yml:1: error: _config.yml does not parse", "_posts/2024-01-03-bad.md:2: error: front matter does not parse"} {
		if !slices.ContainsFunc(items, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("report lacks %q:\n%s", want, strings.Join(items, "\n"))
		}
	}
	if rep.Errors() != 2 {
		t.Errorf("want 2 errors, got %d:\n%s", rep.Errors(), strings.Join(items, "\n"))
	}
	for _, f := range []string{"content/about.md", "content/news/2024-01-02-hi.md", "content/news/2024-01-03-bad.md", "hugo.toml"} {
		if !fileExists(filepath.Join(site, f)) {
			t.Errorf("%s was not written", f)
		}
	}
	data, _ := os.ReadFile(filepath.Join(site, "content/news/2024-01-03-bad.md"))
	if !strings.Contains(string(data), "The text of a post whose front matter is broken.") {
		t.Errorf("the broken post lost its text:\n%s", data)
	}
}

// A date without an offset is a time in the site's timezone, as Jekyll
// reads it: the written date carries the offset, and the post's old URL
// keeps its day even where UTC has moved to the next one.
func TestDatesInTheSitesTimezone(t *testing.T) {
	src := t.TempDir()
	for name, data := range map[string]string{
		"_config.yml":               "title: Lab\ntimezone: America/New_York\n",
		"_posts/2024-02-01-late.md": "---\ntitle: Late\ndate: 2024-02-01 21:30:00\n---\nAt night.\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(t.TempDir(), "site")
	if _, err := Import(Options{Source: src, Site: site}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(site, "content/news/2024-02-01-late.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"date: 2024-02-01T21:30:00-05:00", "- /2024/02/01/late.html"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the post lacks %q:\n%s", want, data)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(site, "hugo.toml"))
	if !strings.Contains(string(cfg), "timeZone = 'America/New_York'") {
		t.Errorf("hugo.toml has no timeZone:\n%s", cfg)
	}
}

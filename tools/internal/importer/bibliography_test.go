package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/siteio"
)

const seed = "../bibtex/testdata/references.bib"

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteBibliography(t *testing.T) {
	site := t.TempDir()
	res, err := WriteBibliography(openSite(t, site), seed)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(site, "data", "bibliography.json")
	if res.Path != want || res.Entries != 3 || len(res.Diagnostics) != 0 {
		t.Fatalf("result %+v, want 3 entries written to %s", res, want)
	}
	got, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	// The same bytes as the golden file of the bibtex package.
	golden, err := os.ReadFile("../bibtex/testdata/references.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(golden) {
		t.Errorf("bibliography.json differs from ../bibtex/testdata/references.json:\n%s", got)
	}
	if !strings.HasPrefix(string(got), "[\n  {\n    \"id\": ") || !strings.HasSuffix(string(got), "}\n]\n") {
		t.Errorf("want a two-space indented array ending with a newline:\n%s", got)
	}
	if names := files(t, filepath.Join(site, "data")); !slices.Equal(names, []string{"bibliography.json"}) {
		t.Errorf("data/ holds %q, want only bibliography.json", names)
	}
	if info, err := os.Stat(want); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
	}
}

func TestWriteBibliographyOverwrites(t *testing.T) {
	site := t.TempDir()
	path := filepath.Join(site, "data", "bibliography.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	bib := filepath.Join(t.TempDir(), "one.bib")
	if err := os.WriteFile(bib, []byte("@misc{k, title = {T}, year = 2020}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteBibliography(openSite(t, site), bib); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), `"citation-label": "T 2020"`) {
		t.Errorf("not overwritten:\n%s", got)
	}
}

func TestWriteBibliographyPartial(t *testing.T) {
	site := t.TempDir()
	bib := filepath.Join(t.TempDir(), "refs.bib")
	src := "@article{good, title = {Good}, year = 2020}\n@article{bad,\n  title = {Bad}\n  year = 2020\n}\n@article{also, title = {Also}}\n"
	if err := os.WriteFile(bib, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := WriteBibliography(openSite(t, site), bib)
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 2 || res.Path == "" {
		t.Errorf("result %+v, want the 2 good entries written", res)
	}
	if len(res.Diagnostics) != 1 || !strings.HasPrefix(res.Diagnostics[0].Error(), bib+":4:3: ") {
		t.Errorf("diagnostics %v, want one at %s:4:3", res.Diagnostics, bib)
	}
}

func TestWriteBibliographyNothingReadable(t *testing.T) {
	site := t.TempDir()
	path := filepath.Join(site, "data", "bibliography.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bib := filepath.Join(t.TempDir(), "broken.bib")
	if err := os.WriteFile(bib, []byte("@article{only, title = {Unclosed}"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := WriteBibliography(openSite(t, site), bib)
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != "" || res.Entries != 0 || len(res.Diagnostics) != 1 {
		t.Errorf("result %+v, want nothing written and one diagnostic", res)
	}
	if got, _ := os.ReadFile(path); string(got) != "[]\n" {
		t.Errorf("the existing bibliography was changed: %q", got)
	}
}

func TestWriteBibliographyEmptyFile(t *testing.T) {
	site := t.TempDir()
	bib := filepath.Join(t.TempDir(), "empty.bib")
	if err := os.WriteFile(bib, []byte("% no entries yet\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := WriteBibliography(openSite(t, site), bib)
	if err != nil || res.Entries != 0 || res.Path == "" {
		t.Fatalf("result %+v, %v; want an empty bibliography written", res, err)
	}
	if got, _ := os.ReadFile(res.Path); string(got) != "[]\n" {
		t.Errorf("got %q, want \"[]\\n\"", got)
	}
}

func TestWriteBibliographyErrors(t *testing.T) {
	site := t.TempDir()
	if _, err := WriteBibliography(openSite(t, site), filepath.Join(site, "missing.bib")); err == nil {
		t.Errorf("missing .bib: no error")
	}

	// data/ is a symlink out of the site: the site writer refuses it.
	outside := t.TempDir()
	linked := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(linked, "data")); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteBibliography(openSite(t, linked), seed); err == nil || !strings.Contains(err.Error(), "outside the site") {
		t.Errorf("data/ links outside the site: %v, want a refusal", err)
	}
	if names := files(t, outside); len(names) != 0 {
		t.Errorf("wrote %q outside the site", names)
	}

	// data/ cannot be created: the error names the file, and no temporary
	// file is left behind.
	blocked := t.TempDir()
	if err := os.WriteFile(filepath.Join(blocked, "data"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteBibliography(openSite(t, blocked), seed); err == nil {
		t.Error("data is a file: no error")
	}
	if names := files(t, blocked); !slices.Equal(names, []string{"data"}) {
		t.Errorf("site holds %q after a failed write", names)
	}
}

func openSite(t *testing.T, dir string) *siteio.Site {
	t.Helper()
	s, err := siteio.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

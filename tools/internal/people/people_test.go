package people

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/siteio"
)

// A file with a byte order mark and CRLF line endings keeps both, and its
// body byte for byte.
func TestGraduateKeepsBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "title = \"Lab\"\n")
	write("content/people/ada.md", "\uFEFF---\r\ntitle: Ada\r\nrole: phd # for now\r\n---\r\n\r\nBody\r\n  stays.\r\n")
	site, err := siteio.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	ch, err := Graduate(site, "ada", "2026-06-15", "", today)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Future || ch.Name != "Ada" || ch.Path != "content/people/ada.md" {
		t.Errorf("change = %+v", ch)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "content", "people", "ada.md"))
	want := "\uFEFF---\r\ntitle: Ada\r\nrole: phd # for now\r\nleft: 2026-06-15\r\n---\r\n\r\nBody\r\n  stays.\r\n"
	if string(got) != want {
		t.Errorf("file =\n%q\nwant\n%q", got, want)
	}
	if ch, _ := Graduate(site, "ada", "2026-06-16", "", today); !ch.Future {
		t.Error("a date after today is not reported as in the future")
	}
}

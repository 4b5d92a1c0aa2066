// Package demolab builds the Lovelace Lab, the fictional lab of
// tools/tests/testdata/demolab.txtar, for tests of the team and
// publication pages: its lab.bib imported as `labtool import bibtex lab.bib`
// does, and one portrait drawn as a PNG, then built with Hugo's clock set
// to Clock so that who is an alumnus does not depend on the day the tests
// run.
package demolab

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// Clock is "today" for the demo lab's builds (hugo --clock): Otto Byron
// left the day before (an alumnus), Petra Quill leaves today and Grace
// Hopper tomorrow (both current).
const Clock = "2026-06-15T12:00:00Z"

// Dir writes the demo lab into a new temp folder, draws Ada's portrait and
// imports lab.bib, and returns the folder.
func Dir(t testing.TB) string {
	t.Helper()
	archive, err := os.ReadFile(filepath.Join(hugotest.Root, "tools", "tests", "testdata", "demolab.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := hugotest.Fixture(t, string(archive))
	portrait := filepath.Join(dir, "assets", "images", "people", "ada.png")
	if err := os.MkdirAll(filepath.Dir(portrait), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(portrait, drawPortrait(300, 200), 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := siteio.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.BibTeX(site, filepath.Join(dir, "lab.bib"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Matches) > 0 {
		t.Fatalf("importing the demo lab's lab.bib: %v %v", res.Diagnostics, res.Matches)
	}
	return dir
}

// Build writes the demo lab (see Dir) and builds it into public with
// Hugo's clock at Clock and the extra args.
func Build(t testing.TB, public string, args ...string) (*hugotest.Site, error) {
	t.Helper()
	return hugotest.RunTo(t, Dir(t), public, append([]string{"--clock", Clock}, args...)...)
}

// drawPortrait returns a w×h PNG: two coloured halves, so that a crop to
// a square shows.
func drawPortrait(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{0x4a, 0x77, 0xb4, 0xff}
			if x > w/2 {
				c = color.RGBA{0xc9, 0x7b, 0x33, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

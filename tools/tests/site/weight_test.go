package site

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"golang.org/x/net/html"
)

// maxGzipped is what the research page and a publication page may weigh,
// gzipped, counting the HTML and every stylesheet and script it loads
// (issue 11).
const maxGzipped = 8 * 1024

// TestResearchAndPublicationPagesWeighUnder8KB: the research page and a
// publication page (from the .bib, through the content adapter) each weigh
// at most 8 KB gzipped with their CSS, and run no JavaScript (JSON-LD is
// data, not script).
func TestResearchAndPublicationPagesWeighUnder8KB(t *testing.T) {
	site := exampleSite(t)
	pub := ""
	entries, err := os.ReadDir(filepath.Join(site.Public, "publications"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "types" && e.Name() != "themes" && e.Name() != "page" {
			pub = "publications/" + e.Name() + "/index.html"
			break
		}
	}
	if pub == "" {
		t.Fatal("exampleSite has no publication page")
	}
	for _, page := range []string{"research/index.html", pub} {
		doc, err := html.Parse(strings.NewReader(site.Read(t, page)))
		if err != nil {
			t.Fatal(err)
		}
		total := gzipSize(t, []byte(site.Read(t, page)))
		parts := []string{page}
		for _, e := range hugotest.All(doc, func(e hugotest.Element) bool { return e.Data == "link" || e.Data == "script" }) {
			if e.Data == "script" {
				if typ, _ := e.Attr("type"); typ != "application/ld+json" {
					t.Errorf("%s runs a script (type %q): pages carry no JavaScript", page, typ)
				}
				if src, ok := e.Attr("src"); ok {
					total += gzipSize(t, []byte(site.Read(t, strings.TrimPrefix(src, "/"))))
					parts = append(parts, src)
				}
				continue
			}
			rel, _ := e.Attr("rel")
			if href, _ := e.Attr("href"); rel == "stylesheet" {
				total += gzipSize(t, []byte(site.Read(t, strings.TrimPrefix(path.Clean(href), "/"))))
				parts = append(parts, href)
			}
		}
		if len(parts) < 2 {
			t.Errorf("%s loads no stylesheet", page)
		}
		if total > maxGzipped {
			t.Errorf("%s weighs %d bytes gzipped with %v, over %d", page, total, parts[1:], maxGzipped)
		}
		t.Logf("%s: %d bytes gzipped, with %v", page, total, parts[1:])
	}
}

// gzipSize is the size of data compressed with gzip -9.
func gzipSize(t *testing.T, data []byte) int {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Len()
}

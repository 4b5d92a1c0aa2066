package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/neuralml/labsite/tools/internal/testkit/demolab"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/serve"
)

// teamLayout is what the team and publications pages report about
// themselves.
type teamLayout struct {
	InnerWidth  float64 `json:"innerWidth"`
	ScrollWidth float64 `json:"scrollWidth"`
	// Overflowing lists elements wider than the viewport.
	Overflowing []string `json:"overflowing"`
	// Cards is how many person cards (or publication entries) are visible.
	Items int `json:"items"`
}

const teamLayoutJS = `(() => {
  const w = window.innerWidth;
  const over = [...document.querySelectorAll('main *')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5); })
    .filter(e => !e.closest('pre'))
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
  const items = [...document.querySelectorAll('.person-card, .alumnus, .publication')]
    .filter(e => e.getBoundingClientRect().height > 0).length;
  return {innerWidth: w, scrollWidth: document.documentElement.scrollWidth, overflowing: over.slice(0, 5), items};
})()`

// TestDemoLab builds the fictional demo lab (tools/internal/testkit/demolab)
// as Netlify would, serves it with netlify.toml's headers and checks its
// team and publication pages in Chromium: axe-core on every page, in light
// and dark mode; the team and publications pages at 360 and 1280 px, with
// no horizontal overflow, and their screenshots (docs/screenshot-team-*.png
// and docs/screenshot-publications-*.png with -update-screenshot).
func TestDemoLab(t *testing.T) {
	requireChromium(t)
	rules, err := serve.LoadNetlifyHeaders(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	l := serve.Listen(t)
	base := "http://" + l.Addr().String()
	built, err := demolab.Build(t, filepath.Join(t.TempDir(), "public"), "--minify", "--baseURL", base+"/")
	if err != nil {
		t.Fatal(err)
	}
	serve.Start(t, l, built.Public, rules)
	s := &site{Site: built, URL: base}
	t.Run("axe", func(t *testing.T) { testAxe(t, s) })
	for _, page := range []struct{ name, path string }{{"team", "/people/"}, {"publications", "/publications/"}} {
		for _, width := range []int64{360, 1280} {
			t.Run(fmt.Sprintf("%s/%d", page.name, width), func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.run(t, "emulating the device", viewport(width, 800), colorScheme("light"))
				tb.navigate(t, s.URL+page.path)
				tb.checkConsole(t, page.path)
				tb.checkNoScripts(t, page.path)
				lay := eval[teamLayout](t, tb, "measuring the page", teamLayoutJS)
				if lay.ScrollWidth > lay.InnerWidth || len(lay.Overflowing) > 0 {
					t.Errorf("%s at %d px overflows: scrollWidth %v > %v; %v", page.path, width, lay.ScrollWidth, lay.InnerWidth, lay.Overflowing)
				}
				if lay.Items < 3 {
					t.Errorf("%s at %d px shows %d entries", page.path, width, lay.Items)
				}
				full, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("full-page screenshot: %v", err)
				}
				name := fmt.Sprintf("screenshot-%s-%d.png", page.name, width)
				saveScreenshot(t, name, full)
				if *updateScreenshot {
					if t.Failed() {
						t.Fatalf("not updating docs/%s from a page that fails its checks", name)
					}
					if err := os.WriteFile(filepath.Join(hugotest.Root, "docs", name), full, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("updated docs/%s", name)
				}
			})
		}
	}
}

package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/npmtools"
	"github.com/neuralml/labsite/tools/internal/testkit/serve"
)

// axeTags are the rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']`

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t\t%s", strings.Join(n.Target, " "))
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t\t"))
		}
	}
	return b.String()
}

var axeSource struct {
	once sync.Once
	js   string
	err  error
}

// runAxe injects axe-core into the loaded page and returns its WCAG A/AA
// violations. The script goes in through DevTools (Runtime.evaluate),
// which the page's CSP does not govern, so the page itself stays free of
// scripts.
func runAxe(t *testing.T, tb *tab) []axeViolation {
	t.Helper()
	path := npmtools.Path(t, "axe-core/axe.min.js")
	axeSource.once.Do(func() {
		b, err := os.ReadFile(path)
		axeSource.js, axeSource.err = string(b), err
	})
	if axeSource.err != nil {
		t.Fatal(axeSource.err)
	}
	tb.run(t, "injecting axe-core", chromedp.Evaluate[chromedp.Void](axeSource.js))
	return eval[[]axeViolation](t, tb, "running axe-core", `axe.run(document, {
	  runOnly: {type: 'tag', values: `+axeTags+`},
	  resultTypes: ['violations'],
	}).then(r => r.violations.map(v => ({
	  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
	  nodes: v.nodes.map(n => ({target: n.target.map(String), summary: n.failureSummary || ''})),
	})))`)
}

// testAxe runs axe-core on every HTML page of the site, in light and in
// dark mode (the dark palette has its own contrasts), and checks that no
// page logs an error or a CSP violation or has a script.
func testAxe(t *testing.T, s *site) {
	for _, p := range s.Pages(t) {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(p+"/"+scheme, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.run(t, "emulating the device", viewport(1280, 800), colorScheme(scheme))
				url := pageURL(p)
				tb.navigate(t, s.URL+url)
				tb.checkConsole(t, url)
				tb.checkNoScripts(t, url)
				for _, v := range runAxe(t, tb) {
					t.Errorf("%s (%s mode): %s", url, scheme, v)
				}
			})
		}
	}
}

// The axe check can fail: on a page with known WCAG failures, served with
// netlify.toml's CSP, axe-core is injected and reports them.
func TestAxeFindsViolations(t *testing.T) {
	public := t.TempDir()
	for name, data := range map[string]string{
		// No lang, no title, an image without alt text.
		"index.html":  `<!doctype html><html><head><meta charset="utf-8"></head><body><main><img src="/dot.svg"></main></body></html>`,
		"dot.svg":     `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="5"/></svg>`,
		"favicon.ico": "",
	} {
		if err := os.WriteFile(filepath.Join(public, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := serve.LoadNetlifyHeaders(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve.Start(t, serve.Listen(t), public, rules)
	tb := newTab(t)
	tb.navigate(t, srv.URL+"/")
	found := map[string]bool{}
	for _, v := range runAxe(t, tb) {
		found[v.ID] = true
	}
	for _, id := range []string{"html-has-lang", "document-title", "image-alt"} {
		if !found[id] {
			t.Errorf("axe-core did not report %s; it found %v", id, found)
		}
	}
	tb.checkConsole(t, "axe fixture")
}

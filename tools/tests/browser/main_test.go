// Package browser checks the built exampleSite in a real browser: Debian's
// Chromium, driven by chromedp, loading the pages from a loopback server
// that sends netlify.toml's headers (tools/internal/testkit/serve), so the production
// Content-Security-Policy applies. It checks the research page's layout
// and colours at a phone and a laptop size, light and dark, that a
// citation leads to its reference, and runs axe-core on every page.
//
//	go test ./tools/tests/browser                  # all checks
//	go test ./tools/tests/browser -artifacts       # keep the screenshots (in ./_artifacts)
//	go test ./tools/tests/browser -run 'ExampleSite/research/1280x800/light' -update-screenshot
//	                                         # refresh the README's docs/screenshot-research.png
package browser

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/needs"
	"github.com/neuralml/labsite/tools/internal/testkit/serve"
)

var updateScreenshot = flag.Bool("update-screenshot", false,
	"write the full-page screenshots of the README and docs: the research page at 1280×800 to docs/screenshot-research.png, the demo lab's team and publications pages at 360 and 1280 px to docs/screenshot-{team,publications}-{360,1280}.png")

// chromiumPath is Debian's Chromium (apt-get install -y chromium). The
// tests never download a browser.
const chromiumPath = "/usr/bin/chromium"

// actionTimeout bounds one page's checks, so a hung browser fails the test
// instead of the whole run.
const actionTimeout = 90 * time.Second

var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// startBrowser starts the one headless Chromium that every test of the
// package opens its tabs in.
func startBrowser() {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // the tests run as root in CI
		chromedp.DisableGPU,
		// The machine has no route out: keep Chromium from phoning home.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.cancel = func() { cancel(); allocCancel() }
	// The first Run starts the browser, bound to ctx (no timeout).
	browser.err = chromedp.Do(ctx)
}

// requireChromium skips the test when Chromium is not installed, the one
// reason a browser test may skip; under CI=true it fails it instead
// (needs.Missing): .ci/run installs Chromium, and CI never skips.
func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		needs.Missing(t, "chromium not installed: apt-get install -y chromium (%v)", err)
	}
}

// tab is one browser tab with what its pages wrote to the console.
type tab struct {
	ctx     context.Context
	console *consoleLog
}

// newTab opens a tab in the shared browser, closed when the test ends. It
// skips the test only when Chromium is not installed.
func newTab(t *testing.T) *tab {
	t.Helper()
	requireChromium(t)
	browser.once.Do(startBrowser)
	if browser.err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, browser.err)
	}
	console := &consoleLog{}
	ctx, cancel := chromedp.NewContext(browser.ctx, chromedp.WithListener(console.listen))
	t.Cleanup(cancel)
	// Open the tab with no timeout: the tab lives as long as this context.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, actionTimeout)
	t.Cleanup(tcancel)
	return &tab{ctx: tctx, console: console}
}

// run runs the actions in the tab, failing the test on error.
func (tb *tab) run(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its
// value. DevTools evaluation is not subject to the page's CSP.
func eval[T any](t *testing.T, tb *tab, what, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// colorScheme emulates prefers-color-scheme: "light" or "dark".
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// viewport emulates a phone (mobile, touch, honouring <meta name=viewport>)
// below 600 px, a desktop window otherwise.
func viewport(width, height int64) chromedp.Action[chromedp.Void] {
	if width < 600 {
		return chromedp.EmulateViewport(width, height, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(width, height)
}

// navigate loads the URL and fails the test unless the server answered 200.
func (tb *tab) navigate(t *testing.T, url string) {
	t.Helper()
	lifecycle := chromedp.Events(tb.ctx, page.LifecycleEvent)
	res, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	if res.Status != 200 {
		t.Fatalf("loading %s: HTTP %d, want 200", url, res.Status)
	}
	// Wait for the network to go quiet (the favicon, late images), so that
	// a failed request is in the console before it is checked.
	var loader cdp.LoaderID
	for ev, err := range lifecycle {
		if err != nil {
			t.Fatalf("loading %s: waiting for the network to be idle: %v", url, err)
		}
		if ev.Name == "init" {
			loader = ev.LoaderID
		}
		if ev.Name == "networkIdle" && loader != "" && ev.LoaderID == loader {
			break
		}
	}
	// Wait until the eager images have loaded (or failed), so the checks
	// and the screenshots see the final layout. A lazy image below the fold
	// may never load, so it is not waited for.
	eval[bool](t, tb, "waiting for images", `Promise.race([
	  Promise.all([...document.images].filter(i => i.loading !== 'lazy').map(i => i.decode().catch(() => {}))),
	  new Promise(r => setTimeout(r, 10000)),
	]).then(() => true)`)
}

// consoleMessage is what the DevTools console would show.
type consoleMessage struct {
	Level  string // "error", "warning", "info", "log", "debug", "exception"
	Source string // for browser log entries: "security", "network", …
	Text   string
	URL    string
}

func (m consoleMessage) String() string {
	s := m.Level
	if m.Source != "" {
		s += " (" + m.Source + ")"
	}
	s += ": " + m.Text
	if m.URL != "" {
		s += " [" + m.URL + "]"
	}
	return s
}

// consoleLog collects a tab's console from the tab's first event on: calls
// of the console API, uncaught exceptions and the browser's own log, where
// Chrome reports CSP violations (Chromium 156: "Applying inline style
// violates the following Content Security Policy directive…"; older
// versions: "Refused to apply inline style…") and failed loads.
type consoleLog struct {
	mu   sync.Mutex
	msgs []consoleMessage
}

// listen runs on chromedp's reading goroutine: it must only record.
func (c *consoleLog) listen(ev any) {
	var m consoleMessage
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			switch {
			case len(a.Value) > 0:
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			default:
				parts = append(parts, a.Description)
			}
		}
		m = consoleMessage{Level: string(ev.Type), Text: strings.Join(parts, " ")}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		m = consoleMessage{Level: "exception", Text: d.Text, URL: d.URL}
		if d.Exception != nil && d.Exception.Description != "" {
			m.Text += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		m = consoleMessage{Level: string(ev.Entry.Level), Source: string(ev.Entry.Source), Text: ev.Entry.Text, URL: ev.Entry.URL}
	default:
		return
	}
	c.mu.Lock()
	c.msgs = append(c.msgs, m)
	c.mu.Unlock()
}

// problems returns the errors, exceptions and CSP violations (of any
// level) logged so far. Chrome delivers an event before the reply of any
// command sent after it, so after a command returns, everything the page
// logged before that command is here.
func (c *consoleLog) problems() []consoleMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []consoleMessage
	for _, m := range c.msgs {
		if m.Level == "error" || m.Level == "exception" || isCSPViolation(m) {
			out = append(out, m)
		}
	}
	return out
}

// cspViolations returns the messages that report a Content-Security-Policy
// violation.
func (c *consoleLog) cspViolations() []consoleMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []consoleMessage
	for _, m := range c.msgs {
		if isCSPViolation(m) {
			out = append(out, m)
		}
	}
	return out
}

func isCSPViolation(m consoleMessage) bool {
	return strings.Contains(m.Text, "Content Security Policy")
}

// checkConsole fails the test with every problem the tab's pages logged.
func (tb *tab) checkConsole(t *testing.T, page string) {
	t.Helper()
	// A round trip, so that every event sent before it has been recorded.
	eval[bool](t, tb, "syncing the console", "true")
	for _, m := range tb.console.problems() {
		t.Errorf("%s: console %s", page, m)
	}
}

// scripts lists the page's scripts, JSON-LD data excepted: their src, or
// the start of an inline one.
func (tb *tab) scripts(t *testing.T) []string {
	t.Helper()
	return eval[[]string](t, tb, "listing scripts",
		`[...document.scripts].filter(s => s.type !== 'application/ld+json').map(s => s.src || s.outerHTML.slice(0, 120))`)
}

// checkNoScripts fails the test for each script of the page: the theme
// has zero JavaScript, and only JSON-LD data may use a <script> element.
func (tb *tab) checkNoScripts(t *testing.T, page string) {
	t.Helper()
	for _, s := range tb.scripts(t) {
		t.Errorf("%s: has a script (the theme has zero JavaScript; only JSON-LD may use <script>): %s", page, s)
	}
}

// site is the exampleSite, built as Netlify builds it (--minify) for the
// loopback address it is served from, with netlify.toml's headers.
type site struct {
	*hugotest.Site
	URL string
}

// buildSite builds and serves the exampleSite for the test and its
// subtests.
func buildSite(t *testing.T) *site {
	t.Helper()
	rules, err := serve.LoadNetlifyHeaders(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	l := serve.Listen(t)
	base := "http://" + l.Addr().String()
	s := hugotest.Build(t, hugotest.ExampleSite, "--minify", "--baseURL", base+"/")
	serve.Start(t, l, s.Public, rules)
	return &site{Site: s, URL: base}
}

// pageURL turns a page's file in public/ into its URL path:
// "research/index.html" → "/research/".
func pageURL(rel string) string {
	if rel == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(rel, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + rel
}

// saveScreenshot writes a PNG into the test's artifact folder (kept with
// `go test -artifacts`) and logs where.
func saveScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	p := filepath.Join(t.ArtifactDir(), name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

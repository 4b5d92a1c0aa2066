package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/serve"
)

// inlinePage breaks a strict CSP three ways: a <style> element, a style=
// attribute and an inline <script>.
const inlinePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Inline</title>
<style>p { color: red; }</style>
</head>
<body>
<p style="font-weight: bold">Inline style and script.</p>
<script>document.title = "inline script ran";</script>
</body>
</html>
`

// The research page's "no CSP violation" check can fail: under
// netlify.toml's headers, a page with inline styles and an inline script
// is reported, and the script does not run. Served without the headers,
// the same page reports nothing, so the detection is the policy's doing.
func TestCSPViolationIsDetected(t *testing.T) {
	public := t.TempDir()
	for name, data := range map[string]string{
		"index.html":  inlinePage,
		"favicon.ico": "", // Chrome asks for it; a 404 would be a console error
	} {
		if err := os.WriteFile(filepath.Join(public, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := serve.LoadNetlifyHeaders(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("netlify.toml headers", func(t *testing.T) {
		srv := serve.Start(t, serve.Listen(t), public, rules)
		tb := newTab(t)
		tb.navigate(t, srv.URL+"/")
		eval[bool](t, tb, "syncing the console", "true")
		// Chrome 156 words them "Applying inline style violates the following
		// Content Security Policy directive…" (older: "Refused to apply
		// inline style…"), once per <style> and per style= attribute.
		violations := tb.console.cspViolations()
		var styles, scripts int
		var all []string
		for _, m := range violations {
			all = append(all, m.String())
			text := strings.ToLower(m.Text)
			switch {
			case strings.Contains(text, "inline style"):
				styles++
			case strings.Contains(text, "inline script"):
				scripts++
			}
		}
		if styles != 2 || scripts != 1 {
			t.Errorf("CSP violations: %d for inline styles, %d for inline scripts; want 2 and 1. Reported:\n%s",
				styles, scripts, strings.Join(all, "\n"))
		}
		if title := eval[string](t, tb, "reading the title", "document.title"); title == "inline script ran" {
			t.Error("the inline script ran under the CSP")
		}
	})

	t.Run("no headers", func(t *testing.T) {
		srv := serve.Start(t, serve.Listen(t), public, nil)
		tb := newTab(t)
		tb.navigate(t, srv.URL+"/")
		tb.checkConsole(t, "inline page without CSP")
		if got := tb.scripts(t); len(got) != 1 || !strings.Contains(got[0], "inline script ran") {
			t.Errorf("scripts = %q, want the one inline script", got)
		}
		if title := eval[string](t, tb, "reading the title", "document.title"); title != "inline script ran" {
			t.Errorf("title = %q: the inline script did not run without a CSP", title)
		}
	})
}

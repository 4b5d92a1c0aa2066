package site

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/neuralml/labsite/tools/internal/testkit/serve"
	toml "github.com/pelletier/go-toml/v2"
)

// Every page must hold under a Content-Security-Policy that forbids inline
// styles and scripts: no style attributes or elements, no inline script
// (JSON-LD, which is data, excepted), no event handler attributes, no
// javascript: URLs, and no JavaScript files at all.
func TestNoInlineStylesOrScripts(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	pages := site.Pages(t)
	if len(pages) < 10 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}
	for _, page := range pages {
		doc := site.Parse(t, page)
		for _, el := range doc.Find(func(hugotest.Element) bool { return true }) {
			for _, a := range el.Node.Attr {
				switch {
				case a.Key == "style":
					t.Errorf("%s: <%s style=%q>", page, el.Data, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: <%s %s=%q>", page, el.Data, a.Key, a.Val)
				case (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					t.Errorf("%s: <%s %s=%q>", page, el.Data, a.Key, a.Val)
				}
			}
			switch el.Data {
			case "style":
				t.Errorf("%s: inline <style> element", page)
			case "script":
				if typ, _ := el.Attr("type"); typ != "application/ld+json" {
					t.Errorf("%s: <script type=%q>: the theme has no JavaScript", page, typ)
				}
			}
		}
	}
	err := filepath.WalkDir(site.Public, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".js") {
			t.Errorf("JavaScript file in the built site: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Pages stay small: a few KB of HTML, one stylesheet of a few KB.
func TestPageWeight(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	for _, page := range site.Pages(t) {
		if n := len(site.Read(t, page)); n > 24*1024 {
			t.Errorf("%s is %d bytes of HTML", page, n)
		}
	}
	if n := len(stylesheet(t, site)); n > 16*1024 {
		t.Errorf("the stylesheet is %d bytes", n)
	}
}

type netlifyConfig struct {
	Build struct {
		Command     string
		Publish     string
		Environment map[string]string
	}
	Context map[string]struct{ Command string }
}

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var cfg netlifyConfig
	b, err := os.ReadFile(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	return cfg
}

func TestNetlifyBuild(t *testing.T) {
	t.Parallel()
	cfg := readNetlify(t)
	gomod, err := os.ReadFile(filepath.Join(hugotest.Root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/gohugoio/hugo v(\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/gohugoio/hugo")
	}
	if !regexp.MustCompile(`(?m)^tool github\.com/gohugoio/hugo$`).Match(gomod) {
		t.Error("go.mod does not pin Hugo with the tool directive")
	}
	if got := cfg.Build.Environment["HUGO_VERSION"]; got != string(m[1]) {
		t.Errorf("netlify.toml HUGO_VERSION = %q, go.mod pins %q", got, m[1])
	}
	for _, flag := range []string{"--gc", "--minify", "--source exampleSite"} {
		if !strings.Contains(cfg.Build.Command, flag) {
			t.Errorf("build command %q lacks %s", cfg.Build.Command, flag)
		}
	}
	if cfg.Build.Publish != "exampleSite/public" {
		t.Errorf("publish = %q", cfg.Build.Publish)
	}
	for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
		c, ok := cfg.Context[ctx]
		if !ok || !strings.Contains(c.Command, "-b $DEPLOY_PRIME_URL") || !strings.Contains(c.Command, "--minify") {
			t.Errorf("context %s: command %q must build with -b $DEPLOY_PRIME_URL", ctx, c.Command)
		}
	}
}

// netlifyHeaders returns the headers Netlify sends for a path, by
// netlify.toml's [[headers]] rules as tools/internal/testkit/serve applies them.
func netlifyHeaders(t *testing.T, path string) http.Header {
	t.Helper()
	rules, err := serve.LoadNetlifyHeaders(filepath.Join(hugotest.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return rules.For(path)
}

func TestNetlifyHeaders(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	for _, page := range []string{"/", "/research/", "/404.html"} {
		h := netlifyHeaders(t, page)
		csp := h.Get("Content-Security-Policy")
		for _, directive := range []string{"default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"} {
			if !slices.Contains(cspDirectives(csp), directive) {
				t.Errorf("%s: CSP %q lacks %q", page, csp, directive)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows unsafe sources: %q", page, csp)
		}
		for _, name := range []string{"Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security"} {
			if h.Get(name) == "" {
				t.Errorf("%s: netlify.toml does not set %s", page, name)
			}
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q", page, got)
		}
		if cc := h.Get("Cache-Control"); strings.Contains(cc, "immutable") {
			t.Errorf("%s: a page is cached as immutable (%q)", page, cc)
		}
	}
	// The stylesheet the pages link, whose name carries its fingerprint.
	var css string
	for _, l := range site.Parse(t, "index.html").Find(hugotest.Tag("link")) {
		if rel, _ := l.Attr("rel"); rel == "stylesheet" {
			css, _ = l.Attr("href")
		}
	}
	if cc := netlifyHeaders(t, css).Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("the fingerprinted stylesheet %s is not cached as immutable: %q", css, cc)
	}
}

// hugo server sends the headers Netlify sends, so a local preview shows
// what production will.
func TestServerHeadersMirrorNetlify(t *testing.T) {
	t.Parallel()
	netlify := map[string]string{}
	for name, values := range netlifyHeaders(t, "/research/") {
		netlify[name] = strings.Join(values, ", ")
	}
	var site struct {
		Server struct {
			Headers []struct {
				For    string
				Values map[string]string
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(hugotest.ExampleSite, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &site); err != nil {
		t.Fatal(err)
	}
	var server map[string]string
	for _, h := range site.Server.Headers {
		if h.For == "/**" {
			server = h.Values
		}
		if strings.Contains(h.Values["Cache-Control"], "immutable") {
			t.Errorf("hugo server must not cache %s as immutable: the stylesheet is not fingerprinted there", h.For)
		}
	}
	if len(netlify) == 0 || len(server) == 0 {
		t.Fatalf("headers missing: netlify %d, hugo server %d", len(netlify), len(server))
	}
	for k, v := range netlify {
		if server[k] != v {
			t.Errorf("header %s: netlify.toml %q, hugo server %q", k, v, server[k])
		}
	}
	for k := range server {
		if _, ok := netlify[k]; !ok {
			t.Errorf("header %s is sent by hugo server but not by Netlify", k)
		}
	}
}

func cspDirectives(csp string) []string {
	var out []string
	for _, d := range strings.Split(csp, ";") {
		out = append(out, strings.Join(strings.Fields(d), " "))
	}
	return out
}

// exampleSite builds without a warning from Hugo: no deprecated setting or
// function, no raw HTML dropped from the content, no invalid colour.
func TestExampleSiteBuildsWithoutWarnings(t *testing.T) {
	t.Parallel()
	site := exampleSite(t)
	for _, line := range strings.Split(site.Log, "\n") {
		if strings.Contains(line, "WARN") || strings.Contains(line, "ERROR") {
			t.Errorf("hugo: %s", line)
		}
	}
}

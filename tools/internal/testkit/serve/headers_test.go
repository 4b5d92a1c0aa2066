package serve

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/repo"
)

func TestRuleMatches(t *testing.T) {
	tests := []struct {
		rule, path string
		want       bool
	}{
		// A splat matches everything below its folder, the folder itself
		// included, as Netlify's "?(.*)" does.
		{"/*", "/", true},
		{"/*", "/research/", true},
		{"/*", "/css/main.3f2a.css", true},
		{"/css/*", "/css/main.3f2a.css", true},
		{"/css/*", "/css/", true},
		{"/css/*", "/css", true},
		{"/css/*", "/css/sub/x.css", true},
		{"/css/*", "/cssx/main.css", false},
		{"/css/*", "/research/", false},
		{"/css/*", "/", false},
		// Exact paths: an optional trailing slash, any case, nothing more.
		{"/research/", "/research/", true},
		{"/research/", "/research", true},
		{"/research", "/research/", true},
		{"/Research/", "/research/", true},
		{"/research/", "/research/x/", false},
		{"/research/", "/", false},
		{"/", "/", true},
		{"/", "/research/", false},
		{"/404.html", "/404.html", true},
		{"/404.html", "/404xhtml", false}, // the dot is literal
		// A star inside a segment and a placeholder.
		{"/images/*.svg", "/images/brainwide.svg", true},
		{"/images/*.svg", "/images/brainwide.png", false},
		{"/people/:name/", "/people/ada/", true},
		{"/people/:name/", "/people/ada/cv/", false},
		{"/people/:name/", "/people/", false},
	}
	for _, tt := range tests {
		r := Rule{For: tt.rule}
		if got := r.Matches(tt.path); got != tt.want {
			t.Errorf("for = %q, path %q: match = %v, want %v", tt.rule, tt.path, got, tt.want)
		}
	}
}

func TestRulesForLaterRulesAddAndReplace(t *testing.T) {
	rules, err := ParseNetlifyHeaders([]byte(`
[[headers]]
  for = "/*"
  [headers.values]
    X-Frame-Options = "DENY"
    Cache-Control = "no-cache"

[[headers]]
  for = "/css/*"
  [headers.values]
    Cache-Control = "public, max-age=31536000, immutable"
    X-Extra = "css"

[[headers]]
  for = "/research/"
  [headers.values]
    X-Extra = "research"
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		want  map[string]string
		unset []string
	}{
		{"/", map[string]string{"X-Frame-Options": "DENY", "Cache-Control": "no-cache"}, []string{"X-Extra"}},
		{"/css/main.css", map[string]string{"X-Frame-Options": "DENY", "Cache-Control": "public, max-age=31536000, immutable", "X-Extra": "css"}, nil},
		{"/research/", map[string]string{"X-Frame-Options": "DENY", "Cache-Control": "no-cache", "X-Extra": "research"}, nil},
		{"/research/x/", map[string]string{"X-Frame-Options": "DENY"}, []string{"X-Extra"}},
	}
	for _, tt := range tests {
		h := rules.For(tt.path)
		for k, want := range tt.want {
			if got := h.Values(k); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s = %q, want %q", tt.path, k, got, want)
			}
		}
		for _, k := range tt.unset {
			if got := h.Get(k); got != "" {
				t.Errorf("%s: %s = %q, want none", tt.path, k, got)
			}
		}
	}
}

func TestParseNetlifyHeadersValues(t *testing.T) {
	rules, err := ParseNetlifyHeaders([]byte(`
[[headers]]
  for = " /* "
  [headers.values]
    Permissions-Policy = ["camera=()", " microphone=() "]
    cache-control = '''
    max-age=0,
    no-cache,
    must-revalidate'''
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0].For != "/*" {
		t.Fatalf("rules = %+v, want one rule for \"/*\"", rules)
	}
	h := rules.For("/anything")
	if got, want := h.Get("Permissions-Policy"), "camera=(), microphone=()"; got != want {
		t.Errorf("list value = %q, want %q", got, want)
	}
	if got, want := h.Get("Cache-Control"), "max-age=0, no-cache, must-revalidate"; got != want {
		t.Errorf("multi-line value = %q, want %q", got, want)
	}
}

func TestParseNetlifyHeadersErrors(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"no for", "[[headers]]\n[headers.values]\nA = \"b\"\n", `no "for"`},
		{"number value", "[[headers]]\nfor = \"/*\"\n[headers.values]\nA = 1\n", `header "A"`},
		{"list of numbers", "[[headers]]\nfor = \"/*\"\n[headers.values]\nA = [1]\n", `item 0`},
		{"bad toml", "[[headers]\n", "toml"},
	}
	for _, tt := range tests {
		_, err := ParseNetlifyHeaders([]byte(tt.toml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one that mentions %q", tt.name, err, tt.want)
		}
	}
}

// The repository's netlify.toml sends a strict Content-Security-Policy for
// every path, pages, assets and the 404 alike.
func TestRepoNetlifyTomlSendsCSPEverywhere(t *testing.T) {
	rules, err := LoadNetlifyHeaders(filepath.Join(repo.Root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/research/", "/research/cortical-circuits/", "/css/main.min.0123abcd.css", "/no/such/page/"} {
		csp := rules.For(p).Get("Content-Security-Policy")
		if csp == "" {
			t.Errorf("%s: no Content-Security-Policy", p)
			continue
		}
		if !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: Content-Security-Policy %q lacks default-src 'self'", p, csp)
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q allows 'unsafe-inline'", p, csp)
		}
	}
}

package serve

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testRules = `
[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'self'"

[[headers]]
  for = "/css/*"
  [headers.values]
    Cache-Control = "public, max-age=31536000, immutable"
`

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, method, url string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, string(body)}
}

func TestServe(t *testing.T) {
	public := writeSite(t, map[string]string{
		"index.html":          "home",
		"research/index.html": "research",
		"css/main.abc.css":    "body{}",
		"404.html":            "not here",
	})
	rules, err := ParseNetlifyHeaders([]byte(testRules))
	if err != nil {
		t.Fatal(err)
	}
	srv := Start(t, Listen(t), public, rules)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Errorf("URL = %s, want loopback", srv.URL)
	}

	tests := []struct {
		method, path string
		status       int
		body         string
		header       map[string]string
	}{
		{"GET", "/", 200, "home", map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{"GET", "/research/", 200, "research", nil},
		{"GET", "/research/index.html", 200, "research", nil},
		{"GET", "/research", 301, "", map[string]string{"Location": "/research/"}},
		{"GET", "/research?x=1", 301, "", map[string]string{"Location": "/research/?x=1"}},
		{"GET", "/css/main.abc.css", 200, "body{}", map[string]string{
			"Content-Type":  "text/css; charset=utf-8",
			"Cache-Control": "public, max-age=31536000, immutable",
		}},
		{"GET", "/nope/", 404, "not here", map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{"GET", "/css/", 404, "not here", nil}, // a folder without index.html
		{"GET", "/%2e%2e/%2e%2e/etc/passwd", 404, "not here", nil},
		{"HEAD", "/nope", 404, "", nil},
		{"POST", "/", 405, "method not allowed\n", map[string]string{"Allow": "GET, HEAD"}},
	}
	for _, tt := range tests {
		res := get(t, tt.method, srv.URL+tt.path)
		if res.status != tt.status || (tt.method != "HEAD" && tt.status != 301 && res.body != tt.body) {
			t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.path, res.status, res.body, tt.status, tt.body)
		}
		// Every response carries the CSP, the 404 page included.
		if got := res.header.Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("%s %s: Content-Security-Policy = %q", tt.method, tt.path, got)
		}
		for k, want := range tt.header {
			if got := res.header.Get(k); got != want {
				t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, k, got, want)
			}
		}
		if !strings.HasPrefix(tt.path, "/css/") {
			if got := res.header.Get("Cache-Control"); got != "" {
				t.Errorf("%s %s: Cache-Control = %q, want none (only /css/* is immutable)", tt.method, tt.path, got)
			}
		}
	}
}

func TestServeWithout404Page(t *testing.T) {
	srv := Start(t, Listen(t), writeSite(t, map[string]string{"index.html": "home"}), nil)
	res := get(t, "GET", srv.URL+"/missing")
	if res.status != 404 || !strings.Contains(res.body, "404") {
		t.Errorf("GET /missing = %d %q, want a plain 404", res.status, res.body)
	}
}

// The folder is read at request time: a test can start the server, build
// the site for its address, then load pages.
func TestServeReadsFilesAtRequestTime(t *testing.T) {
	public := t.TempDir()
	srv := Start(t, Listen(t), public, nil)
	if res := get(t, "GET", srv.URL+"/"); res.status != 404 {
		t.Fatalf("empty folder: GET / = %d, want 404", res.status)
	}
	if err := os.WriteFile(filepath.Join(public, "index.html"), []byte("built"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := get(t, "GET", srv.URL+"/"); res.status != 200 || res.body != "built" {
		t.Errorf("after the build: GET / = %d %q", res.status, res.body)
	}
}

package sitecheck

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// DetectBaseURL returns the URL the site in public was built for, read
// from the home page: its canonical link (which Hugo themes write from
// .Permalink), or the target of its meta refresh (the redirect Hugo writes
// at the root of a multilingual site). The home page may be in a folder of
// the site (/en/), so the base URL is the canonical URL less the longest
// tail that names a folder of public with an index.html. Without either,
// it is "/", and every absolute URL counts as another site's.
func DetectBaseURL(public string, files map[string]struct{}) string {
	data, err := os.ReadFile(filepath.Join(public, "index.html"))
	if err != nil {
		return "/"
	}
	home := homeURL(data)
	u, err := url.Parse(home)
	if home == "" || err != nil || u.Host == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	// The longest tail of p that is a folder of the site: "en/" in
	// /lab/en/ when public/en/index.html exists.
	for i := 0; i < len(p); i++ {
		if p[i] != '/' {
			continue
		}
		tail := p[i+1:]
		if _, ok := files[tail+"index.html"]; ok {
			u.Path = p[:i+1]
			break
		}
	}
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u.String()
}

// homeURL returns the canonical URL of a home page, or the URL it
// redirects to.
func homeURL(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	refresh := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return refresh
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr {
				continue
			}
			switch string(name) {
			case "link", "meta":
				t := readTag(z, name)
				if t.name == "link" && hasToken(t.rel, "canonical") {
					return strings.TrimSpace(t.href)
				}
				if t.name == "meta" && strings.EqualFold(t.httpEquiv, "refresh") {
					refresh = refreshURL(t.content)
				}
			case "body":
				return refresh
			}
		}
	}
}

// hasToken reports whether a space-separated list holds a token (ASCII
// case-insensitively).
func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

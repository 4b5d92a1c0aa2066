// Package serve serves a built site (Hugo's public/ folder) on loopback the
// way Netlify serves it in production: with the [[headers]] rules of
// netlify.toml applied, pretty URLs (a folder serves its index.html) and
// 404.html for a path that does not exist. Browser tests load the site from
// it, so a page that breaks under the production Content-Security-Policy
// fails here too.
package serve

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Rule is one [[headers]] table of netlify.toml: the headers in Values are
// sent for every request whose path matches For.
type Rule struct {
	For    string
	Values http.Header
	re     *regexp.Regexp
}

// Rules are the header rules of a netlify.toml, in file order.
type Rules []Rule

// LoadNetlifyHeaders reads the [[headers]] rules of the netlify.toml file.
func LoadNetlifyHeaders(name string) (Rules, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	rules, err := ParseNetlifyHeaders(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rules, nil
}

// ParseNetlifyHeaders parses the [[headers]] rules of a netlify.toml file.
// A value is a string or a list of strings, normalised as Netlify does: a
// list is joined with ", ", and the commas of a multi-line string are
// tidied to ", ".
func ParseNetlifyHeaders(data []byte) (Rules, error) {
	var file struct {
		Headers []struct {
			For    *string        `toml:"for"`
			Values map[string]any `toml:"values"`
		} `toml:"headers"`
	}
	if err := toml.Unmarshal(data, &file); err != nil {
		return nil, err
	}
	var rules Rules
	for i, h := range file.Headers {
		if h.For == nil {
			return nil, fmt.Errorf("[[headers]] number %d has no \"for\"", i+1)
		}
		rule := Rule{For: strings.TrimSpace(*h.For), Values: http.Header{}}
		for key, raw := range h.Values {
			key = strings.TrimSpace(key)
			if key == "" {
				return nil, fmt.Errorf("[[headers]] for %q: empty header name", rule.For)
			}
			value, err := headerValue(raw)
			if err != nil {
				return nil, fmt.Errorf("[[headers]] for %q: header %q: %w", rule.For, key, err)
			}
			rule.Values.Set(key, value)
		}
		rule.re = forRegexp(rule.For)
		rules = append(rules, rule)
	}
	return rules, nil
}

var valueCommas = regexp.MustCompile(`\s*,\s*`)

func headerValue(raw any) (string, error) {
	switch v := raw.(type) {
	case string:
		return valueCommas.ReplaceAllString(strings.TrimSpace(v), ", "), nil
	case []any:
		parts := make([]string, len(v))
		for i, item := range v {
			s, ok := item.(string)
			if !ok {
				return "", fmt.Errorf("item %d is %T, want a string", i, item)
			}
			parts[i] = strings.TrimSpace(s)
		}
		return strings.Join(parts, ", "), nil
	default:
		return "", fmt.Errorf("value is %T, want a string or a list of strings", raw)
	}
}

// forRegexp compiles a `for` path as Netlify does (@netlify/headers-parser):
// the path is split at slashes; a segment "*" matches the rest of the path,
// including nothing (so "/css/*" matches "/css", "/css/" and
// "/css/a/b.css"); a "*" inside a segment matches anything; a segment
// ":name" matches one segment; other segments match literally. Matching
// ignores case and a trailing slash. Unlike that parser's regexp, which
// lets "/css/*" match "/cssx/", a splat only matches whole segments.
func forRegexp(path string) *regexp.Regexp {
	var b strings.Builder
	for _, seg := range strings.Split(path, "/") {
		seg = strings.TrimRight(seg, " \t")
		switch {
		case seg == "":
			continue
		case strings.HasPrefix(seg, ":"):
			b.WriteString(`/[^/]+`)
		case seg == "*":
			b.WriteString(`(?:/.*)?`)
		case strings.Contains(seg, "*"):
			lits := strings.Split(seg, "*")
			for i := range lits {
				lits[i] = regexp.QuoteMeta(lits[i])
			}
			b.WriteString("/" + strings.Join(lits, ".*"))
		default:
			b.WriteString("/" + regexp.QuoteMeta(seg))
		}
	}
	return regexp.MustCompile(`(?i)^` + b.String() + `/?$`)
}

// Matches reports whether the rule applies to the URL path.
func (r Rule) Matches(path string) bool {
	if r.re == nil {
		r.re = forRegexp(r.For)
	}
	return r.re.MatchString(path)
}

// For returns the headers Netlify sends for the URL path: those of every
// matching rule, where a later rule adds its headers to the earlier ones
// and replaces a header that an earlier rule set.
func (rs Rules) For(path string) http.Header {
	h := http.Header{}
	for _, r := range rs {
		if !r.Matches(path) {
			continue
		}
		for k, v := range r.Values {
			h[k] = v
		}
	}
	return h
}

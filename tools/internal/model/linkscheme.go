package model

import "strings"

// LinkSchemes are the URL schemes a page may link to: those html/template
// lets through into an href. It prints any other (javascript:, data:,
// vbscript: …) as "#ZgotmplZ", a dead link, and the theme leaves such a
// link out.
var LinkSchemes = []string{"http", "https", "mailto"}

// UnsafeScheme returns the scheme of s, lower-cased, when it is one that
// html/template refuses in a link, and "" when s has no scheme or an
// allowed one. It reads the scheme as html/template does: what comes
// before the first ":" when no "/" precedes it, so " javascript:" and
// "JavaScript:" count too.
func UnsafeScheme(s string) string {
	i := strings.IndexByte(s, ':')
	if i < 0 || strings.Contains(s[:i], "/") {
		return ""
	}
	scheme := strings.ToLower(s[:i])
	for _, ok := range LinkSchemes {
		if scheme == ok {
			return ""
		}
	}
	return strings.TrimSpace(scheme)
}

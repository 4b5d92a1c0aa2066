package validate

import (
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/content"
)

// checkURL returns what is wrong with an absolute http(s) URL, and a hint.
func checkURL(s string) (msg, hint string) {
	u, err := url.Parse(s)
	switch {
	case err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t"):
		return "", ""
	case err == nil && u.Scheme == "" && looksLikeHost(s):
		return "is not a URL (want http:// or https://)", "write https://" + s
	}
	return "is not a URL (want http:// or https://)", ""
}

var hostLike = regexp.MustCompile(`^(www\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+(/\S*)?$`)

func looksLikeHost(s string) bool { return hostLike.MatchString(s) }

// isDOI matches the DOI syntax Crossref recommends: 10.NNNN/suffix, with
// 4 to 9 digits and a suffix without white space.
func isDOI(s string) bool {
	rest, ok := strings.CutPrefix(s, "10.")
	if !ok {
		return false
	}
	prefix, suffix, ok := strings.Cut(rest, "/")
	return ok && len(prefix) >= 4 && len(prefix) <= 9 && allDigits(prefix) && suffix != "" && !strings.ContainsFunc(suffix, unicode.IsSpace)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkDOI returns what is wrong with a DOI, and a hint.
func checkDOI(s string) (msg, hint string) {
	if isDOI(s) {
		return "", ""
	}
	for _, prefix := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "doi.org/"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && isDOI(strings.TrimSpace(rest)) {
			return "is not a DOI (want 10.NNNN/suffix)", "write it without the prefix: " + strings.TrimSpace(rest)
		}
	}
	return "is not a DOI (want 10.NNNN/suffix)", ""
}

// isORCIDShape reports 0000-0000-0000-000X: four groups of four digits,
// the last character a digit or X.
func isORCIDShape(s string) bool {
	if len(s) != 19 || s[4] != '-' || s[9] != '-' || s[14] != '-' {
		return false
	}
	last := s[18]
	return allDigits(s[0:4]) && allDigits(s[5:9]) && allDigits(s[10:14]) && allDigits(s[15:18]) && (last == 'X' || last >= '0' && last <= '9')
}

// checkORCID returns what is wrong with an ORCID iD, and a hint.
func checkORCID(s string) (msg, hint string) {
	id := s
	for _, prefix := range []string{"https://orcid.org/", "http://orcid.org/", "orcid.org/"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && isORCIDShape(rest) {
			return "is not an ORCID iD (want 0000-0000-0000-000X)", "write it without the prefix: " + rest
		}
	}
	if !isORCIDShape(id) {
		return "is not an ORCID iD (want 0000-0000-0000-000X)", ""
	}
	if want := orcidCheckDigit(id); want != id[len(id)-1] {
		return "has a wrong check digit (want " + string(want) + ")", "copy the iD from the person's ORCID record"
	}
	return "", ""
}

// orcidCheckDigit computes the ISO 7064 11,2 check digit of an ORCID iD.
func orcidCheckDigit(id string) byte {
	total := 0
	for _, c := range id[:len(id)-1] {
		if c >= '0' && c <= '9' {
			total = (total + int(c-'0')) * 2
		}
	}
	result := (12 - total%11) % 11
	if result == 10 {
		return 'X'
	}
	return byte('0' + result)
}

// checkEmail returns what is wrong with a bare e-mail address.
func checkEmail(s string) string {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "is not an e-mail address"
	}
	return ""
}

// isRemote reports a link or image source that is not a file of the site.
func isRemote(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "data:") || strings.HasPrefix(s, "mailto:")
}

// file checks that a path names a file, looked up as Hugo looks up a
// page's images: in the page bundle (for a relative path), then in assets/
// and static/, the site's and then the themes'. name is what messages call
// the path ("image", "figure src").
func (c *checker) file(pos content.Pos, name, ref string) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return
	}
	var dirs []string
	if !strings.HasPrefix(ref, "/") {
		if dir := c.bundleDir(); dir != "" {
			dirs = append(dirs, dir)
		}
	}
	dirs = append(dirs, c.s.assetDirs...)
	for _, d := range dirs {
		if c.s.files[path.Join(d, ref)] {
			return
		}
	}
	c.report(pos, Error, RuleMissingFile, "looked in "+strings.Join(dirs, "/, ")+"/",
		"%s %q not found", name, ref)
}

// bundleDir returns the folder of the page's bundle (of index.md or
// _index.md), or "" for a page that is no bundle.
func (c *checker) bundleDir() string {
	base := path.Base(c.rel)
	if strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "_index.") {
		return path.Dir(c.rel)
	}
	return ""
}

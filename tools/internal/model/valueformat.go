package model

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// CheckFormat returns what is wrong with s as a value of format f: a
// message that follows the value in a sentence ("is not a DOI (want
// 10.NNNN/suffix)") and, where a fix is clear, a hint. Both are empty when
// s is fine. Image and file paths need the site to check, so any string
// passes here. labtool validate reports these messages; labtool new refuses
// values that get one, so that what it writes always validates.
func CheckFormat(f Format, s string) (msg, hint string) {
	switch f {
	case Color:
		if _, err := ParseHex(s); err != nil {
			return "is not a colour (want #rrggbb)", ""
		}
	case URL:
		return checkURL(s)
	case DOI:
		return checkDOI(s)
	case ORCID:
		return checkORCID(s)
	case Email:
		return checkEmail(s)
	}
	return "", ""
}

// Pattern returns the regular expression a JSON Schema checks format f
// with, the nearest a pattern comes to CheckFormat; "" for the formats a
// pattern cannot check (e-mail addresses, paths).
func (f Format) Pattern() string {
	switch f {
	case Color:
		return `^#[0-9a-fA-F]{6}$`
	case URL:
		return `^https?://[^\s/]+\S*$`
	case DOI:
		return `^10\.[0-9]{4,9}/\S+$`
	case ORCID:
		return `^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$`
	}
	return ""
}

// DOIPrefixes are the ways people write a DOI as a link; the model keeps
// the bare DOI.
var DOIPrefixes = []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "doi.org/"}

// checkURL checks an absolute http(s) URL.
func checkURL(s string) (msg, hint string) {
	// A script in a link: say so, the theme leaves such a link out.
	switch scheme := UnsafeScheme(s); scheme {
	case "javascript", "vbscript", "data":
		return "is a " + scheme + ": URL, which the site never links (want http:// or https://)", ""
	}
	u, err := url.Parse(s)
	switch {
	case err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t"):
		return "", ""
	case err == nil && u.Scheme == "" && hostLike.MatchString(s):
		return "is not a URL (want http:// or https://)", "write https://" + s
	}
	return "is not a URL (want http:// or https://)", ""
}

var hostLike = regexp.MustCompile(`^(www\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+(/\S*)?$`)

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

// checkDOI checks a bare DOI, suggesting it without its link prefix.
func checkDOI(s string) (msg, hint string) {
	if isDOI(s) {
		return "", ""
	}
	for _, prefix := range DOIPrefixes {
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

// checkORCID checks an ORCID iD and its check digit.
func checkORCID(s string) (msg, hint string) {
	for _, prefix := range []string{"https://orcid.org/", "http://orcid.org/", "orcid.org/"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && isORCIDShape(rest) {
			return "is not an ORCID iD (want 0000-0000-0000-000X)", "write it without the prefix: " + rest
		}
	}
	if !isORCIDShape(s) {
		return "is not an ORCID iD (want 0000-0000-0000-000X)", ""
	}
	if want := orcidCheckDigit(s); want != s[len(s)-1] {
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

// checkEmail checks a bare e-mail address (no name, no angle brackets),
// whose domain has a dot.
func checkEmail(s string) (msg, hint string) {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "is not an e-mail address", ""
	}
	return "", ""
}

package model

import (
	"regexp"
	"testing"
)

func TestCheckFormat(t *testing.T) {
	for _, tc := range []struct {
		f         Format
		in        string
		ok        bool
		msg, hint string
	}{
		{Color, "#C97B33", true, "", ""},
		{Color, "orang", false, "is not a colour (want #rrggbb)", ""},
		{URL, "https://lab.example/x?y=1", true, "", ""},
		{URL, "lab.example/people", false, "is not a URL (want http:// or https://)", "write https://lab.example/people"},
		{URL, "ftp://lab.example", false, "is not a URL (want http:// or https://)", ""},
		{DOI, "10.1038/s41593-019-0520-2", true, "", ""},
		{DOI, "https://doi.org/10.1038/541559a", false, "is not a DOI (want 10.NNNN/suffix)", "write it without the prefix: 10.1038/541559a"},
		{DOI, "10.12/x", false, "is not a DOI (want 10.NNNN/suffix)", ""},
		{ORCID, "0000-0002-1825-0097", true, "", ""},
		{ORCID, "0000-0002-1694-233X", true, "", ""},
		{ORCID, "0000-0001-5109-3700", true, "", ""},
		{ORCID, "0000-0002-1825-0098", false, "has a wrong check digit (want 7)", "copy the iD from the person's ORCID record"},
		{ORCID, "https://orcid.org/0000-0002-1825-0097", false, "is not an ORCID iD (want 0000-0000-0000-000X)", "write it without the prefix: 0000-0002-1825-0097"},
		{Email, "ada@lab.example", true, "", ""},
		{Email, "Ada <ada@lab.example>", false, "is not an e-mail address", ""},
		{Email, "ada@localhost", false, "is not an e-mail address", ""},
		{Image, "anything.png", true, "", ""},
	} {
		msg, hint := CheckFormat(tc.f, tc.in)
		if msg != tc.msg || hint != tc.hint {
			t.Errorf("CheckFormat(%s, %q) = %q, %q; want %q, %q", tc.f, tc.in, msg, hint, tc.msg, tc.hint)
		}
		// Where a pattern exists, it accepts what CheckFormat accepts.
		if p := tc.f.Pattern(); p != "" && tc.ok && !regexp.MustCompile(p).MatchString(tc.in) {
			t.Errorf("%s pattern %s rejects %q, which CheckFormat accepts", tc.f, p, tc.in)
		}
	}
}

package ghactions

import "testing"

func TestEscape(t *testing.T) {
	if got, want := EscapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b"; got != want {
		t.Errorf("EscapeData = %q, want %q", got, want)
	}
	if got, want := EscapeProperty("labtool [color]: a,b\n%"), "labtool [color]%3A a%2Cb%0A%25"; got != want {
		t.Errorf("EscapeProperty = %q, want %q", got, want)
	}
}

func TestAnnotation(t *testing.T) {
	for _, tc := range []struct {
		a    Annotation
		want string
	}{
		{Annotation{Level: "error", File: "site/content/a,b.md", Line: 4, Col: 8, Title: "labtool [color]", Message: "bad\nhint: x"},
			"::error file=site/content/a%2Cb.md,line=4,col=8,title=labtool [color]::bad%0Ahint: x"},
		{Annotation{Level: "warning", File: "hugo.toml", Col: 3, Title: "t", Message: "m"}, "::warning file=hugo.toml,title=t::m"},
		{Annotation{Level: "notice", Title: "labtool doctor", Message: "m"}, "::notice title=labtool doctor::m"},
		{Annotation{Level: "notice", Message: "m"}, "::notice::m"},
	} {
		if got := tc.a.String(); got != tc.want {
			t.Errorf("%+v = %q, want %q", tc.a, got, tc.want)
		}
	}
	if got := RepoPath("", "content/a.md") + " " + RepoPath(".", "content/a.md") + " " + RepoPath("site", "content/a.md"); got != "content/a.md content/a.md site/content/a.md" {
		t.Errorf("RepoPath: %s", got)
	}
}

package model

import "testing"

func TestUnsafeScheme(t *testing.T) {
	for s, want := range map[string]string{
		"https://lab.example/": "",
		"HTTP://lab.example/":  "",
		"mailto:a@lab.example": "",
		"/relative/page/":      "",
		"#fragment":            "",
		"page.html?x=a:b":      "page.html?x=a",
		"javascript:alert(1)":  "javascript",
		" JavaScript:alert(1)": "javascript",
		"data:text/html,x":     "data",
		"VBScript:msgbox(1)":   "vbscript",
		"file:///etc/passwd":   "file",
		"./a/b:c":              "",
		"10.1000/xyz":          "",
		"doi:10.1000/xyz":      "doi",
	} {
		if got := UnsafeScheme(s); got != want {
			t.Errorf("UnsafeScheme(%q) = %q, want %q", s, got, want)
		}
	}
}

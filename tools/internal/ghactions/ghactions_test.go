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

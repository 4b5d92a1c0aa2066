package validate

import "testing"

// anchorize agrees with Hugo's anchorize (default github ids), which the
// theme's ids come from.
func TestAnchorize(t *testing.T) {
	for s, want := range map[string]string{
		"smith2020":    "smith2020",
		"smith:2020":   "smith2020",
		"Smith2020":    "smith2020",
		"foo.bar":      "foobar",
		"  a b-c_d ":   "a-b-c_d",
		"Émile Zola 1": "émile-zola-1",
		"x/y+z@w":      "xyzw",
		"Größe–Maß":    "größemaß",
	} {
		if got := anchorize(s); got != want {
			t.Errorf("anchorize(%q) = %q, want %q", s, got, want)
		}
	}
}

package browser

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
)

// The page backgrounds the theme's stylesheet uses (model.LightBackground
// and model.DarkBackground).
var (
	lightBackground = mustHex(model.LightBackground)
	darkBackground  = mustHex(model.DarkBackground)
)

type rgb = model.RGB

func mustHex(s string) rgb {
	c, err := model.ParseHex(s)
	if err != nil {
		panic(err)
	}
	return c
}

// parseCSSColor reads a computed colour as the browser gives it:
// "rgb(r, g, b)" or "rgba(r, g, b, a)". It reports whether the colour is
// opaque; other syntaxes fail the test.
func parseCSSColor(t *testing.T, s string) (c rgb, opaque bool) {
	t.Helper()
	inner, ok := strings.CutPrefix(s, "rgba(")
	if !ok {
		inner, ok = strings.CutPrefix(s, "rgb(")
	}
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		t.Fatalf("computed colour %q is not rgb()/rgba()", s)
	}
	parts := strings.Split(inner, ",")
	if len(parts) != 3 && len(parts) != 4 {
		t.Fatalf("computed colour %q: want 3 or 4 components", s)
	}
	var ch [3]uint8
	for i := range 3 {
		v, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		if err != nil {
			t.Fatalf("computed colour %q: %v", s, err)
		}
		ch[i] = uint8(math.Round(v))
	}
	opaque = true
	if len(parts) == 4 {
		a, err := strconv.ParseFloat(strings.TrimSpace(parts[3]), 64)
		if err != nil {
			t.Fatalf("computed colour %q: %v", s, err)
		}
		opaque = a == 1
	}
	return rgb{R: ch[0], G: ch[1], B: ch[2]}, opaque
}

package model

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// DefaultPalette is the colour a research theme without a colour of its own
// takes: the first one no other theme uses, in weight order. The first three
// are the seed lab's figure colour code. theme/hugo.toml carries the same
// list as params.labsite.palette (a test keeps them equal).
var DefaultPalette = []string{"#919191", "#c97b33", "#538d5f", "#4a77b4", "#a0527e", "#8c7a2b", "#2f8f94", "#b5524a"}

// The backgrounds the theme's stylesheet uses for light and dark mode.
const (
	LightBackground = "#ffffff"
	DarkBackground  = "#16181d"
)

// MinTextContrast is the WCAG 2.2 AA contrast for body-size text, which a
// theme heading's text colour always reaches; MinAccentContrast is the 3:1
// for graphical objects that the accent bar in the exact colour should reach.
const (
	MinTextContrast   = 4.5
	MinAccentContrast = 3.0
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// RGB is a colour in 8-bit sRGB.
type RGB struct{ R, G, B uint8 }

// ParseHex parses #rrggbb (either case).
func ParseHex(s string) (RGB, error) {
	if !hexColor.MatchString(s) {
		return RGB{}, fmt.Errorf("%q is not a colour (want #rrggbb)", s)
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex formats c as lower-case #rrggbb.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// String formats c as Hex does, so messages print colours as #rrggbb.
func (c RGB) String() string { return c.Hex() }

func channel(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// Luminance is the WCAG relative luminance of c.
func (c RGB) Luminance() float64 {
	return 0.2126*channel(c.R) + 0.7152*channel(c.G) + 0.0722*channel(c.B)
}

// Contrast is the WCAG contrast ratio of a and b, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// mix moves c towards target by t (0 keeps c, 1 gives target), rounding
// each channel to the nearest integer.
func mix(c, target RGB, t float64) RGB {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return RGB{m(c.R, target.R), m(c.G, target.G), m(c.B, target.B)}
}

// ReadableOn returns the shade of c that text in that colour takes on bg:
// c itself when it already reaches MinTextContrast, otherwise c mixed
// towards black (on a light bg) or white (on a dark bg) in steps of 5% until
// it does. The theme's stylesheet template computes the same shade with the
// same steps, and the tests check that the two agree.
func ReadableOn(c, bg RGB) RGB {
	target := RGB{0, 0, 0}
	if bg.Luminance() < 0.5 {
		target = RGB{255, 255, 255}
	}
	for step := 0; step <= 20; step++ {
		shade := mix(c, target, float64(step)/20)
		if Contrast(shade, bg) >= MinTextContrast {
			return shade
		}
	}
	return target
}

// NextPaletteColor returns the first colour of palette that used does not
// hold (compared case-insensitively); when every colour is used it cycles,
// giving palette[len(used) % len(palette)].
func NextPaletteColor(palette, used []string) string {
	seen := map[string]bool{}
	for _, u := range used {
		seen[strings.ToLower(u)] = true
	}
	for _, p := range palette {
		if !seen[strings.ToLower(p)] {
			return p
		}
	}
	return palette[len(used)%len(palette)]
}

package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// research is a fixture of a research page with the themes given as txtar
// sections.
const researchIndex = `
-- content/research/_index.md --
---
title: Research
---
{{< masthead >}}We study learning.{{< /masthead >}}
`

func build(t *testing.T, archive string) *hugotest.Site {
	t.Helper()
	return hugotest.Build(t, hugotest.Fixture(t, archive))
}

func buildFails(t *testing.T, archive string, wants ...string) {
	t.Helper()
	site, err := hugotest.Run(t, hugotest.Fixture(t, archive))
	if err == nil {
		t.Fatalf("the build succeeded; want a failure mentioning %q\n%s", wants, site.Log)
	}
	for _, want := range wants {
		if !strings.Contains(site.Log, want) {
			t.Errorf("Hugo's output lacks %q:\n%s", want, site.Log)
		}
	}
}

// themeColours returns each theme class's --accent in the built stylesheet.
func themeColours(t *testing.T, site *hugotest.Site) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`\.rt-([\w-]+)\s*\{\s*--accent:\s*(#[0-9a-f]{6})`).FindAllStringSubmatch(stylesheet(t, site), -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestThemeWithoutColourTakesNextPaletteColour(t *testing.T) {
	t.Parallel()
	site := build(t, researchIndex+`
-- content/research/a.md --
---
title: A
weight: 1
color: "`+model.DefaultPalette[0]+`"
---
Body.
-- content/research/b.md --
---
title: B
weight: 2
---
Body.
-- content/research/c.md --
---
title: C
weight: 3
color: "`+model.DefaultPalette[1]+`"
---
Body.
-- content/research/d.md --
---
title: D
weight: 4
---
Body.
`)
	got := themeColours(t, site)
	// B and D skip the palette colours A and C set themselves.
	want := map[string]string{"a": model.DefaultPalette[0], "b": model.DefaultPalette[2], "c": model.DefaultPalette[1], "d": model.DefaultPalette[3]}
	for slug, c := range want {
		if got[slug] != c {
			t.Errorf("theme %s: colour %s, want %s", slug, got[slug], c)
		}
	}
	// The same rule as labtool new theme.
	if next := model.NextPaletteColor(model.DefaultPalette, []string{model.DefaultPalette[0], model.DefaultPalette[1]}); next != want["b"] {
		t.Errorf("model.NextPaletteColor = %s, theme gave %s", next, want["b"])
	}
}

func TestInvalidColourWarnsAndFallsBack(t *testing.T) {
	t.Parallel()
	site := build(t, researchIndex+`
-- content/research/bad.md --
---
title: Bad
weight: 1
color: orang
---
Body.
`)
	if !strings.Contains(site.Log, `WARN`) || !strings.Contains(site.Log, `content/research/bad.md: color "orang" is not a colour (want #rrggbb)`) {
		t.Errorf("no warning naming the file:\n%s", site.Log)
	}
	if got := themeColours(t, site)["bad"]; got != model.DefaultPalette[0] {
		t.Errorf("fallback colour %s, want %s", got, model.DefaultPalette[0])
	}
}

func TestThemeHeadingColourReachesAA(t *testing.T) {
	t.Parallel()
	// A pale yellow, far below 4.5:1 on white.
	site := build(t, researchIndex+`
-- content/research/pale.md --
---
title: Pale
color: "#FFFF00"
---
Body.
`)
	css := stylesheet(t, site)
	m := regexp.MustCompile(`\.rt-pale\{--accent:\s*#ffff00;--accent-text:\s*(#[0-9a-f]{6})\}`).FindStringSubmatch(css)
	if m == nil {
		t.Fatalf("no rule for rt-pale in\n%s", css)
	}
	text, _ := model.ParseHex(m[1])
	white, _ := model.ParseHex(model.LightBackground)
	if r := model.Contrast(text, white); r < model.MinTextContrast {
		t.Errorf("heading text %s has contrast %.2f on white", m[1], r)
	}
}

func TestFigureImageMissingFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/page.md --
---
title: Page
---
{{< figure src="nowhere.png" alt="A plot" >}}Caption.{{< /figure >}}
`, "content/page.md:4:1", `figure image "nowhere.png" not found`)
}

func TestFigureWithoutAltFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/page.md --
---
title: Page
---
Text.

{{< figure src="plot.svg" >}}Caption.{{< /figure >}}
-- assets/plot.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>
`, "content/page.md:6:1", "has no alt text")
}

func TestRemoteFigureImageFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/page.md --
---
title: Page
---
{{< figure src="https://example.org/a.png" alt="A plot" >}}{{< /figure >}}
`, "content/page.md", "is not on this site")
}

func TestMarkdownImageWithoutAltFailsBuild(t *testing.T) {
	t.Parallel()
	buildFails(t, `
-- content/page.md --
---
title: Page
---
Text ![](plot.svg) inline.
-- assets/plot.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>
`, "content/page.md", "has no alt text")
}

// A raster figure is served as WebP at several widths, with its size, lazily
// loaded unless it is the page's first figure, and linked to the original.
func TestRasterFigureIsResponsive(t *testing.T) {
	t.Parallel()
	dir := hugotest.Fixture(t, `
-- content/post/index.md --
---
title: Post
---
{{< figure src="wide.png" alt="A wide plot" name="wide" >}}First.{{< /figure >}}

{{< figure src="small.png" alt="A small plot" >}}Second.{{< /figure >}}
`)
	writePNG(t, filepath.Join(dir, "content/post/wide.png"), 1300, 650)
	writePNG(t, filepath.Join(dir, "content/post/small.png"), 300, 200)
	site := hugotest.Build(t, dir)
	doc := site.Parse(t, "post/index.html")
	imgs := doc.Find(hugotest.Class("figure__image"))
	if len(imgs) != 2 {
		t.Fatalf("want 2 figure images, got %d", len(imgs))
	}
	srcset, _ := imgs[0].Attr("srcset")
	for _, w := range []string{" 480w", " 800w", " 1200w"} {
		if !strings.Contains(srcset, w) {
			t.Errorf("srcset %q lacks %s", srcset, w)
		}
	}
	if strings.Contains(srcset, "1600w") {
		t.Errorf("srcset %q upscales beyond the original's 1300 px", srcset)
	}
	if !strings.Contains(srcset, ".webp ") {
		t.Errorf("srcset %q is not WebP", srcset)
	}
	w, _ := imgs[0].Attr("width")
	h, _ := imgs[0].Attr("height")
	if w != "1200" || h != "600" {
		t.Errorf("first figure width×height = %s×%s, want 1200×600", w, h)
	}
	if _, lazy := imgs[0].Attr("loading"); lazy {
		t.Error("the first figure must not be lazy-loaded")
	}
	if l, _ := imgs[1].Attr("loading"); l != "lazy" {
		t.Error("the second figure should be lazy-loaded")
	}
	links := doc.Find(hugotest.Class("figure__link"))
	if len(links) != 2 {
		t.Fatalf("want links to the originals, got %d", len(links))
	}
	if href, _ := links[0].Attr("href"); href != "/post/wide.png" {
		t.Errorf("link to the original = %q", href)
	}
	// Every srcset file exists.
	for _, cand := range strings.Split(srcset, ",") {
		url := strings.Fields(cand)[0]
		if _, err := os.Stat(filepath.Join(site.Public, filepath.FromSlash(url))); err != nil {
			t.Errorf("srcset file %s: %v", url, err)
		}
	}
}

func writePNG(t *testing.T, name string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

package browser

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// researchThemes are exampleSite's research themes in weight order, with
// the colours of their front matter.
var researchThemes = []struct{ title, colour string }{
	{"Cortical circuits for efficient credit assignment", "#919191"},
	{"Neuromodulation of cortical credit assignment", "#C97B33"},
	{"Subcortical regions as facilitators of cortical credit assignment", "#538D5F"},
}

// The viewports of issue 2, a phone (375×812) and a laptop (1280×800),
// and the ends of the range the stylesheet is designed for, 360 to 1440 px.
var viewports = []struct{ width, height int64 }{{360, 740}, {375, 812}, {1280, 800}, {1440, 900}}

// researchLayout is what the page reports about itself (layoutJS).
type researchLayout struct {
	InnerWidth  float64 `json:"innerWidth"`
	InnerHeight float64 `json:"innerHeight"`
	ScrollWidth float64 `json:"scrollWidth"`
	H1          *string `json:"h1"`
	Masthead    bool    `json:"masthead"`
	Figure      *struct {
		Visible bool    `json:"visible"`
		Rect    box     `json:"rect"`
		Caption *string `json:"caption"`
		Img     *struct {
			Alt          *string `json:"alt"`
			NaturalWidth float64 `json:"naturalWidth"`
			Visible      bool    `json:"visible"`
			Rect         box     `json:"rect"`
		} `json:"img"`
	} `json:"figure"`
	Themes []struct {
		ID          string  `json:"id"`
		Class       string  `json:"className"`
		Title       *string `json:"title"`
		Path        *string `json:"path"`
		SameOrigin  bool    `json:"sameOrigin"`
		Color       string  `json:"color"`
		LinkColor   string  `json:"linkColor"`
		Accent      string  `json:"accent"`
		AccentWidth float64 `json:"accentWidth"`
		AccentStyle string  `json:"accentStyle"`
		Background  string  `json:"background"`
	} `json:"themes"`
}

type box struct {
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// layoutJS measures the research page. background() is the colour a
// heading is drawn on: the first opaque background of it or an ancestor,
// else the canvas.
const layoutJS = `(async () => {
  const de = document.documentElement;
  const rect = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  const visible = el => {
    const cs = getComputedStyle(el), r = el.getBoundingClientRect();
    return cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && r.width > 0 && r.height > 0;
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg.startsWith('rgb(') || (bg.startsWith('rgba(') && !/,\s*0\)$/.test(bg))) return bg;
    }
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const c = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return c;
  };
  const fig = document.querySelector('figure.figure#fig-brainwide');
  const img = fig && fig.querySelector('img');
  const cap = fig && fig.querySelector('figcaption');
  if (img) await Promise.race([img.decode().catch(() => {}), new Promise(r => setTimeout(r, 10000))]);
  const h1 = document.querySelector('h1');
  const masthead = document.querySelector('div.masthead');
  return {
    innerWidth, innerHeight, scrollWidth: de.scrollWidth,
    h1: h1 && h1.textContent.trim(),
    masthead: !!masthead && visible(masthead),
    figure: fig && {
      visible: visible(fig), rect: rect(fig),
      caption: cap && cap.textContent.trim(),
      img: img && {alt: img.getAttribute('alt'), naturalWidth: img.naturalWidth, visible: visible(img), rect: rect(img)},
    },
    themes: [...document.querySelectorAll('section.research-theme')].map(s => {
      const h = s.querySelector('h2.research-theme__title');
      const a = h && h.querySelector('a');
      const hs = h && getComputedStyle(h);
      return {
        id: s.id, className: s.className,
        title: h && h.textContent.trim(),
        path: a && a.pathname, sameOrigin: !!a && a.origin === location.origin,
        color: hs ? hs.color : '', linkColor: a ? getComputedStyle(a).color : '',
        accent: hs ? hs.borderLeftColor : '', accentWidth: hs ? parseFloat(hs.borderLeftWidth) : 0,
        accentStyle: hs ? hs.borderLeftStyle : '',
        background: h ? background(h) : '',
      };
    }),
  };
})()`

// testResearch loads the research page at every viewport, in light and
// dark mode, and checks what a visitor would see.
func testResearch(t *testing.T, s *site) {
	for _, vp := range viewports {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(fmt.Sprintf("%dx%d/%s", vp.width, vp.height, scheme), func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.run(t, "emulating the device", viewport(vp.width, vp.height), colorScheme(scheme))
				tb.navigate(t, s.URL+"/research/")
				checkResearchLayout(t, tb, float64(vp.width), scheme)
				checkIcon(t, tb)
				tb.checkConsole(t, "/research/")
				tb.checkNoScripts(t, "/research/")

				full, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("full-page screenshot: %v", err)
				}
				saveScreenshot(t, fmt.Sprintf("research-%dx%d-%s-full.png", vp.width, vp.height, scheme), full)
				tb.run(t, "scrolling to the top", chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)"))
				fold, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot: %v", err)
				}
				saveScreenshot(t, fmt.Sprintf("research-%dx%d-%s.png", vp.width, vp.height, scheme), fold)
				if *updateScreenshot && vp.width == 1280 && scheme == "light" {
					if t.Failed() {
						t.Fatal("not updating docs/screenshot-research.png from a page that fails its checks")
					}
					p := filepath.Join(hugotest.Root, "docs", "screenshot-research.png")
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, full, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("updated %s", p)
				}
			})
		}
	}
}

func checkResearchLayout(t *testing.T, tb *tab, width float64, scheme string) {
	t.Helper()
	l := eval[researchLayout](t, tb, "measuring the research page", layoutJS)

	// The layout viewport is the device's: a page without a working
	// <meta name="viewport"> is laid out wider on a phone and zoomed out.
	if l.InnerWidth != width {
		t.Errorf("window.innerWidth = %v, want %v (is <meta name=viewport content=\"width=device-width\"> missing, or does the page zoom out to fit wide content?)", l.InnerWidth, width)
	}
	if l.ScrollWidth > l.InnerWidth {
		t.Errorf("horizontal overflow: document scrollWidth %v > innerWidth %v", l.ScrollWidth, l.InnerWidth)
	}
	if l.H1 == nil || *l.H1 == "" {
		t.Error("no <h1> with text")
	}
	if !l.Masthead {
		t.Error(`no visible <div class="masthead">`)
	}

	switch f := l.Figure; {
	case f == nil:
		t.Error(`no <figure class="figure" id="fig-brainwide">`)
	default:
		if !f.Visible {
			t.Errorf("figure #fig-brainwide is not visible (box %+v)", f.Rect)
		}
		if f.Rect.Left < -0.5 || f.Rect.Right > l.InnerWidth+0.5 {
			t.Errorf("figure #fig-brainwide spans x = %.1f…%.1f, outside the %v px viewport", f.Rect.Left, f.Rect.Right, l.InnerWidth)
		}
		if f.Caption == nil || !strings.HasPrefix(*f.Caption, "Figure 1:") {
			t.Errorf("figcaption = %v, want text beginning \"Figure 1:\"", deref(f.Caption))
		}
		switch img := f.Img; {
		case img == nil:
			t.Error("figure #fig-brainwide has no <img>")
		default:
			if img.Alt == nil || *img.Alt == "" {
				t.Error("figure image has no alt text")
			}
			if img.NaturalWidth <= 0 {
				t.Error("figure image did not load (naturalWidth 0)")
			}
			if !img.Visible {
				t.Errorf("figure image is not visible (box %+v)", img.Rect)
			}
			if img.Rect.Left < -0.5 || img.Rect.Right > l.InnerWidth+0.5 {
				t.Errorf("figure image spans x = %.1f…%.1f, wider than the %v px viewport", img.Rect.Left, img.Rect.Right, l.InnerWidth)
			}
		}
	}

	wantBg := lightBackground
	if scheme == "dark" {
		wantBg = darkBackground
	}
	if len(l.Themes) != len(researchThemes) {
		t.Errorf("%d research themes (section.research-theme), want %d", len(l.Themes), len(researchThemes))
	}
	for i, got := range l.Themes {
		if i >= len(researchThemes) {
			break
		}
		want := researchThemes[i]
		name := fmt.Sprintf("theme %d (%s)", i+1, want.title)
		if got.Title == nil {
			t.Errorf("%s: no h2.research-theme__title", name)
			continue
		}
		if *got.Title != want.title {
			t.Errorf("theme %d: heading %q, want %q", i+1, *got.Title, want.title)
		}
		if got.ID == "" || !slices.Contains(strings.Fields(got.Class), "rt-"+got.ID) {
			t.Errorf("%s: section id %q, class %q; want id=<slug> and class rt-<slug>", name, got.ID, got.Class)
		}
		if got.Path == nil || *got.Path != "/research/"+got.ID+"/" || !got.SameOrigin {
			t.Errorf("%s: heading links to %v (same origin: %v), want /research/%s/", name, deref(got.Path), got.SameOrigin, got.ID)
		}

		colour := mustHex(want.colour)
		bg, opaque := parseCSSColor(t, got.Background)
		if !opaque {
			t.Errorf("%s: background %s is translucent; cannot measure contrast", name, got.Background)
		}
		if bg != wantBg {
			t.Errorf("%s: page background %s, want %s (%s mode)", name, bg, wantBg, scheme)
		}
		wantText := model.ReadableOn(colour, wantBg)
		for _, c := range []struct{ what, value string }{{"h2 color", got.Color}, {"h2 link color", got.LinkColor}} {
			text, _ := parseCSSColor(t, c.value)
			if text != wantText {
				t.Errorf("%s: %s %s, want %s (ReadableOn(%s, %s), %s mode)", name, c.what, text, wantText, want.colour, wantBg, scheme)
			}
			if r := model.Contrast(text, bg); r < model.MinTextContrast {
				t.Errorf("%s: %s %s on %s has contrast %.2f:1, want ≥ %.1f", name, c.what, text, bg, r, model.MinTextContrast)
			}
		}
		accent, _ := parseCSSColor(t, got.Accent)
		if accent != colour || got.AccentWidth <= 0 || got.AccentStyle == "none" || got.AccentStyle == "hidden" {
			t.Errorf("%s: accent bar (border-left) %s %vpx %s, want a visible bar in the theme's colour %s",
				name, accent, got.AccentWidth, got.AccentStyle, want.colour)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "(none)"
	}
	return fmt.Sprintf("%q", *s)
}

// checkIcon fetches the page's icon (its <link rel="icon">, else
// /favicon.ico, which browsers then ask for): a missing one is a console
// error in every visitor's browser. Chrome asks once per site and at a
// time of its own, so the console check alone would catch it only now and
// then.
func checkIcon(t *testing.T, tb *tab) {
	t.Helper()
	icon := eval[string](t, tb, "finding the icon",
		`(document.querySelector('link[rel~="icon"]') || {href: location.origin + '/favicon.ico'}).href`)
	res, err := http.Get(icon)
	if err != nil {
		t.Fatalf("fetching the icon: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("icon %s: HTTP %d (add a <link rel=\"icon\"> to a file that exists, or a favicon.ico)", icon, res.StatusCode)
	}
}

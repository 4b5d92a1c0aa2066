package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// liveSite is a research page with one theme, previewed with hugo server.
const liveSite = `
-- content/research/_index.md --
---
title: Research
---
What we study.
-- content/research/alpha.md --
---
title: Alpha
color: "#112233"
weight: 10
---
The first theme.
`

// Under hugo server, a research theme's colour change shows on the next
// reload, and so does the colour of a theme added while the server runs:
// the stylesheet generated from the themes' front matter is rebuilt, not
// served from Hugo's cache or the browser's.
func TestLivePreviewShowsThemeColours(t *testing.T) {
	tb := newTab(t)
	src := hugotest.Fixture(t, liveSite)
	srv := hugotest.Serve(t, src)
	research := srv.URL + "research/"

	// accent is the colour of the bar beside a theme's heading: the
	// theme's own colour, from the generated stylesheet.
	accent := func(slug string) rgb {
		t.Helper()
		s := eval[string](t, tb, "reading "+slug+"'s accent", `(() => {
		  const h = document.querySelector('#`+slug+` .research-theme__title');
		  return h ? getComputedStyle(h).borderLeftColor : 'no heading';
		})()`)
		c, _ := parseCSSColor(t, s)
		return c
	}
	edit := func(name, text string) {
		t.Helper()
		// hugo server's Last-Modified counts whole seconds, and a reload
		// revalidates the page with If-Modified-Since: a page rebuilt in
		// the second it was first served would be answered 304 Not
		// Modified. Let that second pass first, as it does for a person.
		time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 50*time.Millisecond)))
		before := srv.Builds()
		if err := os.WriteFile(filepath.Join(src, "content", "research", name), []byte(strings.TrimLeft(text, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		srv.WaitRebuild(t, before)
	}

	tb.navigate(t, research)
	if got, want := accent("alpha"), mustHex("#112233"); got != want {
		t.Fatalf("before any change: alpha's accent is %v, want %v", got, want)
	}

	edit("alpha.md", `
---
title: Alpha
color: "#c97b33"
weight: 10
---
The first theme.
`)
	tb.run(t, "reloading", chromedp.Reload())
	if got, want := accent("alpha"), mustHex("#c97b33"); got != want {
		t.Errorf("after changing alpha's colour and reloading: its accent is %v, want %v", got, want)
	}

	edit("beta.md", `
---
title: Beta
color: "#538d5f"
weight: 20
---
A theme added while the server runs.
`)
	tb.run(t, "reloading", chromedp.Reload())
	if got, want := accent("beta"), mustHex("#538d5f"); got != want {
		t.Errorf("after adding beta and reloading: its accent is %v, want %v", got, want)
	}
	if got, want := accent("alpha"), mustHex("#c97b33"); got != want {
		t.Errorf("after adding beta: alpha's accent is %v, want %v", got, want)
	}
}

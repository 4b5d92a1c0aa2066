package browser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// citeLink is an in-text citation of the research page.
type citeLink struct {
	Href string `json:"href"`
	Text string `json:"text"`
}

// referenceView is where a citation's click left the reader.
type referenceView struct {
	Hash        string  `json:"hash"`
	Found       bool    `json:"found"`
	Tag         string  `json:"tag"`
	InRefs      bool    `json:"inRefs"`
	IsTarget    bool    `json:"isTarget"`
	Visible     bool    `json:"visible"`
	Rect        box     `json:"rect"`
	InnerHeight float64 `json:"innerHeight"`
	Covered     string  `json:"covered"`
}

// referenceJS waits until scrolling has settled (the theme may scroll
// smoothly), then describes the element the fragment names: where it is,
// and whether something else (a sticky header) is drawn over it.
const referenceJS = `(async () => {
  await Promise.race([
    new Promise(res => {
      let last = NaN, same = 0;
      const tick = () => {
        if (scrollY === last) { if (++same >= 10) return res(); } else { same = 0; last = scrollY; }
        requestAnimationFrame(tick);
      };
      tick();
    }),
    new Promise(res => setTimeout(res, 5000)),
  ]);
  const id = decodeURIComponent(location.hash.slice(1));
  const el = id ? document.getElementById(id) : null;
  const out = {hash: location.hash, found: !!el, innerHeight};
  if (!el) return out;
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  const x = r.left + Math.min(r.width / 2, 40), y = r.top + Math.min(r.height / 2, 8);
  const hit = document.elementFromPoint(x, y);
  return Object.assign(out, {
    tag: el.tagName.toLowerCase(),
    inRefs: !!el.closest('section.references'),
    isTarget: el.matches(':target'),
    visible: cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && r.width > 0 && r.height > 0,
    rect: {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height},
    covered: hit && !el.contains(hit) ? hit.outerHTML.slice(0, 120) : '',
  });
})()`

// testCitations clicks each in-text citation of the research page (issue
// 4) and checks that the reader lands on its entry in the reference list,
// with the entry on screen.
func testCitations(t *testing.T, s *site) {
	for _, vp := range viewports {
		t.Run(fmt.Sprintf("%dx%d", vp.width, vp.height), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.run(t, "emulating the device", viewport(vp.width, vp.height))
			page := s.URL + "/research/"
			tb.navigate(t, page)
			cites := eval[[]citeLink](t, tb, "listing citations",
				`[...document.querySelectorAll('a.cite')].map(a => ({href: a.getAttribute('href'), text: a.textContent.trim()}))`)
			if len(cites) == 0 {
				t.Fatal(`the research page has no in-text citation (<a class="cite" href="#ref-…">): issue 4's {{< cite >}} output is missing`)
			}
			seen := map[string]bool{}
			for i, c := range cites {
				if !strings.HasPrefix(c.Href, "#ref-") {
					t.Errorf("citation %q links to %q, want #ref-<key>", c.Text, c.Href)
					continue
				}
				if seen[c.Href] {
					continue
				}
				seen[c.Href] = true

				// From the top of the page, without a fragment, click it as a
				// reader would (chromedp scrolls the link into view first).
				tb.navigate(t, page)
				tb.run(t, fmt.Sprintf("clicking citation %q", c.Text),
					chromedp.Click(chromedp.JSPath(fmt.Sprintf("document.querySelectorAll('a.cite')[%d]", i)), chromedp.NodeVisible))
				v := eval[referenceView](t, tb, "reading where the click led", referenceJS)

				name := fmt.Sprintf("citation %q (%s)", c.Text, c.Href)
				switch {
				case v.Hash != c.Href:
					t.Errorf("%s: after the click the URL fragment is %q, want %q", name, v.Hash, c.Href)
				case !v.Found:
					t.Errorf("%s: no element with id %q", name, strings.TrimPrefix(c.Href, "#"))
				default:
					if v.Tag != "li" || !v.InRefs {
						t.Errorf("%s: the target is a <%s> (inside section.references: %v), want an <li> in <section class=\"references\">", name, v.Tag, v.InRefs)
					}
					if !v.IsTarget {
						t.Errorf("%s: the entry does not match :target", name)
					}
					if !v.Visible {
						t.Errorf("%s: the entry is not visible (box %+v)", name, v.Rect)
					}
					fits := v.Rect.Height <= v.InnerHeight
					if v.Rect.Top < -0.5 || v.Rect.Top >= v.InnerHeight || (fits && v.Rect.Bottom > v.InnerHeight+0.5) {
						t.Errorf("%s: the entry spans y = %.1f…%.1f, outside the %v px high viewport", name, v.Rect.Top, v.Rect.Bottom, v.InnerHeight)
					}
					if v.Covered != "" {
						t.Errorf("%s: the entry is covered by %s", name, v.Covered)
					}
					t.Logf("%s → <%s id=%q> at y = %.0f…%.0f of %v", name, v.Tag, strings.TrimPrefix(v.Hash, "#"), v.Rect.Top, v.Rect.Bottom, v.InnerHeight)
				}
			}
			tb.checkConsole(t, "/research/ (citations)")
		})
	}
}

package site

import (
	"fmt"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// TestHeaderMarksTheCurrentPageOnEveryPage: the header is rendered once
// per section (partialCached), yet every page gets the menu state that is
// its own: a page the menu names is "current" (aria-current=page), a
// page under a menu entry's section makes that entry active, and two
// regular pages of one section share their header only when neither is in
// the menu.
func TestHeaderMarksTheCurrentPageOnEveryPage(t *testing.T) {
	site := hugotest.Build(t, hugotest.Fixture(t, `
-- hugo.toml --
title = "Test lab"
baseURL = "https://lab.example/"
[[menus.main]]
name = "Research"
pageRef = "/research"
weight = 10
[[menus.main]]
name = "About"
pageRef = "/about"
weight = 20
-- content/_index.md --
---
title: Home
---
-- content/about.md --
---
title: About
---
-- content/contact.md --
---
title: Contact
---
-- content/research/_index.md --
---
title: Research
---
-- content/research/a.md --
---
title: A
color: "#538d5f"
weight: 10
---
-- content/research/b.md --
---
title: B
color: "#c97b33"
weight: 20
---
`))
	for page, want := range map[string]string{
		"index.html":            "[]",
		"about/index.html":      "[About:current]",
		"contact/index.html":    "[]",
		"research/index.html":   "[Research:current]",
		"research/a/index.html": "[Research:active]",
		"research/b/index.html": "[Research:active]",
	} {
		var got []string
		for _, a := range site.Parse(t, page).Find(hugotest.Class("site-menu__link")) {
			if cur, _ := a.Attr("aria-current"); cur == "page" {
				got = append(got, a.Text()+":current")
			} else if a.HasClass("is-active") {
				got = append(got, a.Text()+":active")
			}
		}
		if fmt.Sprint(got) != want && !(want == "[]" && len(got) == 0) {
			t.Errorf("%s: menu %v, want %s", page, got, want)
		}
	}
	home := site.Parse(t, "index.html").Find(hugotest.Class("site-header__brand"))
	about := site.Parse(t, "about/index.html").Find(hugotest.Class("site-header__brand"))
	if cur, _ := home[0].Attr("aria-current"); cur != "page" {
		t.Error("the lab's name is not the current page on the home page")
	}
	if _, ok := about[0].Attr("aria-current"); ok {
		t.Error("the lab's name is the current page on the about page")
	}
}

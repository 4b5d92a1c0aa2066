package validate

import (
	"slices"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
)

// image is a Markdown image: ![alt](src "title").
type image struct {
	src string
	off int // offset of src
}

// body checks the page body: the figure, figref and cite shortcodes and
// Markdown images.
func (c *checker) body() {
	doc := c.doc
	if len(doc.Body) == 0 {
		return
	}
	shortcodes, spans := c.shortcodes()
	images, names := c.markdown(spans)
	for _, sc := range shortcodes {
		if sc.name == "figure" {
			if a, ok := sc.get("name"); ok {
				names = append(names, a.value)
			}
		}
	}
	c.figureIDCollisions(shortcodes)
	var cites []scArg
	unnamed := map[string]bool{} // srcs of figures without a name
	for _, sc := range shortcodes {
		switch sc.name {
		case "figure":
			c.figure(sc, unnamed)
		case "figref":
			c.figref(sc, names)
		case "cite":
			for _, a := range sc.args {
				if a.key == "" && a.value != "narrative" {
					cites = append(cites, a)
				}
			}
			if len(sc.args) == 0 {
				c.report(c.doc.PosAt(sc.off), Error, RuleCite, `give one or more keys: {{< cite "key" >}}`, "cite without a key")
			}
		}
	}
	c.cites(cites)
	for _, img := range images {
		if isRemote(img.src) {
			c.report(c.doc.PosAt(img.off), Error, RuleFigure, offSiteHint, "image %q is not on this site", img.src)
			continue
		}
		c.file(c.doc.PosAt(img.off), "image", img.src)
	}
}

// offSiteHint explains why figures must be the site's own files.
const offSiteHint = "save it in the page bundle, assets/ or static/: the Content-Security-Policy lets pages show only the site's own images"

// figure checks a figure shortcode: it needs src and alt, and its src must
// be a file of the site. Two figures of the same image without names would
// get the same number (and id), so the second is reported; unnamed holds the
// srcs of the page's unnamed figures so far.
func (c *checker) figure(sc shortcode, unnamed map[string]bool) {
	pos := c.doc.PosAt(sc.off)
	src, ok := sc.get("src")
	switch {
	case !ok || strings.TrimSpace(src.value) == "":
		c.report(pos, Error, RuleFigure, `add the image: src="brainwide.svg"`, "figure without src")
	case isRemote(src.value):
		c.report(c.doc.PosAt(src.off), Error, RuleFigure, offSiteHint, "figure image %q is not on this site", src.value)
	default:
		c.file(c.doc.PosAt(src.off), "figure src", src.value)
	}
	if _, named := sc.get("name"); ok && !named {
		if unnamed[src.value] {
			c.report(pos, Error, RuleFigure, `name each of them: name="…"`, "a second figure of %q without a name: both would be numbered as the first", src.value)
		}
		unnamed[src.value] = true
	}
	if alt, ok := sc.get("alt"); !ok || strings.TrimSpace(alt.value) == "" {
		c.report(pos, Error, RuleFigure, `describe the image for readers who cannot see it: alt="…"`, "figure without alt text")
	}
}

// figref checks that a figref names a figure of the same page.
func (c *checker) figref(sc shortcode, names []string) {
	ref, ok := sc.get("")
	if !ok {
		ref, ok = sc.get("name")
	}
	if !ok || ref.value == "" {
		c.report(c.doc.PosAt(sc.off), Error, RuleFigref, `name the figure: {{< figref "brainwide" >}}`, "figref without a figure name")
		return
	}
	if slices.Contains(names, ref.value) {
		return
	}
	hint := didYouMean(ref.value, names)
	if hint == "" {
		hint = `name a figure with name="` + ref.value + `", or put {#` + ref.value + `} on the line after a Markdown image`
	}
	c.report(c.doc.PosAt(ref.off), Error, RuleFigref, hint, "no figure on this page is named %q", ref.value)
}

// cites checks cite keys against data/bibliography.json.
func (c *checker) cites(keys []scArg) {
	if len(keys) == 0 {
		return
	}
	if c.s.bib == nil {
		c.report(c.doc.PosAt(keys[0].off), Error, RuleCite,
			"run labtool import bibtex FILE --bibliography to write it from the lab's BibTeX",
			"cite key %q cannot be resolved: the site has no %s", keys[0].value, model.BibliographyFile)
		return
	}
	var ids []string
	for _, k := range keys {
		if c.s.bib[k.value] {
			continue
		}
		if ids == nil {
			for id := range c.s.bib {
				ids = append(ids, id)
			}
			slices.Sort(ids)
		}
		hint := didYouMean(k.value, ids)
		if hint == "" {
			hint = "cite keys are the ids in " + model.BibliographyFile + "; add the entry to the .bib file and run labtool import bibtex FILE --bibliography"
		}
		c.report(c.doc.PosAt(k.off), Error, RuleCite, hint, "unknown cite key %q", k.value)
	}
}

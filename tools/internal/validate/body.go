package validate

import (
	"bytes"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// shortcode is one opening shortcode tag in a page body.
type shortcode struct {
	name string
	off  int // offset of "{{" in the document's Src
	args []scArg
}

// scArg is one argument of a shortcode: named (key="value") or
// positional (key is "").
type scArg struct {
	key, value string
	off        int // offset of the value (its opening quote, if quoted)
}

func (sc *shortcode) get(key string) (scArg, bool) {
	for _, a := range sc.args {
		if a.key == key {
			return a, true
		}
	}
	return scArg{}, false
}

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
	shortcodes := c.shortcodes()
	images, names := c.markdownImages()
	for _, sc := range shortcodes {
		if sc.name == "figure" {
			if a, ok := sc.get("name"); ok {
				names = append(names, a.value)
			}
		}
	}
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

// shortcodes finds the opening shortcode tags of the body, with their
// arguments, as Hugo's lexer reads them: {{< name args >}} or
// {{% name args %}}, arguments in double quotes (with \" escapes, on one
// line), in backquotes, or bare, named (key="value") or positional.
// Closing tags and {{</* comments */>}} are skipped. Hugo reads shortcodes in code blocks
// too, so they count there.
func (c *checker) shortcodes() []shortcode {
	src := c.doc.Src
	var out []shortcode
	for off := c.doc.BodyOffset; ; {
		i := bytes.Index(src[off:], []byte("{{"))
		if i < 0 {
			return out
		}
		start := off + i
		j := start + 2
		if j >= len(src) || src[j] != '<' && src[j] != '%' {
			off = j
			continue
		}
		closing := "%}}"
		if src[j] == '<' {
			closing = ">}}"
		}
		j++
		if bytes.HasPrefix(src[j:], []byte("/*")) {
			end := bytes.Index(src[j:], []byte("*/"+closing))
			if end < 0 {
				c.report(c.doc.PosAt(start), Error, RuleShortcode, "end it with */"+closing, "shortcode comment is never closed")
				return out
			}
			off = j + end + 2 + len(closing)
			continue
		}
		sc, end, problem := parseShortcode(src, j, closing)
		sc.off = start
		if problem != "" {
			c.report(c.doc.PosAt(start), Error, RuleShortcode, "", "%s", problem)
			return out
		}
		if sc.name != "" {
			out = append(out, sc)
		}
		off = end
	}
}

// parseShortcode reads a shortcode's name and arguments from src[j:] up to
// closing, and returns the offset after closing, or what is wrong. A
// closing tag ({{< /name >}}) gives a shortcode without a name.
func parseShortcode(src []byte, j int, closing string) (sc shortcode, end int, problem string) {
	j = skipSpace(src, j)
	isClose := j < len(src) && src[j] == '/'
	if isClose {
		j = skipSpace(src, j+1)
	}
	k := j
	for k < len(src) && isNameByte(src[k]) {
		k++
	}
	name := string(src[j:k])
	if !isClose {
		sc.name = name
	}
	unclosed := func() (shortcode, int, string) {
		if name == "" {
			return sc, -1, "shortcode is never closed: no " + closing + " follows"
		}
		return sc, -1, "shortcode " + strconv.Quote(name) + " is never closed: no " + closing + " follows"
	}
	j = k
	for {
		j = skipSpace(src, j)
		if j >= len(src) {
			return unclosed()
		}
		if bytes.HasPrefix(src[j:], []byte(closing)) {
			return sc, j + len(closing), ""
		}
		if src[j] == '/' && bytes.HasPrefix(src[j+1:], []byte(closing)) {
			return sc, j + 1 + len(closing), ""
		}
		// A named argument: key=value, with spaces allowed around "=".
		key := ""
		k := j
		for k < len(src) && isNameByte(src[k]) {
			k++
		}
		if eq := skipSpace(src, k); k > j && eq < len(src) && src[eq] == '=' {
			key = string(src[j:k])
			j = skipSpace(src, eq+1)
			if j >= len(src) {
				return unclosed()
			}
		}
		value, next, ok := scValue(src, j, closing)
		if !ok {
			if src[j] == '"' {
				return sc, -1, "unterminated quoted argument in shortcode " + strconv.Quote(name) + ": a quoted argument ends on its line"
			}
			return unclosed()
		}
		sc.args = append(sc.args, scArg{key: key, value: value, off: j})
		j = next
	}
}

// scValue reads one argument value at src[j:].
func scValue(src []byte, j int, closing string) (value string, next int, ok bool) {
	switch src[j] {
	case '"':
		var b strings.Builder
		for k := j + 1; k < len(src); k++ {
			switch src[k] {
			case '\\':
				if k+1 < len(src) && src[k+1] == '"' {
					k++
				}
				b.WriteByte(src[k])
			case '"':
				return b.String(), k + 1, true
			case '\n':
				return "", 0, false
			default:
				b.WriteByte(src[k])
			}
		}
		return "", 0, false
	case '`':
		end := bytes.IndexByte(src[j+1:], '`')
		if end < 0 {
			return "", 0, false
		}
		return string(src[j+1 : j+1+end]), j + end + 2, true
	}
	k := j
	for k < len(src) && !isSpaceByte(src[k]) && !bytes.HasPrefix(src[k:], []byte(closing)) {
		k++
	}
	if k == j {
		// A lone character that starts no value, such as "=".
		k++
	}
	return string(src[j:k]), k, true
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '/' || c == '.'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(src []byte, j int) int {
	for j < len(src) && isSpaceByte(src[j]) {
		j++
	}
	return j
}

func endLine(src []byte, j int) int {
	if i := bytes.IndexByte(src[j:], '\n'); i >= 0 {
		return j + i
	}
	return len(src)
}

// markdownImages finds the Markdown images of the body outside code, and
// the names given to images with a {#name} line right after them.
func (c *checker) markdownImages() (images []image, names []string) {
	src := c.doc.Src
	if !bytes.Contains(src[c.doc.BodyOffset:], []byte("![")) {
		return nil, nil
	}
	var fence []byte // the open code fence, if any
	prevImage := false
	for off := c.doc.BodyOffset; off < len(src); {
		end := endLine(src, off)
		line := bytes.TrimRight(src[off:end], "\r")
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		hasImage := false
		switch {
		case fence != nil:
			if indent < 4 && bytes.HasPrefix(trimmed, fence) && len(bytes.Trim(trimmed, string(fence[:1]))) == 0 {
				fence = nil
			}
		case indent < 4 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			n := 0
			for n < len(trimmed) && trimmed[n] == trimmed[0] {
				n++
			}
			fence = trimmed[:n]
		case prevImage && bytes.HasPrefix(trimmed, []byte("{#")) && bytes.HasSuffix(bytes.TrimRight(trimmed, " "), []byte("}")):
			attr := bytes.TrimSuffix(bytes.TrimRight(trimmed, " "), []byte("}"))[2:]
			if name, _, _ := bytes.Cut(attr, []byte(" ")); len(name) > 0 {
				names = append(names, string(name))
			}
		default:
			for _, img := range lineImages(line, off) {
				images = append(images, img)
				hasImage = true
			}
		}
		prevImage = hasImage
		off = end + 1
	}
	return images, names
}

// lineImages finds the images ![alt](src "title") of one line, which
// starts at offset off, outside `code spans`.
func lineImages(line []byte, off int) []image {
	var out []image
	ticks, counted := 0, 0 // backticks in line[:counted]
	for i := 0; i < len(line); i++ {
		next := bytes.Index(line[i:], []byte("!["))
		if next < 0 {
			break
		}
		i += next
		ticks += bytes.Count(line[counted:i], []byte("`"))
		counted = i
		if ticks%2 == 1 || i > 0 && line[i-1] == '\\' {
			continue
		}
		// The alt text: up to the matching ].
		depth, j := 0, i+1
		for ; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
				continue
			case '[':
				depth++
			case ']':
				depth--
			}
			if depth == 0 {
				break
			}
		}
		if j+1 >= len(line) || line[j+1] != '(' {
			continue
		}
		k := j + 2
		for k < len(line) && line[k] == ' ' {
			k++
		}
		srcStart := k
		var src string
		if k < len(line) && line[k] == '<' {
			end := bytes.IndexByte(line[k:], '>')
			if end < 0 {
				continue
			}
			src, srcStart = string(line[k+1:k+end]), k+1
			k += end + 1
		} else {
			parens := 0
			for ; k < len(line) && line[k] != ' '; k++ {
				if line[k] == '(' {
					parens++
				} else if line[k] == ')' {
					if parens == 0 {
						break
					}
					parens--
				}
			}
			src = string(line[srcStart:k])
		}
		if u, err := url.PathUnescape(src); err == nil {
			src = u
		}
		if cut := strings.IndexAny(src, "?#"); cut >= 0 {
			src = src[:cut]
		}
		if src != "" {
			out = append(out, image{src: src, off: off + srcStart})
		}
		i = k
	}
	return out
}

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
			"cite key %q cannot be resolved: the site has no %s", keys[0].value, bibliographyFile)
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
			hint = "cite keys are the ids in " + bibliographyFile + "; add the entry to the .bib file and run labtool import bibtex FILE --bibliography"
		}
		c.report(c.doc.PosAt(k.off), Error, RuleCite, hint, "unknown cite key %q", k.value)
	}
}

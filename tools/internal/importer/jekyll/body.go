package jekyll

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyOptions say what a body may become.
type bodyOptions struct {
	// research lets coloured headings become research themes.
	research bool
	// section is the section whose own page this is ("people"), whose
	// list the theme makes: Liquid that listed it is left out.
	section string
}

// theme is a research theme found in a page.
type theme struct {
	title, color, summary, body string
}

// converted is a page body in labsite's Markdown.
type converted struct {
	// title is the heading that opened a research page, which becomes its
	// title.
	title  string
	body   string
	themes []theme
}

// conv converts one file's body.
type conv struct {
	imp     *importer
	s       *source
	tokens  []string
	figures map[int]string // figure number → name
	// seen counts the elements of each tag met so far, to find their
	// line in the source.
	seen    map[string]int
	dropped map[string][]int // tag → lines, of markup kept only as text
	// lower is the body in lower case; tagOff and tagCount say how far
	// lineOf has searched it for each tag.
	lower    string
	tagOff   map[string]int
	tagCount map[string]int
	inFigure bool
	section  string
}

var (
	fences   = regexp.MustCompile("(?ms)^ {0,3}(```|~~~)[^\n]*\n.*?^ {0,3}(```|~~~)[ \t]*$")
	codeSpan = regexp.MustCompile("`[^`\n]+`")
	autolink = regexp.MustCompile(`<(?:https?://|mailto:)[^>\s]+>`)
	kramdown = regexp.MustCompile(`(?m)^\{:[^}\n]*\}[ \t]*$|\{:[^}\n]*\}`)
)

// convertBody converts a page's body: Liquid first (as Jekyll runs it
// before Markdown), then the raw HTML, with code kept as it is.
func (imp *importer) convertBody(s *source, o bodyOptions) converted {
	if s.conv != nil {
		return *s.conv
	}
	c := &conv{imp: imp, s: s, section: o.section, figures: map[int]string{}, seen: map[string]int{}, dropped: map[string][]int{}, tagOff: map[string]int{}, tagCount: map[string]int{}}
	text := c.liquid(s.body)
	protect := func(re *regexp.Regexp) {
		text = re.ReplaceAllStringFunc(text, func(m string) string { return c.token(m) })
	}
	if !s.html {
		protect(fences)
		protect(codeSpan)
		protect(autolink)
		if loc := kramdown.FindStringIndex(text); loc != nil {
			imp.report.add(s.rel, c.lineOfText(text[loc[0]:loc[1]]), Warning, "markdown", "kramdown attribute lists such as %s were left out: Hugo's Markdown has no such syntax", text[loc[0]:loc[1]])
			text = kramdown.ReplaceAllString(text, "")
		}
	}
	nodes, err := html.ParseFragment(strings.NewReader(text), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		// x/net/html recovers from any markup; this is a read error.
		imp.report.add(s.rel, 0, Error, "html", "%v", err)
		return converted{body: c.restore(text)}
	}
	for _, n := range nodes {
		c.scanFigures(n)
	}
	var out converted
	if o.research && hasColouredHeading(nodes) {
		out = c.research(nodes)
	} else {
		out.body = c.blocks(nodes, !s.html)
	}
	for tag, lines := range c.dropped {
		msg := fmt.Sprintf("<%s> markup was dropped and its text kept: Hugo's Markdown drops raw HTML, and the theme has no equivalent", tag)
		if len(lines) > 1 {
			msg = fmt.Sprintf("%d <%s> elements: markup dropped, text kept (Hugo's Markdown drops raw HTML); lines %s", len(lines), tag, joinInts(lines))
		}
		imp.report.add(s.rel, lines[0], Warning, "html", "%s", msg)
	}
	out.body = tidy(c.restore(out.body))
	for i := range out.themes {
		out.themes[i].body = tidy(c.restore(out.themes[i].body))
	}
	return out
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

var (
	blankLines  = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)
	spaceOnly   = regexp.MustCompile(`(?m)^[ \t]+$`)
	trailingSpc = regexp.MustCompile(`(?m)[ \t]+$`)
)

// tidy trims blank lines and trailing spaces.
func tidy(s string) string {
	s = spaceOnly.ReplaceAllString(s, "")
	s = trailingSpc.ReplaceAllString(s, "")
	s = blankLines.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

// lineOfText is the source line where text first occurs, or else the
// line given (or the body's first line).
func (c *conv) lineOfText(text string, otherwise ...int) int {
	if i := strings.Index(c.s.body, text); i >= 0 && text != "" {
		return c.lineAt(i)
	}
	if len(otherwise) > 0 {
		return otherwise[0]
	}
	return c.s.bodyLine
}

// lineOf is the source line of the element n: the k-th "<tag" of the
// body, for the k-th element of that tag met.
func (c *conv) lineOf(n *html.Node) int {
	if c.lower == "" {
		c.lower = strings.ToLower(c.s.body)
	}
	c.seen[n.Data]++
	k := c.seen[n.Data]
	off := c.tagOff[n.Data]
	for ; k > c.tagCount[n.Data]; c.tagCount[n.Data]++ {
		for {
			j := strings.Index(c.lower[off:], "<"+n.Data)
			if j < 0 {
				return c.s.bodyLine
			}
			off += j + 1 + len(n.Data)
			if off >= len(c.lower) || strings.ContainsRune(" \t\r\n/>", rune(c.lower[off])) {
				break
			}
		}
		c.tagOff[n.Data] = off
	}
	return c.lineAt(off - 1 - len(n.Data))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

var colourStyle = regexp.MustCompile(`(?i)(?:^|;)\s*color\s*:\s*(#[0-9a-f]{3}(?:[0-9a-f]{3})?)\b`)

// styleColour is the colour a style attribute sets, as #rrggbb.
func styleColour(n *html.Node) string {
	m := colourStyle.FindStringSubmatch(attr(n, "style"))
	if m == nil {
		return ""
	}
	c, err := model.ParseHex(expandHex(m[1]))
	if err != nil {
		return ""
	}
	// Keep the source's own spelling (case) when it is already #rrggbb.
	if len(m[1]) == 7 {
		return m[1]
	}
	return c.Hex()
}

func expandHex(h string) string {
	if len(h) == 4 {
		return "#" + strings.Repeat(h[1:2], 2) + strings.Repeat(h[2:3], 2) + strings.Repeat(h[3:4], 2)
	}
	return h
}

func isHeading(n *html.Node) bool {
	return n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
}

func hasColouredHeading(nodes []*html.Node) bool {
	for _, n := range nodes {
		if isHeading(n) && styleColour(n) != "" {
			return true
		}
	}
	return false
}

// research converts a lab's research page: a heading, a masthead, a
// figure, then coloured headings that each open a research theme.
func (c *conv) research(nodes []*html.Node) converted {
	var out converted
	var intro, outro []*html.Node
	var cur *theme
	var themeNodes [][]*html.Node
	ended := false
	for _, n := range nodes {
		switch {
		case isHeading(n) && styleColour(n) != "":
			c.lineOf(n)
			out.themes = append(out.themes, theme{title: textOf(n), color: styleColour(n)})
			themeNodes = append(themeNodes, nil)
			cur = &out.themes[len(out.themes)-1]
			ended = false
		case cur == nil:
			intro = append(intro, n)
		case n.Type == html.ElementNode && n.Data == "hr":
			ended = true
		case ended:
			outro = append(outro, n)
		default:
			themeNodes[len(themeNodes)-1] = append(themeNodes[len(themeNodes)-1], n)
		}
	}
	// The intro: its first heading is the page's title; its first
	// <header> the masthead.
	var b strings.Builder
	masthead := false
	for _, n := range intro {
		switch {
		case n.Type == html.TextNode && out.title == "":
			if loc := headingLine.FindStringSubmatchIndex(n.Data); loc != nil && strings.TrimSpace(n.Data[:loc[0]]) == "" {
				out.title = strings.TrimSpace(strings.Trim(n.Data[loc[2]:loc[3]], "*_"))
				b.WriteString(c.blocks([]*html.Node{{Type: html.TextNode, Data: n.Data[loc[1]:]}}, true))
				continue
			}
			b.WriteString(c.blocks([]*html.Node{n}, true))
		case n.Type == html.ElementNode && n.Data == "header" && !masthead:
			masthead = true
			c.lineOf(n)
			b.WriteString("\n\n" + c.token("{{< masthead >}}") + "\n" + c.children(n) + "\n" + c.token("{{< /masthead >}}") + "\n\n")
		case n.Type == html.ElementNode && (n.Data == "br" || n.Data == "hr"):
			c.lineOf(n)
		default:
			b.WriteString(c.blocks([]*html.Node{n}, true))
		}
	}
	for _, n := range outro {
		if n.Type == html.ElementNode && (n.Data == "br" || n.Data == "hr") {
			continue
		}
		b.WriteString(c.blocks([]*html.Node{n}, true))
	}
	out.body = b.String()
	for i := range out.themes {
		var tb strings.Builder
		for _, n := range themeNodes[i] {
			switch {
			case n.Type == html.ElementNode && n.Data == "header":
				c.lineOf(n)
				tb.WriteString("\n\n" + c.children(n) + "\n\n")
			case n.Type == html.ElementNode && (n.Data == "br" || n.Data == "hr"):
				c.lineOf(n)
			default:
				tb.WriteString(c.blocks([]*html.Node{n}, true))
			}
		}
		out.themes[i].body = tb.String()
	}
	return out
}

// textOf is an element's text, white space collapsed.
func textOf(n *html.Node) string { return strings.Join(strings.Fields(rawText(n)), " ") }

// blocks converts a list of nodes; markdown says that text outside
// elements is Markdown (a .md file) rather than HTML text.
func (c *conv) blocks(nodes []*html.Node, markdown bool) string {
	var b strings.Builder
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		if n.Type == html.TextNode {
			if markdown {
				b.WriteString(c.text(n.Data, false))
			} else {
				b.WriteString(c.text(n.Data, true))
			}
			continue
		}
		b.WriteString(c.node(n))
	}
	return b.String()
}

// children converts an element's content as HTML.
func (c *conv) children(n *html.Node) string {
	var list []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		list = append(list, ch)
	}
	return strings.TrimSpace(c.inlineList(list))
}

// inlineList converts nodes inside an element: text is HTML text, runs of
// two <br> are paragraph breaks.
func (c *conv) inlineList(list []*html.Node) string {
	var b strings.Builder
	for i := 0; i < len(list); i++ {
		n := list[i]
		if n.Type == html.ElementNode && n.Data == "br" {
			c.lineOf(n)
			// Count the <br>s in a row, white space between them aside.
			j, brs := i+1, 1
			for j < len(list) {
				if list[j].Type == html.TextNode && strings.TrimSpace(list[j].Data) == "" {
					j++
					continue
				}
				if list[j].Type == html.ElementNode && list[j].Data == "br" {
					c.lineOf(list[j])
					brs++
					j++
					continue
				}
				break
			}
			if brs > 1 {
				b.WriteString("\n\n")
			} else if !strings.HasSuffix(strings.TrimRight(b.String(), " "), "\n") && b.Len() > 0 {
				b.WriteString("\\\n")
			}
			i = j - 1
			continue
		}
		if n.Type == html.TextNode {
			t := c.text(n.Data, true)
			if strings.HasSuffix(b.String(), "\n") {
				t = strings.TrimLeft(t, " ")
			}
			b.WriteString(t)
			continue
		}
		b.WriteString(c.node(n))
	}
	return b.String()
}

var collapse = regexp.MustCompile(`[ \t\r\n]+`)

// text converts text: citations and figure references first; HTML text
// has its white space collapsed and Markdown's special characters
// escaped.
func (c *conv) text(t string, htmlText bool) string {
	line := c.lineOfText(strings.TrimSpace(firstLine(t)))
	if htmlText {
		t = collapse.ReplaceAllString(t, " ")
	}
	t = c.figrefs(t)
	t = c.citations(t, line)
	if htmlText {
		t = escapeMarkdown(t)
	} else {
		t = strings.ReplaceAll(t, "<", "&lt;")
		t = c.markdownLinks(t)
	}
	return t
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

var (
	mdLink    = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(\s*<?([^\s()<>]+)>?((?:\s+"[^"]*")?\s*)\)`)
	mdLinkDef = regexp.MustCompile(`(?m)^( {0,3}\[[^\]\n]+\]:\s*)(\S+)`)
)

// markdownLinks copies the files that Markdown links and images point at
// (images, PDFs) and reports images without alt text or on other sites.
func (c *conv) markdownLinks(t string) string {
	t = mdLink.ReplaceAllStringFunc(t, func(m string) string {
		sm := mdLink.FindStringSubmatch(m)
		line := c.lineOfText(m)
		dest := sm[3]
		if sm[1] == "!" {
			if u, ok := c.imp.image(c.s.rel, line, dest); ok {
				dest = u
			} else if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") {
				c.imp.report.add(c.s.rel, line, Warning, "image", "image %s is on another site, which the Content-Security-Policy does not allow: it became a link; download it into static/ to show it", dest)
				return "[" + orDefault(sm[2], dest) + "](" + dest + ")"
			}
			alt := sm[2]
			if strings.TrimSpace(alt) == "" {
				alt = altFromFile(dest)
				c.imp.report.add(c.s.rel, line, Warning, "alt", "image %s has no alt text: %q was written; describe what it shows", sm[3], alt)
			}
			return "![" + alt + "](" + dest + sm[4] + ")"
		}
		return "[" + sm[2] + "](" + c.imp.linkTarget(c.s.rel, line, dest) + sm[4] + ")"
	})
	return mdLinkDef.ReplaceAllStringFunc(t, func(m string) string {
		sm := mdLinkDef.FindStringSubmatch(m)
		return sm[1] + c.imp.linkTarget(c.s.rel, c.lineOfText(m), sm[2])
	})
}

var mdSpecial = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `&lt;`)

func escapeMarkdown(s string) string { return mdSpecial.Replace(s) }

var figRef = regexp.MustCompile(`\b(?:Figs?\.|Figures?)\s*(\d+)([a-z])?\b`)

// figrefs turns "Fig. 1a" into a figref, for the figures of the page.
func (c *conv) figrefs(t string) string {
	if c.inFigure || len(c.figures) == 0 {
		return t
	}
	return figRef.ReplaceAllStringFunc(t, func(m string) string {
		sm := figRef.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sm[1])
		name, ok := c.figures[n]
		if !ok {
			return m
		}
		if sm[2] != "" {
			return c.token(`{{< figref ` + strconv.Quote(name) + ` ` + strconv.Quote(sm[2]) + ` >}}`)
		}
		return c.token(`{{< figref ` + strconv.Quote(name) + ` >}}`)
	})
}

// inline elements keep their text in the paragraph.
var inlineTags = map[string]bool{"a": true, "b": true, "strong": true, "i": true, "em": true, "code": true, "span": true, "font": true, "small": true, "sup": true, "sub": true, "u": true, "abbr": true, "cite": true, "time": true, "mark": true, "label": true, "s": true, "del": true, "ins": true, "kbd": true, "var": true, "q": true, "big": true, "tt": true, "img": true, "br": true}

// simpleTags become Markdown without a report.
var simpleTags = map[string]bool{"p": true, "a": true, "b": true, "strong": true, "i": true, "em": true, "br": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true, "img": true, "center": true, "code": true, "pre": true, "hr": true, "blockquote": true}

// node converts one element.
func (c *conv) node(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	line := c.lineOf(n)
	if styleColour(n) != "" && !isHeading(n) {
		c.imp.report.add(c.s.rel, line, Warning, "style", "<%s> coloured its text %s: the colour was dropped (the Content-Security-Policy forbids style=); use a research theme's colour if it marked one", n.Data, styleColour(n))
	}
	if fig, ok := c.figure(n, line); ok {
		return fig
	}
	switch n.Data {
	case "script", "noscript":
		c.imp.report.add(c.s.rel, line, Warning, "script", "<%s> removed: the Content-Security-Policy forbids scripts, and the theme needs none", n.Data)
		return ""
	case "style", "link", "meta":
		c.imp.report.add(c.s.rel, line, Warning, "style", "<%s> removed: the theme's stylesheet styles the site, and the Content-Security-Policy forbids inline styles", n.Data)
		return ""
	case "iframe", "video", "audio", "embed", "object":
		src := attr(n, "src")
		if src == "" {
			src = attr(n, "data")
		}
		c.imp.report.add(c.s.rel, line, Warning, "embed", "<%s> %s removed: the Content-Security-Policy allows no embedded content; a link to it was kept", n.Data, src)
		if src == "" {
			return ""
		}
		return "\n\n[" + escapeMarkdown(orDefault(attr(n, "title"), src)) + "](" + src + ")\n\n"
	case "p", "center", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "address", "details", "summary", "form", "dl", "dt", "dd":
		if !simpleTags[n.Data] {
			c.dropped[n.Data] = append(c.dropped[n.Data], line)
		}
		return "\n\n" + c.children(n) + "\n\n"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if col := styleColour(n); col != "" {
			c.imp.report.add(c.s.rel, line, Warning, "style", "heading %q was coloured %s: the colour was dropped", textOf(n), col)
		}
		level, _ := strconv.Atoi(n.Data[1:])
		return "\n\n" + strings.Repeat("#", level) + " " + strings.TrimSpace(collapse.ReplaceAllString(c.children(n), " ")) + "\n\n"
	case "hr":
		return "\n\n***\n\n"
	case "br":
		return "\\\n"
	case "b", "strong":
		return wrapInline(c.children(n), "**")
	case "i", "em":
		return wrapInline(c.children(n), "*")
	case "code", "tt", "kbd":
		return "`" + strings.ReplaceAll(textOf(n), "`", "") + "`"
	case "pre":
		return "\n\n```\n" + strings.Trim(rawText(n), "\n") + "\n```\n\n"
	case "a":
		inner := c.children(n)
		href := attr(n, "href")
		if href == "" {
			return inner
		}
		href = c.imp.linkTarget(c.s.rel, line, href)
		if strings.HasPrefix(c.restore(href), "`") {
			// The address was Liquid, kept as code: no link to make.
			return inner + " (" + href + ")"
		}
		if inner == "" {
			inner = escapeMarkdown(href)
		}
		return "[" + inner + "](" + mdURL(href) + ")"
	case "img":
		return c.image(n, line)
	case "ul", "ol":
		return "\n\n" + c.list(n) + "\n\n"
	case "li":
		return "\n\n- " + c.children(n) + "\n\n"
	case "blockquote":
		inner := tidy(c.children(n))
		return "\n\n> " + strings.ReplaceAll(inner, "\n", "\n> ") + "\n\n"
	case "table":
		c.imp.report.add(c.s.rel, line, Warning, "html", "<table> became a Markdown table, one line per row: check it (a cell keeps its text, not its blocks)")
		return "\n\n" + c.table(n) + "\n\n"
	}
	if c.inFigure {
		return c.children(n)
	}
	if !inlineTags[n.Data] {
		c.dropped[n.Data] = append(c.dropped[n.Data], line)
		return "\n\n" + c.children(n) + "\n\n"
	}
	if !simpleTags[n.Data] && (n.Data != "span" || len(n.Attr) > 0) {
		c.dropped[n.Data] = append(c.dropped[n.Data], line)
	}
	return c.children(n)
}

func wrapInline(inner, mark string) string {
	t := strings.TrimSpace(inner)
	if t == "" {
		return inner
	}
	lead := inner[:len(inner)-len(strings.TrimLeft(inner, " \n"))]
	trail := inner[len(strings.TrimRight(inner, " \n")):]
	return lead + mark + t + mark + trail
}

// rawText is an element's text as written.
func rawText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}

// mdURL writes a link destination, in angle brackets when it holds a
// space or parentheses.
func mdURL(u string) string {
	if strings.ContainsAny(u, " ()") && !strings.HasPrefix(u, "\uE000") {
		return "<" + u + ">"
	}
	return u
}

// list converts <ul> or <ol>.
func (c *conv) list(n *html.Node) string {
	var b strings.Builder
	i := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		if li.Data != "li" {
			b.WriteString(c.node(li))
			continue
		}
		c.lineOf(li)
		i++
		marker := "- "
		if n.Data == "ol" {
			marker = strconv.Itoa(i) + ". "
		}
		inner := tidy(c.children(li))
		inner = strings.ReplaceAll(inner, "\n", "\n"+strings.Repeat(" ", len(marker)))
		b.WriteString(marker + inner + "\n")
	}
	return b.String()
}

// table converts a table to a Markdown table, one row per line.
func (c *conv) table(n *html.Node) string {
	var rows [][]string
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "tr" {
			var cells []string
			for td := x.FirstChild; td != nil; td = td.NextSibling {
				if td.Type == html.ElementNode && (td.Data == "td" || td.Data == "th") {
					cells = append(cells, strings.ReplaceAll(strings.TrimSpace(collapse.ReplaceAllString(c.children(td), " ")), "|", `\|`))
				}
			}
			rows = append(rows, cells)
			return
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	if len(rows) == 0 {
		return ""
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var b strings.Builder
	for i, r := range rows {
		for len(r) < width {
			r = append(r, "")
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	return b.String()
}

// image converts <img>.
func (c *conv) image(n *html.Node, line int) string {
	src := attr(n, "src")
	if src == "" {
		return ""
	}
	alt := strings.TrimSpace(attr(n, "alt"))
	u, ok := c.imp.image(c.s.rel, line, src)
	if !ok {
		if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "//") {
			c.imp.report.add(c.s.rel, line, Warning, "image", "image %s is on another site, which the Content-Security-Policy does not allow: it became a link; download it into static/ to show it", src)
			return "[" + escapeMarkdown(orDefault(alt, src)) + "](" + mdURL(src) + ")"
		}
		u = src
	}
	if alt == "" {
		alt = altFromFile(src)
		c.imp.report.add(c.s.rel, line, Warning, "alt", "image %s has no alt text: %q was written; describe what it shows", src, alt)
	}
	return "![" + escapeMarkdown(alt) + "](" + mdURL(u) + ")"
}

var figureLabel = regexp.MustCompile(`^\s*Fig(?:ure|\.)\s*(\d+)\s*[:.]`)

// scanFigures finds the numbered figures of a page before any text is
// converted, so that a figref before its figure resolves.
func (c *conv) scanFigures(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if num, img, ok := figureParts(n); ok {
		c.figures[num] = figureName(attr(img, "src"), num)
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.scanFigures(ch)
	}
}

// figureParts recognises a figure: an element holding one image and a
// caption whose bold start is "Figure N:".
func figureParts(n *html.Node) (int, *html.Node, bool) {
	var imgs []*html.Node
	var bold *html.Node
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode {
			switch x.Data {
			case "img":
				imgs = append(imgs, x)
			case "b", "strong":
				if bold == nil && figureLabel.MatchString(textOf(x)) {
					bold = x
				}
			}
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	if len(imgs) != 1 || bold == nil {
		return 0, nil, false
	}
	// The caption opens the element's text.
	if !figureLabel.MatchString(textOf(n)) {
		return 0, nil, false
	}
	num, _ := strconv.Atoi(figureLabel.FindStringSubmatch(textOf(bold))[1])
	return num, imgs[0], true
}

func figureName(src string, num int) string {
	name := model.Slugify(strings.TrimSuffix(path.Base(src), path.Ext(src)))
	if name == "" {
		name = "figure-" + strconv.Itoa(num)
	}
	return name
}

var (
	// captionTitle is a caption's bold start, "**Figure 1: Title.**".
	captionTitle = regexp.MustCompile(`^\*\*\s*Fig(?:ure|\.)\s*\d+\s*[:.]\s*(.*?)\s*\*\*\s*`)
	// captionLabel is a bold "**Figure 1:**" alone.
	captionLabel = regexp.MustCompile(`^\*\*\s*Fig(?:ure|\.)\s*\d+\s*[:.]\s*\*\*\s*`)
)

var boldPanel = regexp.MustCompile(`\(\*\*([a-z])\*\*\)|\*\*\(([a-z])\)\*\*`)

// figure converts a figure element (see figureParts) into the figure
// shortcode.
func (c *conv) figure(n *html.Node, line int) (string, bool) {
	num, img, ok := figureParts(n)
	if !ok {
		return "", false
	}
	c.lineOf(img) // removed below, before the rest is converted
	// The caption: the text after the image, converted; its bold
	// "Figure N: Title." opening gives the title.
	img.Parent.RemoveChild(img)
	c.inFigure = true
	caption := tidy(collapse.ReplaceAllString(c.children(n), " "))
	c.inFigure = false
	title := ""
	if m := captionTitle.FindStringSubmatch(caption); m != nil {
		title = m[1]
		caption = caption[len(m[0]):]
	} else if m := captionLabel.FindStringSubmatch(caption); m != nil {
		caption = caption[len(m[0]):]
	}
	caption = boldPanel.ReplaceAllString(caption, "($1$2)")
	src := attr(img, "src")
	u, found := c.imp.image(c.s.rel, line, src)
	if !found {
		u = src
	}
	alt := strings.TrimSpace(attr(img, "alt"))
	if alt == "" {
		alt = strings.ReplaceAll(orDefault(unescapeMarkdown(title), altFromFile(src)), `\`, "")
		c.imp.report.add(c.s.rel, line, Warning, "alt", "Figure %d (%s) has no alt text: its title was written as alt; describe what each panel shows", num, src)
	}
	sc := fmt.Sprintf(`{{< figure name=%s src=%s title=%s alt=%s >}}`, strconv.Quote(c.figures[num]), strconv.Quote(u), strconv.Quote(unescapeMarkdown(title)), strconv.Quote(alt))
	return "\n\n" + c.token(sc) + "\n" + caption + "\n" + c.token("{{< /figure >}}") + "\n\n", true
}

var mdUnescape = strings.NewReplacer(`\\`, `\`, `\*`, `*`, `\_`, `_`, "\\`", "`", `\[`, `[`, `\]`, `]`, `&lt;`, `<`)

func unescapeMarkdown(s string) string { return mdUnescape.Replace(s) }

package jekyll

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Liquid: the tags and filters that have a Hugo equivalent are converted;
// every other one stays in the page, visible as code, and is reported.

var (
	liquidTag    = regexp.MustCompile(`(?s)\{%-?\s*(\w+)(.*?)-?%\}|\{\{-?(.*?)-?\}\}`)
	liquidArg    = regexp.MustCompile(`(\w+)\s*=\s*("[^"]*"|'[^']*'|[^\s"']+)`)
	quotedString = regexp.MustCompile(`^(?:"([^"]*)"|'([^']*)')$`)
)

// endTags close the block tags whose content the import reads itself.
var endTags = map[string]*regexp.Regexp{
	"raw":       regexp.MustCompile(`\{%-?\s*endraw\s*-?%\}`),
	"highlight": regexp.MustCompile(`\{%-?\s*endhighlight\s*-?%\}`),
	"comment":   regexp.MustCompile(`\{%-?\s*endcomment\s*-?%\}`),
}

// token stores text that later passes must leave alone (a shortcode, a
// code block) and returns a placeholder for it.
func (c *conv) token(s string) string {
	c.tokens = append(c.tokens, s)
	return fmt.Sprintf("\uE000%d\uE001", len(c.tokens)-1)
}

var tokenRe = regexp.MustCompile("\uE000(\\d+)\uE001")

// restore puts the stored text back, repeatedly (a token may hold one).
func (c *conv) restore(s string) string {
	for i := 0; i < 4 && strings.ContainsRune(s, '\uE000'); i++ {
		s = tokenRe.ReplaceAllStringFunc(s, func(m string) string {
			n, _ := strconv.Atoi(m[len("\uE000") : len(m)-len("\uE001")])
			return c.tokens[n]
		})
	}
	return s
}

// lineAt is the source line of byte offset off of the body.
func (c *conv) lineAt(off int) int {
	return c.s.bodyLine + strings.Count(c.s.body[:off], "\n")
}

// unconverted keeps a Liquid tag visible, as code, and reports it.
func (c *conv) unconverted(raw string, off int, why string) string {
	c.imp.report.add(c.s.rel, c.lineAt(off), Warning, "liquid", "%s %s: kept in the page as code; replace it by hand", oneLine(raw), why)
	return c.token("`" + oneLine(raw) + "`")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// liquid converts the body's Liquid.
func (c *conv) liquid(body string) string {
	var b strings.Builder
	pos := 0
	for pos < len(body) {
		sub := body[pos:]
		loc := liquidTag.FindStringSubmatchIndex(sub)
		if loc == nil {
			b.WriteString(sub)
			break
		}
		group := func(i int) string {
			if loc[2*i] < 0 {
				return ""
			}
			return sub[loc[2*i]:loc[2*i+1]]
		}
		start, end := pos+loc[0], pos+loc[1]
		b.WriteString(sub[:loc[0]])
		raw := group(0)
		pos = end
		if loc[2] < 0 {
			b.WriteString(c.output(raw, strings.TrimSpace(group(3)), start, body[end:]))
			continue
		}
		name, args := group(1), strings.TrimSpace(group(2))
		switch name {
		case "raw", "highlight", "comment":
			e := endTags[name].FindStringIndex(body[pos:])
			if e == nil {
				b.WriteString(c.unconverted(raw, start, "has no end"+name))
				continue
			}
			inner := body[pos : pos+e[0]]
			pos += e[1]
			switch name {
			case "raw":
				b.WriteString(c.token(inner))
			case "highlight":
				lang := strings.Fields(args)
				l := ""
				if len(lang) > 0 {
					l = lang[0]
				}
				b.WriteString(c.token("\n\n```" + l + "\n" + strings.Trim(inner, "\n") + "\n```\n\n"))
			case "comment":
				c.imp.report.add(c.s.rel, c.lineAt(start), Warning, "liquid", "a {%% comment %%} was left out of the page: %s", short(oneLine(inner)))
			}
		default:
			b.WriteString(c.tag(raw, name, args, start))
		}
	}
	return b.String()
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// output converts {{ … }}.
func (c *conv) output(raw, expr string, off int, after string) string {
	parts := strings.Split(expr, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	first := parts[0]
	switch {
	case len(parts) == 1 && first == "site.baseurl":
		return ""
	case len(parts) == 1 && first == "site.url":
		if strings.HasPrefix(after, "/") || strings.HasPrefix(after, "{{") {
			return ""
		}
		return c.imp.cfg.URL
	case len(parts) == 1 && first == "site.title":
		return c.imp.siteTitle()
	case len(parts) == 1 && first == "site.description":
		return c.imp.cfg.Description
	case len(parts) == 1 && first == "site.email":
		return c.imp.cfg.Email
	case len(parts) == 1 && first == "page.title":
		return c.s.str("title")
	case len(parts) == 2 && (parts[1] == "relative_url" || parts[1] == "absolute_url" || parts[1] == "prepend: site.baseurl"):
		if m := quotedString.FindStringSubmatch(first); m != nil {
			return normaliseURL(m[1] + m[2])
		}
	}
	return c.unconverted(raw, off, "has no Hugo equivalent")
}

// tag converts {% name args %}.
func (c *conv) tag(raw, name, args string, off int) string {
	switch name {
	case "link":
		return c.token("\uE010link:" + strings.Trim(strings.TrimSpace(args), `"'`) + "\uE011")
	case "post_url":
		return c.token("\uE010post:" + strings.TrimSpace(args) + "\uE011")
	case "include", "include_relative":
		file, rest, _ := strings.Cut(args, " ")
		base := path.Base(file)
		switch {
		case strings.HasPrefix(base, "footer"):
			return "" // the theme has its footer
		case base == "figure.html" || base == "figure.liquid" || base == "image.html":
			return c.includeFigure(raw, rest, off)
		case decorative[strings.TrimSuffix(base, path.Ext(base))]:
			c.imp.report.add(c.s.rel, c.lineAt(off), Warning, "liquid", "%s: left out; it only decorates the page (an icon, a separator), and the theme has its own", oneLine(raw))
			return ""
		case c.section != "" && (strings.HasPrefix(base, "list.") || strings.HasPrefix(base, "archive")):
			c.imp.report.add(c.s.rel, c.lineAt(off), Warning, "liquid", "%s: left out; the %s page lists them itself", oneLine(raw), c.section)
			return ""
		}
		return c.unconverted(raw, off, "includes a part of the Jekyll theme, which labsite does not have")
	case "cite", "citep", "citet":
		return c.citeTag(raw, args, off, name == "citet")
	case "assign":
		c.imp.report.add(c.s.rel, c.lineAt(off), Warning, "liquid", "%s: left out; it sets a variable and shows nothing", oneLine(raw))
		return ""
	case "bibliography":
		c.imp.report.add(c.s.rel, c.lineAt(off), Warning, "liquid", "%s: left out; the publications section lists the lab's publications, and a page's references follow its citations", oneLine(raw))
		return ""
	}
	return c.unconverted(raw, off, "has no Hugo equivalent")
}

// decorative are the includes of lab templates that hold no text: icons,
// section breaks, spacers.
var decorative = map[string]bool{"icon": true, "section": true, "separator": true, "spacer": true, "fa-icon": true, "social": true, "head": true, "header": true, "scripts": true, "analytics": true}

// includeFigure converts al-folio's {% include figure.html path=… %}.
func (c *conv) includeFigure(raw, args string, off int) string {
	attrs := map[string]string{}
	for _, m := range liquidArg.FindAllStringSubmatch(args, -1) {
		v := m[2]
		if q := quotedString.FindStringSubmatch(v); q != nil {
			v = q[1] + q[2]
		} else if v != "true" && v != "false" {
			attrs[m[1]+"-var"] = v
			continue
		}
		attrs[m[1]] = v
	}
	src := orDefault(attrs["path"], attrs["image"])
	if src == "" {
		return c.unconverted(raw, off, "has no path the import can read")
	}
	line := c.lineAt(off)
	u, ok := c.imp.image(c.s.rel, line, src)
	if !ok {
		u = normaliseURL(src)
	}
	alt := attrs["alt"]
	if alt == "" {
		alt = orDefault(attrs["title"], plainText(attrs["caption"]))
		if alt == "" {
			alt = altFromFile(src)
		}
		c.imp.report.add(c.s.rel, line, Warning, "alt", "figure %s has no alt text: %q was written; describe what the image shows", src, alt)
	}
	if attrs["caption"] == "" {
		return c.token(fmt.Sprintf("\n\n{{< figure src=%s alt=%s />}}\n\n", strconv.Quote(u), strconv.Quote(alt)))
	}
	sc := fmt.Sprintf(`{{< figure src=%s alt=%s >}}`, strconv.Quote(u), strconv.Quote(alt))
	return c.token("\n\n" + sc + "\n" + attrs["caption"] + "\n{{< /figure >}}\n\n")
}

// altFromFile makes alt text of an image's file name.
func altFromFile(src string) string {
	base := strings.TrimSuffix(path.Base(src), path.Ext(src))
	return titleFromName(base)
}

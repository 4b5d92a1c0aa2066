package sitecheck

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/neuralml/labsite/tools/internal/textdist"
	"golang.org/x/net/html"
)

// tag is the attributes of one start tag that the check reads.
type tag struct {
	name                                  string
	id, aname, href, src, srcset, rel     string
	typ, poster, data, property, content  string
	httpEquiv, xlinkHref                  string
	hasHref, hasSrc, hasData, hasXlinkRef bool
}

// checkPage tokenizes one HTML page, collecting its ids and checking every
// reference it makes. cache holds the resolution of references that do not
// depend on the page (absolute paths and URLs), per worker.
func (c *checker) checkPage(file string, data []byte, cache map[string]resolved) *page {
	p := &page{ids: map[string]struct{}{}}
	pageURL := c.pageURL(file)
	baseSet := false
	var same []fragmentRef // #fragments of this page
	z := html.NewTokenizer(bytes.NewReader(data))
	offset := 0
	for {
		tt := z.Next()
		start := offset
		offset += len(z.Raw())
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		t := readTag(z, name)
		if t.id != "" {
			p.ids[t.id] = struct{}{}
		}
		if t.name == "a" && t.aname != "" {
			p.ids[t.aname] = struct{}{}
		}
		ref := func(rule, raw string) {
			c.reference(p, file, pageURL, !baseSet, rule, raw, start, cache, &same)
		}
		switch t.name {
		case "base":
			if t.hasHref {
				if u, err := url.Parse(strings.TrimSpace(t.href)); err == nil {
					pageURL = pageURL.ResolveReference(u)
					baseSet = true
				}
			}
		case "a", "area":
			if t.hasHref {
				ref(RuleLink, t.href)
			}
		case "link":
			if t.hasHref {
				if rule := linkRule(t.rel, t.typ); rule != "" {
					ref(rule, t.href)
				}
			}
		case "img":
			if t.hasSrc {
				ref(RuleImage, t.src)
			}
			for _, cand := range srcsetURLs(t.srcset) {
				ref(RuleSrcset, cand)
			}
		case "source":
			if t.hasSrc {
				ref(RuleResource, t.src)
			}
			for _, cand := range srcsetURLs(t.srcset) {
				ref(RuleSrcset, cand)
			}
		case "video":
			if t.hasSrc {
				ref(RuleResource, t.src)
			}
			if t.poster != "" {
				ref(RuleImage, t.poster)
			}
		case "script", "audio", "track", "iframe", "embed":
			if t.hasSrc {
				ref(RuleResource, t.src)
			}
		case "input":
			if t.hasSrc && strings.EqualFold(t.typ, "image") {
				ref(RuleImage, t.src)
			}
		case "object":
			if t.hasData {
				ref(RuleResource, t.data)
			}
		case "image", "use": // inline SVG
			if t.hasHref {
				ref(RuleImage, t.href)
			} else if t.hasXlinkRef {
				ref(RuleImage, t.xlinkHref)
			}
		case "meta":
			switch {
			case t.property == "og:image" || t.aname == "twitter:image":
				ref(RuleImage, t.content)
			case strings.EqualFold(t.httpEquiv, "refresh"):
				if target := refreshURL(t.content); target != "" {
					ref(RuleLink, target)
				}
			}
		}
	}
	for _, fr := range same {
		if !hasID(p.ids, fr.fragment) {
			p.problems = append(p.problems, fr.problem)
		}
	}
	return p
}

// readTag reads the attributes of the current start tag that the check
// needs.
func readTag(z *html.Tokenizer, name []byte) tag {
	t := tag{name: string(name)}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "id":
			t.id = string(v)
		case "name":
			t.aname = string(v)
		case "href":
			t.href, t.hasHref = string(v), true
		case "src":
			t.src, t.hasSrc = string(v), true
		case "srcset":
			t.srcset = string(v)
		case "rel":
			t.rel = string(v)
		case "type":
			t.typ = string(v)
		case "poster":
			t.poster = string(v)
		case "data":
			t.data, t.hasData = string(v), true
		case "property":
			t.property = string(v)
		case "content":
			t.content = string(v)
		case "http-equiv":
			t.httpEquiv = string(v)
		case "xlink:href":
			t.xlinkHref, t.hasXlinkRef = string(v), true
		}
	}
	return t
}

// linkRule returns the rule for a <link> element, or "" for one that is
// not a reference to check (preconnect, dns-prefetch, me, …).
func linkRule(rel, typ string) string {
	rule := ""
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		switch r {
		case "stylesheet":
			return RuleStylesheet
		case "alternate":
			switch strings.ToLower(strings.TrimSpace(typ)) {
			case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json":
				return RuleFeed
			}
			rule = RuleLink
		case "canonical", "prev", "next", "author", "license", "help", "search":
			if rule == "" {
				rule = RuleLink
			}
		case "icon", "apple-touch-icon", "mask-icon", "manifest", "preload", "modulepreload", "prefetch":
			if rule == "" {
				rule = RuleResource
			}
		}
	}
	return rule
}

// refreshURL returns the URL of a meta refresh's content ("0; url=/x/").
func refreshURL(content string) string {
	_, after, ok := strings.Cut(content, ";")
	if !ok {
		return ""
	}
	after = strings.TrimSpace(after)
	if len(after) < 4 || !strings.EqualFold(after[:3], "url") {
		return ""
	}
	after = strings.TrimSpace(after[3:])
	after, ok = strings.CutPrefix(after, "=")
	if !ok {
		return ""
	}
	return strings.Trim(strings.TrimSpace(after), `'"`)
}

// srcsetURLs returns the URLs of a srcset's candidates ("a.png 1x, b.png
// 2x"), following the HTML standard's parsing: a URL is a run of
// non-space characters, and its descriptors run to the next comma outside
// parentheses.
func srcsetURLs(srcset string) []string {
	var urls []string
	s := srcset
	for {
		s = strings.TrimLeft(s, " \t\n\f\r,")
		if s == "" {
			return urls
		}
		end := strings.IndexAny(s, " \t\n\f\r")
		if end < 0 {
			end = len(s)
		}
		u := s[:end]
		s = s[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			// "a.png," ends the candidate: no descriptors.
			urls = append(urls, trimmed)
			continue
		}
		urls = append(urls, u)
		depth := 0
		i := 0
	descriptors:
		for ; i < len(s); i++ {
			switch s[i] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			case ',':
				if depth == 0 {
					break descriptors
				}
			}
		}
		s = s[i:]
	}
}

// resolved is where a reference leads.
type resolved struct {
	skip     bool   // not checked: another host, mailto:, data:, …
	file     string // the file it leads to, relative to public
	fragment string
	rule     string // set when the reference is broken: the rule to report
	message  string
	hint     string
}

// reference checks one reference of a page: at once that its file exists,
// and later (checkFragments, or at the end of the page) that its #fragment
// does.
func (c *checker) reference(p *page, file string, pageURL *url.URL, cacheable bool, rule, raw string, offset int, cache map[string]resolved, same *[]fragmentRef) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	var r resolved
	key := raw
	if !cacheable || !(strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//") || strings.Contains(raw, "://")) {
		// A relative reference depends on the page's folder.
		key = path.Dir(pageURL.Path) + "\x00" + raw
	}
	if strings.HasPrefix(raw, "#") {
		r = resolved{file: file}
		if f, err := url.PathUnescape(raw[1:]); err == nil {
			r.fragment = f
		} else {
			r.fragment = raw[1:]
		}
	} else if cached, ok := cache[key]; ok {
		r = cached
	} else {
		r = c.resolve(pageURL, raw)
		cache[key] = r
	}
	if r.skip {
		return
	}
	p.refs++
	problem := Problem{Page: file, Rule: r.rule, URL: raw, Message: r.message, Hint: r.hint, offset: offset}
	if r.rule != "" {
		switch r.rule {
		case missing:
			problem.Rule = rule
			problem.Message = fmt.Sprintf("%s %q: %s", brokenNoun[rule], raw, r.message)
		case invalid:
			problem.Rule = rule
		}
		p.problems = append(p.problems, problem)
		return
	}
	if r.fragment == "" || strings.HasPrefix(r.fragment, ":~:") || !strings.HasSuffix(r.file, ".html") {
		return
	}
	problem.Rule = RuleFragment
	if r.file == file {
		problem.Message = fmt.Sprintf("%s %q: no element on this page has id %q", refNoun[rule], raw, r.fragment)
		*same = append(*same, fragmentRef{target: file, fragment: r.fragment, problem: problem})
		return
	}
	problem.Message = fmt.Sprintf("%s %q: no element of %s has id %q", refNoun[rule], raw, r.file, r.fragment)
	p.fragments = append(p.fragments, fragmentRef{target: r.file, fragment: r.fragment, problem: problem})
}

// missing and invalid mark a reference whose file does not exist, or
// which is not a URL; the rule reported is the element's.
const (
	missing = "missing"
	invalid = "invalid"
)

var brokenNoun = map[string]string{
	RuleLink:       "broken link",
	RuleImage:      "missing image",
	RuleSrcset:     "missing srcset candidate",
	RuleStylesheet: "missing stylesheet",
	RuleFeed:       "missing feed",
	RuleResource:   "missing resource",
}

var refNoun = map[string]string{
	RuleLink:       "link",
	RuleImage:      "image",
	RuleSrcset:     "srcset candidate",
	RuleStylesheet: "stylesheet",
	RuleFeed:       "feed",
	RuleResource:   "resource",
}

// resolve resolves a reference against the page's URL and finds its file.
func (c *checker) resolve(pageURL *url.URL, raw string) resolved {
	u, err := url.Parse(raw)
	if err != nil {
		return resolved{rule: invalid, message: fmt.Sprintf("%q is not a valid URL: %v", raw, unwrapURLError(err))}
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" {
		return resolved{skip: true}
	}
	abs := pageURL.ResolveReference(u)
	if abs.Host != "" && !strings.EqualFold(abs.Host, c.base.Host) {
		return resolved{skip: true}
	}
	p := abs.Path
	if p+"/" == c.base.Path {
		p = c.base.Path
	}
	rel, ok := strings.CutPrefix(p, c.base.Path)
	if !ok {
		return resolved{rule: RuleBasePath,
			message: fmt.Sprintf("%q is outside the site's base path %s", raw, c.base.Path),
			hint:    fmt.Sprintf("the site is served from %s: write the link relative to the page, or let Hugo add the base path (relURL, relref, .RelPermalink)", c.base)}
	}
	r := resolved{fragment: abs.Fragment}
	switch _, isFile := c.files[rel]; {
	case rel == "" || strings.HasSuffix(rel, "/"):
		r.file = rel + "index.html"
	case isFile:
		r.file = rel
	default:
		// A folder: the server redirects /research to /research/.
		r.file = rel + "/index.html"
	}
	if _, ok := c.files[r.file]; !ok {
		want := rel
		if rel == "" || strings.HasSuffix(rel, "/") {
			want = r.file
		}
		r.rule = missing
		r.message = fmt.Sprintf("%s is not in the site", want)
		if near := c.nearest(r.file); near != "" {
			r.hint = fmt.Sprintf("did you mean %s?", c.base.Path+strings.TrimSuffix(near, "index.html"))
		}
	}
	return r
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// nearest returns the file of the site whose path is closest to want (by
// edit distance, and close enough to be a typo), of the same kind: a page
// for a page, a file with the same extension otherwise.
func (c *checker) nearest(want string) string {
	ext := path.Ext(want)
	page := strings.HasSuffix(want, "/index.html")
	best, bestDist := "", max(2, len(want)/6)+1
	for f := range c.files {
		if page && !strings.HasSuffix(f, "/index.html") || !page && path.Ext(f) != ext {
			continue
		}
		if d := textdist.Distance(want, f, bestDist); d < bestDist || d == bestDist && best != "" && f < best {
			best, bestDist = f, d
		}
	}
	return best
}

package validate

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/gohugoio/hugo/parser/pageparser"
)

// shortcode is one shortcode tag in a page body, nested or not.
type shortcode struct {
	name string
	off  int // offset of its "{{" in the document's Src
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

// hugoShortcodes are the shortcodes built into Hugo v0.165
// (tpl/tplimpl/embedded/templates/_shortcodes), each with whether its
// template reads .Inner. A test checks the list against Hugo's module.
var hugoShortcodes = map[string]bool{
	"comment": true, "details": true, "figure": false, "gist": false,
	"highlight": true, "instagram": false, "instagram_simple": false,
	"param": false, "qr": true, "ref": false, "relref": false,
	"twitter": false, "twitter_simple": false, "vimeo": false,
	"vimeo_simple": false, "x": false, "x_simple": false, "youtube": false,
}

// themeShortcodes are the labsite theme's shortcodes
// (theme/layouts/_shortcodes), for a site that imports the theme as a
// downloaded module. A test checks the list against the theme.
var themeShortcodes = map[string]bool{
	"cite": false, "figref": false, "figure": true, "masthead": true,
}

// siteShortcodes returns the shortcodes a page of the site at root can
// use, each with whether it takes inner content: Hugo's built-in ones,
// overridden by the labsite theme's, by those of the themes found in
// themeDirs (slash paths relative to root), and by the site's own
// layouts/_shortcodes (or layouts/shortcodes, their older name).
func siteShortcodes(root string, themeDirs []string) map[string]bool {
	known := maps.Clone(hugoShortcodes)
	maps.Copy(known, themeShortcodes)
	for _, dir := range append(themeDirs, ".") {
		for _, sub := range []string{"layouts/shortcodes", "layouts/_shortcodes"} {
			readShortcodes(filepath.Join(root, filepath.FromSlash(dir), filepath.FromSlash(sub)), known)
		}
	}
	return known
}

// readShortcodes adds the shortcode templates under dir to known,
// replacing those of the same name. A template's name is its path below
// dir up to the first dot (figure.html, figure.en.html and figure.rss.xml
// all define "figure"); it takes inner content when one of its files
// reads .Inner.
func readShortcodes(dir string, known map[string]bool) {
	found := map[string]bool{}
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		name := path.Join(path.Dir(rel), strings.SplitN(path.Base(rel), ".", 2)[0])
		data, err := os.ReadFile(p)
		found[name] = found[name] || err == nil && readsInner(string(data))
		return nil
	})
	maps.Copy(known, found)
}

// readsInner reports whether a shortcode template reads .Inner or
// .InnerDeindent, which Hugo takes to mean that the shortcode has inner
// content and must be closed ({{< x >}}…{{< /x >}}) or self-closed
// ({{< x />}}). Hugo decides it from the parsed template (tpl/tplimpl):
// a field or variable of that name in a command. The parsed template,
// printed back, has no comments.
func readsInner(text string) bool {
	t := parse.New("shortcode")
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(text, "", "", trees); err != nil {
		return false // Hugo fails on the template itself
	}
	for _, t := range trees {
		if innerField.MatchString(t.Root.String()) {
			return true
		}
	}
	return false
}

var innerField = regexp.MustCompile(`\.Inner(Deindent)?\b`)

// shortcodes reads the body's shortcodes, nested ones included, with
// Hugo's own lexer (parser/pageparser), and applies the rules Hugo's
// page parser (hugolib) applies when it builds the page: a shortcode
// must exist, one that takes inner content must be closed or
// self-closed, and one that does not must not be. It reports the first
// problem, as Hugo stops there, and returns the shortcodes read until
// then. Hugo reads shortcodes in code blocks too, so they count there.
//
// It also returns the spans of the shortcodes' tags, from {{ to }}, as
// offsets in the body.
func (c *checker) shortcodes() ([]shortcode, [][2]int) {
	body := c.doc.Src[c.doc.BodyOffset:]
	if !bytes.Contains(body, []byte("{{")) {
		return nil, nil
	}
	items, _ := pageparser.ParseBytes(body, pageparser.Config{NoFrontMatter: true})
	var spans [][2]int
	for _, it := range items {
		switch {
		case it.IsLeftShortcodeDelim():
			spans = append(spans, [2]int{it.Pos(), len(body)})
		case it.IsRightShortcodeDelim() && len(spans) > 0:
			spans[len(spans)-1][1] = it.Pos() + len(it.Val(body))
		}
	}
	return c.readShortcodes(body, items), spans
}

func (c *checker) readShortcodes(body []byte, items pageparser.Items) []shortcode {
	r := scReader{c: c, body: body, it: pageparser.NewIterator(items)}
	for {
		item := r.it.Next()
		switch {
		case item.IsLeftShortcodeDelim():
			r.it.Backup()
			top := len(r.out)
			if p := r.extract(); p != nil {
				// Hugo stops at the first problem: report it, and leave
				// out the shortcode it is in.
				r.c.report(r.c.doc.PosAt(r.c.doc.BodyOffset+p.off), Error, RuleShortcode, p.hint, "%s", p.msg)
				return r.out[:top]
			}
		case item.IsError():
			p := lexerProblem(r.body, item, item.Pos())
			r.c.report(r.c.doc.PosAt(r.c.doc.BodyOffset+p.off), Error, RuleShortcode, p.hint, "%s", p.msg)
			return r.out
		case item.IsEOF():
			return r.out
		}
	}
}

// scReader walks the items of Hugo's lexer.
type scReader struct {
	c    *checker
	body []byte
	it   *pageparser.Iterator
	out  []shortcode
}

// problem is what is wrong with a shortcode, where in the body, and how
// to fix it.
type problem struct {
	off       int
	msg, hint string
}

// extract reads one shortcode and those nested in it, as hugolib's
// extractShortcode does, with the site's shortcodes in place of Hugo's
// template store.
func (r *scReader) extract() *problem {
	var sc shortcode
	idx := -1 // sc's index in r.out
	inner, inline, closed := false, false, false
	cnt := 0
	for {
		item := r.it.Next()
		switch {
		case item.IsLeftShortcodeDelim():
			if cnt == 0 {
				sc.off = item.Pos()
			}
			next := r.it.Peek()
			if next.IsRightShortcodeDelim() {
				return &problem{item.Pos(), "shortcode has no name", "write the shortcode's name after {{<"}
			}
			if next.IsShortcodeClose() {
				continue
			}
			if cnt > 0 {
				r.it.Backup()
				if p := r.extract(); p != nil {
					return p
				}
			} else {
				idx = len(r.out)
				r.out = append(r.out, shortcode{off: r.c.doc.BodyOffset + sc.off})
			}
			cnt++
		case item.IsRightShortcodeDelim():
			if !inline && !inner {
				return nil
			}
		case item.IsShortcodeClose():
			closed = true
			next := r.it.Peek()
			if !inline && !inner {
				if next.IsError() {
					continue
				}
				name := sc.name
				if name == "" {
					name = next.ValStr(r.body)
				}
				return &problem{sc.off, "shortcode " + strconv.Quote(name) + " takes no inner content, yet a closing tag was provided",
					"remove the closing tag, or the / before >}}"}
			}
			if next.IsRightShortcodeDelim() {
				r.it.Consume(1)
			} else {
				r.it.Consume(2)
			}
			return nil
		case item.IsShortcodeName():
			sc.name = item.ValStr(r.body)
			known, ok := r.c.s.shortcodes[sc.name]
			if !ok {
				return &problem{sc.off, "unknown shortcode " + strconv.Quote(sc.name) + ": neither the theme, the site's layouts/_shortcodes nor Hugo defines it",
					"check its name; to show a shortcode as text, write {{</* " + sc.name + " */>}}"}
			}
			inner = known
			r.out[idx].name = sc.name
		case item.IsInlineShortcodeName():
			sc.name, inline = item.ValStr(r.body), true
			r.out[idx].name = sc.name
		case item.IsShortcodeParam():
			if !r.it.IsValueNext() {
				continue
			}
			arg := item
			key := ""
			if r.it.Peek().IsShortcodeParamVal() {
				key, arg = item.ValStr(r.body), r.it.Next()
			}
			off := arg.Pos()
			if off > 0 && (r.body[off-1] == '"' || r.body[off-1] == '`') {
				off--
			}
			r.out[idx].args = append(r.out[idx].args, scArg{key: key, value: arg.ValStr(r.body), off: r.c.doc.BodyOffset + off})
		case item.IsError():
			return lexerProblem(r.body, item, sc.off)
		case item.IsEOF():
			if !closed && inner {
				return &problem{sc.off, "shortcode " + strconv.Quote(sc.name) + " must be closed or self-closed",
					"it takes inner content: end it with {{< /" + sc.name + " >}}, or close its tag with />}}"}
			}
			r.it.Backup()
			return nil
		}
	}
}

// lexerProblem explains an error of Hugo's lexer, item, found in a
// shortcode that opens at offset open: at the item, or at the opening
// when the lexer reached the end of the body.
func lexerProblem(body []byte, item pageparser.Item, open int) *problem {
	msg, hint, off := item.Err.Error(), "", item.Pos()
	if off >= len(bytes.TrimRight(body, " \t\r\n")) {
		off = open
	}
	if off > 0 && body[off-1] == '"' {
		off-- // at the opening quote of an argument
	}
	// Hugo's message may quote the rest of the document.
	msg, _, _ = strings.Cut(msg, ": '")
	switch {
	case msg == "unclosed shortcode action" || msg == "unclosed shortcode":
		hint = "end the tag with >}} (or %}} if it opens with {{%)"
	case strings.HasPrefix(msg, "unterminated quoted string"):
		hint = "a quoted argument ends on its line: close the quote"
	case msg == "comment must be closed":
		hint = "end the comment with */>}}"
	case strings.HasPrefix(msg, "unrecognized character"):
		hint = `quote the argument: key="value"`
	}
	return &problem{off, msg, hint}
}

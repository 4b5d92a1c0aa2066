package validate

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/spf13/cast"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/neuralml/labsite/tools/internal/siteconfig"
)

// markdown parses a body as Hugo's Goldmark does, for what depends only on
// the syntax tree: which parts are raw HTML.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// markdown reads the body with Goldmark, as Hugo does, with its shortcode
// tags (spans, offsets in the body) masked, as Hugo replaces them before
// Goldmark sees the text. It returns the Markdown images, and the names
// given to them with a {#name} line right under them, and warns about raw
// HTML, which Hugo's Goldmark leaves out (writing <!-- raw HTML omitted -->
// and a WARN) unless the site sets markup.goldmark.renderer.unsafe; HTML
// comments go without a word, as in Hugo.
func (c *checker) markdown(spans [][2]int) (images []image, names []string) {
	src := c.doc.Body
	if !bytes.Contains(src, []byte("![")) && (c.s.unsafeHTML || bytes.IndexByte(src, '<') < 0) {
		return nil, nil
	}
	if len(spans) > 0 {
		src = bytes.Clone(src)
		for _, sp := range spans {
			for i := sp[0]; i < sp[1] && i < len(src); i++ {
				if src[i] != '\n' {
					src[i] = 'x'
				}
			}
		}
	}
	root := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var seg text.Segment
		switch n := n.(type) {
		case *ast.Image:
			// At its src: after the "](" that follows "![".
			p := max(n.Pos(), 0)
			img := image{src: string(n.Destination), off: p}
			if i := bytes.Index(src[p:], []byte("](")); i >= 0 {
				img.off += i + 2 + len(src[p+i+2:]) - len(bytes.TrimLeft(src[p+i+2:], " <"))
			}
			if u, err := url.PathUnescape(img.src); err == nil {
				img.src = u
			}
			img.src, _, _ = strings.Cut(img.src, "?")
			img.src, _, _ = strings.Cut(img.src, "#")
			if img.src != "" {
				img.off += c.doc.BodyOffset
				images = append(images, img)
			}
			lineEnd := bytes.IndexByte(src[p:], '\n')
			if m := imageName.FindSubmatch(src[p+lineEnd+1:]); lineEnd >= 0 && m != nil {
				names = append(names, string(m[1]))
			}
			return ast.WalkContinue, nil
		case *ast.HTMLBlock:
			seg = n.Lines().At(0)
		case *ast.RawHTML:
			seg = n.Segments.At(0)
		default:
			return ast.WalkContinue, nil
		}
		tag := seg.Value(src)
		// Comments go without a word; a closing tag goes with its opening.
		if c.s.unsafeHTML || bytes.HasPrefix(tag, []byte("<!--")) || bytes.HasPrefix(tag, []byte("</")) {
			return ast.WalkSkipChildren, nil
		}
		tag = bytes.TrimSpace(tag)
		if end := bytes.IndexByte(tag, '>'); end >= 0 {
			tag = tag[:end+1]
		}
		if len(tag) > 60 {
			tag = append(bytes.Clone(tag[:57]), "..."...)
		}
		c.report(c.doc.PosAt(c.doc.BodyOffset+seg.Start), Warning, RuleRawHTML,
			"write it in Markdown or with a shortcode: the site keeps Hugo's markup.goldmark.renderer.unsafe off, so that pages hold no HTML or script of their own",
			"raw HTML %s is left out of the page: Hugo renders Markdown without raw HTML", tag)
		return ast.WalkSkipChildren, nil
	})
	return images, names
}

// imageName matches a {#name} line, which names the image above it.
var imageName = regexp.MustCompile(`^[ \t]*\{#([^\s}]+)[^\n]*\}[ \t]*\r?(?:\n|$)`)

// unsafeHTML reports whether the site at root sets
// markup.goldmark.renderer.unsafe, in its configuration file or in
// config/_default/markup.*.
func unsafeHTML(root string) bool {
	s, _, _ := siteconfig.Lookup(root, "markup")
	markup := s.Value
	names, _ := filepath.Glob(filepath.Join(root, "config", "_default", "markup.*"))
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			markup, _ = metadecoders.Default.Unmarshal(data, metadecoders.FormatFromString(strings.TrimPrefix(filepath.Ext(name), ".")))
		}
	}
	return cast.ToBool(cast.ToStringMap(cast.ToStringMap(cast.ToStringMap(markup)["goldmark"])["renderer"])["unsafe"])
}

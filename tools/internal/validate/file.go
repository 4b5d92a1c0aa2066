package validate

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// fileResult is what checking one content file gives: its diagnostics and
// the facts the rules comparing files need.
type fileResult struct {
	diags []Diagnostic
	// url is the URL Hugo publishes the page at; empty when it publishes
	// none or the front matter could not be read.
	url fact
	// weight is a research theme's weight, when it has one.
	weight *fact
	// lazy reports facts without positions (see frontmatter.Parser).
	lazy bool
}

// fact is a value of a file with the place it comes from.
type fact struct {
	value  string
	pos    frontmatter.Pos
	source string
}

// checker holds the state of checking one file.
type checker struct {
	s   *site
	rel string // the file's path relative to the site's root
	typ *model.Type
	doc *frontmatter.Document
	res fileResult
	// src is the file's text without its byte order mark: the text that
	// positions count in, and where snippets come from.
	src []byte
}

// checkFile applies every per-file rule to the content file at rel (a
// slash path relative to the site's root) whose bytes are data, parsing it
// with p.
func (s *site) checkFile(p *frontmatter.Parser, rel string, data []byte) fileResult {
	text := bytes.TrimPrefix(data, []byte("\uFEFF"))
	c := &checker{s: s, rel: rel, src: text}
	if len(bytes.TrimSpace(text)) == 0 {
		c.report(frontmatter.Pos{Line: 1, Col: 1}, Error, RuleEmptyFile, "add front matter with a title, or delete the file", "empty file")
		return c.res
	}
	if !utf8.Valid(text) {
		off := 0
		for off < len(text) {
			r, size := utf8.DecodeRune(text[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		c.report(frontmatter.PosAt(text, off), Error, RuleEncoding, "save the file as UTF-8", "not valid UTF-8 (byte %#02x)", text[off])
		c.attachSources()
		return c.res
	}
	doc, err := p.Parse(data)
	c.doc, c.src, c.res.lazy = doc, doc.Src, doc.Lazy
	var errs frontmatter.Errors
	syntaxOK := true
	if errors.As(err, &errs) {
		for _, e := range errs {
			switch e.Kind {
			case frontmatter.UnclosedError:
				syntaxOK = false
				delim := map[frontmatter.FrontMatterFormat]string{frontmatter.YAMLFrontMatter: "---", frontmatter.TOMLFrontMatter: "+++"}[doc.Format]
				hint := "end the front matter with a line holding only " + delim
				if doc.Format == frontmatter.JSONFrontMatter {
					hint = "close the JSON object with }"
				}
				c.report(e.Pos, Error, RuleUnclosed, hint, "%s", e.Msg)
			case frontmatter.DuplicateKeyError:
				c.report(e.Pos, Error, RuleDuplicateKey, "remove one of them", "%s", e.Msg)
			default:
				syntaxOK = false
				c.report(e.Pos, Error, RuleSyntax, "", "%s", e.Msg)
			}
		}
	}
	resource := s.bundleResource(rel)
	if !resource {
		c.typ = model.TypeOf(strings.TrimPrefix(rel, "content/"))
		if syntaxOK {
			c.fields()
			c.facts()
			if c.typ.EmptyBodyWarning && !strings.HasPrefix(path.Base(rel), "_index.") && len(bytes.TrimSpace(doc.Body)) == 0 {
				pos := doc.Close
				if pos.Line == 0 {
					pos = frontmatter.Pos{Line: 1, Col: 1}
				}
				c.report(pos, Warning, RuleEmptyBody,
					"its page and its section of the research page show only the title; write a paragraph about the theme below the front matter",
					"%s has no text below its front matter", c.typ.Noun)
			}
		}
	}
	c.body()
	c.attachSources()
	return c.res
}

// report adds a diagnostic at pos.
func (c *checker) report(pos frontmatter.Pos, sev Severity, rule, hint, format string, args ...any) {
	c.res.diags = append(c.res.diags, Diagnostic{Path: c.rel, Line: pos.Line, Col: pos.Col, Severity: sev,
		Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// attachSources gives each diagnostic the text of its line, for snippets.
func (c *checker) attachSources() {
	for i := range c.res.diags {
		d := &c.res.diags[i]
		line, _ := frontmatter.LineText(c.src, d.Line)
		d.source = strings.ToValidUTF8(line, "\uFFFD")
	}
	if c.res.weight != nil {
		c.res.weight.source, _ = frontmatter.LineText(c.src, c.res.weight.pos.Line)
	}
	if c.res.url.value != "" {
		c.res.url.source, _ = frontmatter.LineText(c.src, c.res.url.pos.Line)
	}
}

package sitecheck

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"

	"github.com/neuralml/labsite/tools/internal/ghactions"
)

// Paths are the folders the output names files by: Public is put before a
// page's path and Site before a content file's ("" for neither).
type Paths struct {
	Public, Site string
}

func (ps Paths) page(p Problem) string { return join(ps.Public, p.Page) }

func (ps Paths) source(s *Source) string { return join(ps.Site, s.Path) }

func join(dir, rel string) string {
	if dir == "" || dir == "." {
		return rel
	}
	return path.Join(dir, rel)
}

// Summary is the report's last line: "2 problems in 23 pages (312
// references checked)", or "no problems in …".
func (r *Report) Summary() string {
	problems := "no problems"
	if n := len(r.Problems); n > 0 {
		problems = plural(n, "problem")
	}
	return fmt.Sprintf("%s in %s (%s checked)", problems, plural(r.Pages, "page"), plural(r.References, "reference"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// WriteText writes one "page:line:col: error: message [rule]" line per
// problem, then the content file that made the page (and where it writes
// the reference, when it does) and a hint, then the summary line.
func WriteText(w io.Writer, r *Report, ps Paths) error {
	bw := bufio.NewWriter(w)
	for _, p := range r.Problems {
		fmt.Fprintf(bw, "%s:%d:%d: error: %s [%s]\n", ps.page(p), p.Line, p.Col, p.Message, p.Rule)
		if p.Source != nil {
			fmt.Fprintf(bw, "  source: %s\n", sourcePos(ps, p.Source))
		}
		if p.Hint != "" {
			fmt.Fprintf(bw, "  hint: %s\n", p.Hint)
		}
	}
	fmt.Fprintln(bw, r.Summary())
	return bw.Flush()
}

func sourcePos(ps Paths, s *Source) string {
	if s.Line == 0 {
		return ps.source(s)
	}
	return fmt.Sprintf("%s:%d:%d", ps.source(s), s.Line, s.Col)
}

// JSONVersion is the version of the JSON output's schema. It changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

type jsonReport struct {
	Version    int       `json:"version"`
	BaseURL    string    `json:"baseURL"`
	Pages      int       `json:"pages"`
	References int       `json:"references"`
	Problems   []Problem `json:"problems"`
}

// WriteJSON writes the report as one JSON object, documented in
// docs/labtool.md. Page paths are relative to the public folder, content
// files to the site's root.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: JSONVersion, BaseURL: r.BaseURL, Pages: r.Pages, References: r.References, Problems: r.Problems}
	if out.Problems == nil {
		out.Problems = []Problem{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteGitHub writes the report as GitHub Actions workflow commands. A
// problem is annotated on the content file that made the page when it is
// known (the built page is not in the repository), else on the page.
func WriteGitHub(w io.Writer, r *Report, ps Paths) error {
	bw := bufio.NewWriter(w)
	for _, p := range r.Problems {
		a := ghactions.Annotation{Level: "error", File: ps.page(p), Line: p.Line, Col: p.Col,
			Title: "labtool check [" + p.Rule + "]", Message: p.Message}
		if p.Source != nil {
			a.Message += "\nin " + fmt.Sprintf("%s:%d:%d", ps.page(p), p.Line, p.Col)
			a.File, a.Line, a.Col = ps.source(p.Source), p.Source.Line, p.Source.Col
		}
		if p.Hint != "" {
			a.Message += "\nhint: " + p.Hint
		}
		fmt.Fprintln(bw, a)
	}
	fmt.Fprintln(bw, r.Summary())
	return bw.Flush()
}

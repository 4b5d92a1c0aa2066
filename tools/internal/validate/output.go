package validate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/ghactions"
	"golang.org/x/text/width"
)

// WriteText writes the report as a compiler does: one
// "path:line:col: severity: message [rule]" line per diagnostic, then,
// with snippets, the source line and a caret under the column, then the
// hint, and last the summary line.
func WriteText(w io.Writer, r *Report, snippets bool) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		fmt.Fprintln(bw, d.String())
		if snippets && d.source != "" {
			writeSnippet(bw, d)
		}
		if d.Hint != "" {
			fmt.Fprintf(bw, "  hint: %s\n", d.Hint)
		}
	}
	fmt.Fprintln(bw, r.Summary())
	return bw.Flush()
}

// writeSnippet writes a diagnostic's line under a gutter with its number,
// and a caret under its column. The caret line copies the tabs before the
// column and counts East Asian wide characters twice, so the caret lines
// up in a terminal.
func writeSnippet(w io.Writer, d Diagnostic) {
	num := strconv.Itoa(d.Line)
	gutter := strings.Repeat(" ", len(num))
	line := strings.ReplaceAll(d.source, "\r", "")
	var pad strings.Builder
	col := 1
	for _, r := range line {
		if col >= d.Col {
			break
		}
		switch {
		case r == '\t':
			pad.WriteByte('\t')
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			pad.WriteString("  ")
		default:
			pad.WriteByte(' ')
		}
		col++
	}
	fmt.Fprintf(w, " %s | %s\n %s | %s^\n", num, line, gutter, pad.String())
}

// JSONVersion is the version of the JSON output's schema. It changes only
// when a field is removed or changes meaning; new fields may appear within
// a version.
const JSONVersion = 1

// jsonReport is the JSON output, documented in docs/labtool.md.
type jsonReport struct {
	Version     int          `json:"version"`
	Files       int          `json:"files"`
	Errors      int          `json:"errors"`
	Warnings    int          `json:"warnings"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// WriteJSON writes the report as one JSON object:
//
//	{"version": 1, "files": 42, "errors": 3, "warnings": 1,
//	 "diagnostics": [{"path": "content/…", "line": 4, "col": 8,
//	   "severity": "error", "message": "…", "rule": "color", "hint": "…"}]}
//
// diagnostics is always a list, sorted as the report is; hint is left out
// when there is none.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: JSONVersion, Files: r.Files, Errors: r.Errors, Warnings: r.Warnings, Diagnostics: r.Diagnostics}
	if out.Diagnostics == nil {
		out.Diagnostics = []Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteGitHub writes the report as GitHub Actions workflow commands, which
// annotate the pull request's files:
//
//	::error file=content/x.md,line=4,col=8,title=labtool [color]::message
//
// then the summary line. prefix (the site's folder relative to the
// repository's root, or "") is put before each path so that GitHub finds
// the file.
func WriteGitHub(w io.Writer, r *Report, prefix string) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		msg := d.Message
		if d.Hint != "" {
			msg += "\nhint: " + d.Hint
		}
		fmt.Fprintln(bw, ghactions.Annotation{Level: d.Severity.String(), File: ghactions.RepoPath(prefix, d.Path),
			Line: d.Line, Col: d.Col, Title: "labtool [" + d.Rule + "]", Message: msg})
	}
	fmt.Fprintln(bw, r.Summary())
	return bw.Flush()
}

// Package validate checks a labsite Hugo site's content against the content
// model (tools/internal/model) and reports every problem it finds, each at
// a file, line and column, the way a compiler does.
//
// Site walks the site's content/ folder with a bounded pool of workers,
// reads every file once, applies the per-file rules, then the rules that
// compare files (duplicate URLs, duplicate theme weights), and returns a
// Report sorted by path, line and column. The rules never print: the
// formatters in format.go turn a Report into text, JSON or GitHub Actions
// annotations.
package validate

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says whether a diagnostic fails validation.
type Severity uint8

const (
	Error   Severity = iota // the site is broken, or Hugo would refuse it
	Warning                 // probably a mistake; an error with --strict
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes a severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem at a place in a file.
type Diagnostic struct {
	// Path is the file's path relative to the site's root, with forward
	// slashes, such as content/research/neuromodulation.md.
	Path string `json:"path"`
	// Line and Col are 1-based; Col counts Unicode code points (see
	// content.Pos).
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Rule is the id of the rule that found the problem, such as "color".
	Rule string `json:"rule"`
	// Hint says how to fix it, when there is something to say.
	Hint string `json:"hint,omitempty"`

	// source is the text of line Line, for snippets.
	source string
}

// String formats d as path:line:col: severity: message [rule].
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.Path, d.Line, d.Col, d.Severity, d.Message, d.Rule)
}

// Report is the outcome of validating a site.
type Report struct {
	// Files is the number of files checked: content files, .bib files and
	// data/bibliography.json.
	Files int
	// Errors and Warnings count the diagnostics of each severity.
	Errors, Warnings int
	// Diagnostics are sorted by path, line, column and rule.
	Diagnostics []Diagnostic
}

// finish sorts the diagnostics and counts them, after --strict has made every
// warning an error.
func (r *Report) finish(strict bool) {
	r.Errors, r.Warnings = 0, 0
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if strict {
			d.Severity = Error
		}
		if d.Severity == Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	slices.SortStableFunc(r.Diagnostics, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
}

// Summary is the report's last line: "3 errors, 1 warning in 42 files",
// or "no problems in 42 files".
func (r *Report) Summary() string {
	files := plural(r.Files, "file")
	switch {
	case r.Errors == 0 && r.Warnings == 0:
		return "no problems in " + files
	case r.Warnings == 0:
		return plural(r.Errors, "error") + " in " + files
	case r.Errors == 0:
		return plural(r.Warnings, "warning") + " in " + files
	}
	return plural(r.Errors, "error") + ", " + plural(r.Warnings, "warning") + " in " + files
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

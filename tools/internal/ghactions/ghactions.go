// Package ghactions writes GitHub Actions workflow commands
// (::error file=…,line=…::message), the --format github output of
// labtool validate, check and doctor, which GitHub shows as annotations on
// the files of a pull request.
package ghactions

import (
	"path"
	"strconv"
	"strings"
)

var (
	data     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	property = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// EscapeData escapes a workflow command's message as the Actions toolkit
// does, so that a message of several lines stays one command.
func EscapeData(s string) string { return data.Replace(s) }

// EscapeProperty escapes a workflow command's property value (a file name,
// a title), in which ":" and "," would end the value.
func EscapeProperty(s string) string { return property.Replace(s) }

// Annotation is one workflow command that GitHub shows on a file of the
// repository: ::error file=…,line=…,col=…,title=…::message.
type Annotation struct {
	// Level is the command: error, warning or notice.
	Level string
	// File is the file's path from the repository's root ("": none).
	File string
	// Line and Col are 1-based; 0 leaves them out (Col is given only
	// with a Line).
	Line, Col int
	Title     string
	Message   string
}

// String is the command, without a line break.
func (a Annotation) String() string {
	var props []string
	if a.File != "" {
		props = append(props, "file="+EscapeProperty(a.File))
	}
	if a.Line > 0 {
		props = append(props, "line="+strconv.Itoa(a.Line))
		if a.Col > 0 {
			props = append(props, "col="+strconv.Itoa(a.Col))
		}
	}
	if a.Title != "" {
		props = append(props, "title="+EscapeProperty(a.Title))
	}
	cmd := "::" + a.Level
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + EscapeData(a.Message)
}

// RepoPath is the path from the repository's root of a file at p in the
// site, whose folder is prefix from the repository's root ("" or "." for
// the root itself), as an Annotation's File.
func RepoPath(prefix, p string) string {
	if prefix == "" || prefix == "." {
		return p
	}
	return path.Join(prefix, p)
}

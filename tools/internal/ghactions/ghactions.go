// Package ghactions writes GitHub Actions workflow commands
// (::error file=…,line=…::message), the --format github output of
// labtool validate, check and doctor, which GitHub shows as annotations on
// the files of a pull request.
package ghactions

import "strings"

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

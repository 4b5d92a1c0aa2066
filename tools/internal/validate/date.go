package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// hugoParsesDate reports whether Hugo reads s as a date.
func hugoParsesDate(s string) bool {
	_, ok := hugoDate(s, time.UTC)
	return ok
}

// outOfRange returns what is out of range ("day out of range") in a
// string shaped like a YYYY-MM-DD date that names no day of the calendar,
// or "".
func outOfRange(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	_, err := time.Parse("2006-01-02", s[:10])
	var pe *time.ParseError
	if errors.As(err, &pe) && strings.HasSuffix(pe.Message, "out of range") {
		return strings.TrimPrefix(pe.Message, ": ")
	}
	return ""
}

var shortDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// paddedDate returns s as YYYY-MM-DD when it is a date with one-digit
// month or day, which YAML reads as a date and Hugo does not.
func paddedDate(s string) string {
	m := shortDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3])
}

package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// hugoDateLayouts are the layouts Hugo v0.165 accepts for a front-matter
// date written as a string. Hugo's page front matter (resources/page/
// pagemeta) calls htime.ToTimeInDefaultLocationE, which hands strings to
// github.com/spf13/cast v1.10.0, which tries these layouts in this order
// with time.Parse (cast's internal.TimeFormats). Hugo reads YAML with
// goccy/go-yaml, which leaves an unquoted date a string, so YAML dates go
// through this list too; TOML dates arrive as dates and need no list.
var hugoDateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05",
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	"2006-01-02 15:04:05Z07:00",
	"02 Jan 2006",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700",
	time.Kitchen,
	time.Stamp,
	time.StampMilli,
	time.StampMicro,
	time.StampNano,
}

// hugoParsesDate reports whether Hugo reads s as a date.
func hugoParsesDate(s string) bool {
	for _, layout := range hugoDateLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
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

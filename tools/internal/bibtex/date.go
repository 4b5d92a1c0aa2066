package bibtex

import (
	"strconv"
	"strings"
)

// Date is an entry's publication date. Unknown parts are zero; Month and Day
// are set only when the parts before them are.
type Date struct {
	Year, Month, Day int
	// Literal is a year field with no number in it, such as "in press" or
	// "forthcoming"; Year is then zero.
	Literal string
}

// Date returns the entry's date. A biblatex date field (YYYY, YYYY-MM or
// YYYY-MM-DD, optionally the start of a range "…/…") takes precedence over
// year, month and day. The year is the first number in the year field
// ("2021", "{2021}", "2021a"), up to four digits; a year field without one
// ("in press") is the Literal. The month is an English month name or
// abbreviation ("apr", "April", "Sept.", as the month macros give) or a
// number 1–12; a day counts only with a month.
func (e *Entry) Date() Date {
	if d, ok := parseISODate(e.Text("date")); ok {
		return d
	}
	year := e.Text("year")
	var d Date
	i := strings.IndexFunc(year, func(r rune) bool { return '0' <= r && r <= '9' })
	if i < 0 {
		d.Literal = year
		return d
	}
	j := i
	for j < len(year) && j-i < 4 && isDigit(year[j]) {
		j++
	}
	d.Year, _ = strconv.Atoi(year[i:j])
	if d.Month = parseMonth(e.Text("month")); d.Month > 0 {
		if day, err := strconv.Atoi(e.Text("day")); err == nil && day >= 1 && day <= 31 {
			d.Day = day
		}
	}
	return d
}

// parseISODate reads YYYY, YYYY-MM or YYYY-MM-DD, ignoring anything after a
// "/" (the end of a range) or a "T" (a time).
func parseISODate(s string) (Date, bool) {
	if i := strings.IndexAny(s, "/T"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	var nums [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return Date{}, false
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if len(parts) > 1 && (nums[1] < 1 || nums[1] > 12) || len(parts) > 2 && (nums[2] < 1 || nums[2] > 31) {
		return Date{}, false
	}
	return Date{Year: nums[0], Month: nums[1], Day: nums[2]}, true
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// parseMonth reads a month: the first English month name or abbreviation (of
// three letters or more) among the words of s, else its first number if that
// is 1–12 ("4", "apr", "April", "Sept.", "jan--feb", "18--24 Jul"); 0 if
// there is none.
func parseMonth(s string) int {
	number := 0
	for i, word := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		if n, err := strconv.Atoi(word); err == nil {
			if i == 0 && n >= 1 && n <= 12 {
				number = n
			}
			continue
		}
		if len(word) < 3 {
			continue
		}
		for m, name := range monthNames {
			if strings.HasPrefix(name, word) {
				return m + 1
			}
		}
	}
	return number
}

package scaffold

import (
	"fmt"
	"unicode"
)

// checkOneLine refuses a value that holds a control character (a line
// break, a tab, NUL, DEL, a C1 code) or a Unicode line or paragraph
// separator. Such a character has no place in a title, a URL or a path,
// and in a configuration file it could end a line: every value written
// into hugo.toml or a front matter passes here first.
func checkOneLine(field, s string) error {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return &ValueError{Field: field, Err: fmt.Errorf("%q holds the control character %U%s; give one line of text", s, r, controlName(r))}
		}
	}
	return nil
}

// checkOneLineAll applies checkOneLine to v, a string or a list or map of
// them (a setting carried over from another site), at any depth.
func checkOneLineAll(field string, v any) error {
	switch v := v.(type) {
	case string:
		return checkOneLine(field, v)
	case []string:
		for _, s := range v {
			if err := checkOneLine(field, s); err != nil {
				return err
			}
		}
	case []any:
		for _, x := range v {
			if err := checkOneLineAll(field, x); err != nil {
				return err
			}
		}
	case map[string]string:
		for k, x := range v {
			if err := checkOneLine(field, k); err != nil {
				return err
			}
			if err := checkOneLine(field+"."+k, x); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, x := range v {
			if err := checkOneLine(field, k); err != nil {
				return err
			}
			if err := checkOneLineAll(field+"."+k, x); err != nil {
				return err
			}
		}
	}
	return nil
}

func controlName(r rune) string {
	switch r {
	case '\n':
		return " (a line break)"
	case '\r':
		return " (a carriage return)"
	case '\t':
		return " (a tab)"
	case '\u2028', '\u2029':
		return " (a line separator)"
	}
	return ""
}

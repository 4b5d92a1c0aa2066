package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Letters that do not decompose into a base letter plus accents.
var foldLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ŀ': "l", 'ħ': "h", 'Ħ': "h",
}

// Slugify turns a title into a file name: lower-case ASCII letters and
// digits joined by single hyphens. Accents are dropped ("Émotions &
// décisions" gives "emotions-decisions"); letters of other scripts are kept
// as they are, so a title in Greek or Japanese still gets a readable slug.
// The result may be empty, which callers must reject.
func Slugify(title string) string {
	var b strings.Builder
	hyphen := false
	emit := func(s string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining accent left by the decomposition.
		case foldLetters[r] != "":
			emit(foldLetters[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit(string(unicode.ToLower(r)))
		case r == '\'' || r == '’':
			// "Lab's" gives "labs", not "lab-s".
		default:
			hyphen = true
		}
	}
	return b.String()
}

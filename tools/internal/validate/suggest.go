package validate

import (
	"strings"
	"unicode/utf8"

	"github.com/neuralml/labsite/tools/internal/textdist"
)

// suggest returns the candidate closest to word, compared
// case-insensitively, when it is close enough to be a likely typo: at most
// two edits (an edit inserts, deletes or replaces a character, or swaps two
// neighbours) and fewer than half of word's characters. Ties go to the
// earlier candidate.
func suggest(word string, candidates []string) string {
	w := strings.ToLower(word)
	n := utf8.RuneCountInString(w)
	best, bestDist := "", 3
	for _, c := range candidates {
		d := textdist.Distance(w, strings.ToLower(c), bestDist)
		if d < bestDist && 2*d < n {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean formats a suggestion as a hint, or returns "".
func didYouMean(word string, candidates []string) string {
	if s := suggest(word, candidates); s != "" {
		return `did you mean "` + s + `"?`
	}
	return ""
}

package validate

import "strings"

// suggest returns the candidate closest to word, compared
// case-insensitively, when it is close enough to be a likely typo: at most
// two edits (an edit inserts, deletes or replaces a character, or swaps two
// neighbours) and fewer than half of word's characters. Ties go to the
// earlier candidate.
func suggest(word string, candidates []string) string {
	w := []rune(strings.ToLower(word))
	best, bestDist := "", 3
	for _, c := range candidates {
		d := editDistance(w, []rune(strings.ToLower(c)))
		if d < bestDist && 2*d < len(w) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance of a and b.
func editDistance(a, b []rune) int {
	if abs(len(a)-len(b)) > 2 {
		return 3
	}
	// Three rows of the dynamic programming table.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// didYouMean formats a suggestion as a hint, or returns "".
func didYouMean(word string, candidates []string) string {
	if s := suggest(word, candidates); s != "" {
		return `did you mean "` + s + `"?`
	}
	return ""
}

// Package textdist measures how far apart two strings are, for the
// "did you mean" hints of labtool's commands.
package textdist

// Distance returns the optimal string alignment distance between a and b:
// the fewest characters to insert, delete or replace, or pairs of
// neighbours to swap ("reserch" and "research" are 1 apart, and so are
// "colour" and "cloour"), counted in characters (runes). It returns limit
// when the distance is at least limit, which lets a search for the nearest
// of many candidates stop early.
func Distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	// Three rows of the table: the one before the previous is for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// No row's minimum is below the one before it, swaps included.
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}

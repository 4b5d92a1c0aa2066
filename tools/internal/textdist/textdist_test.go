package textdist

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 5, 0},
		{"ada-lovelace", "ada-lovelace", 5, 0},
		{"ada-lovlace", "ada-lovelace", 5, 1},
		{"kitten", "sitting", 5, 3},
		{"reserch/index.html", "research/index.html", 5, 1},
		{"kitten", "sitting", 3, 3}, // at the limit
		{"a", "abcdefgh", 3, 3},     // lengths alone exceed it
		{"flaw", "lawn", 9, 2},
		{"colour", "cloour", 5, 1}, // a swap of neighbours is one edit
		{"ca", "abc", 5, 3},        // optimal string alignment: no edit after a swap
		{"héllo", "hello", 5, 1},   // characters, not bytes
	} {
		if got := Distance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
		if got := Distance(tc.b, tc.a, tc.limit); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d (symmetry)", tc.b, tc.a, tc.limit, got, tc.want)
		}
	}
}

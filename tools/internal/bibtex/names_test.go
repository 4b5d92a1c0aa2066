package bibtex

import (
	"fmt"
	"strings"
	"testing"
)

// show formats names as "Given|Particle|Family|Suffix" or "{Literal}",
// separated by "; ".
func show(names []Name, others bool) string {
	var parts []string
	for _, n := range names {
		if n.Literal != "" {
			parts = append(parts, "{"+n.Literal+"}")
		} else {
			parts = append(parts, fmt.Sprintf("%s|%s|%s|%s", n.Given, n.Particle, n.Family, n.Suffix))
		}
	}
	if others {
		parts = append(parts, "+others")
	}
	return strings.Join(parts, "; ")
}

func TestParseNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Landhuis, Esther", "Esther||Landhuis|"},
		{"Esther Landhuis", "Esther||Landhuis|"},
		{"Murthy, Venkatesh N.", "Venkatesh N.||Murthy|"},
		{"Di Santo, Valentina", "Valentina||Di Santo|"},
		{"van der Berg, Jan", "Jan|van der|Berg|"},
		{"Jan van der Berg", "Jan|van der|Berg|"},
		{"Ludwig van Beethoven", "Ludwig|van|Beethoven|"},
		{"Martin Luther King, Jr.", "Martin Luther||King|Jr."},
		{"King, Jr., Martin Luther", "Martin Luther||King|Jr."},
		{"King, Jr, Martin Luther", "Martin Luther||King|Jr"},
		{"Ford, III, Henry", "Henry||Ford|III"},
		{"Wang, Jun", "Jun||Wang|"}, // "Jun" is a given name, not a suffix
		{"Smith, V", "V||Smith|"},
		{"{Barnes and Noble}", "{Barnes and Noble}"},
		{"{World Health Organization}", "{World Health Organization}"},
		{"{The {LIGO} Collaboration} and Smith, J.", "{The LIGO Collaboration}; J.||Smith|"},
		{`Charles Louis Xavier Joseph de la Vall{\'e}e Poussin`, "Charles Louis Xavier Joseph|de la|Vallée Poussin|"},
		{`de la Vall{\'e}e Poussin, Charles Louis Xavier Joseph`, "Charles Louis Xavier Joseph|de la|Vallée Poussin|"},
		{"De la Fontaine, Jean", "Jean|De la|Fontaine|"},
		{"jean de la fontaine", "|jean de la|fontaine|"},
		{"Aristotle", "||Aristotle|"},
		{"{van Gogh}, Vincent", "Vincent||van Gogh|"},
		{"Vincent {van} Gogh", "Vincent van||Gogh|"},
		{`{\'E}mile Zola`, "Émile||Zola|"},
		{`{\'e}mile zola`, "|émile|zola|"},
		{`{\O}lveczky, Bence P.`, "Bence P.||Ølveczky|"},
		{`Ole {\o}rsted`, "Ole||ørsted|"},
		{`\'Angel Ruiz`, "Ángel||Ruiz|"},
		{`Jean-Paul Sartre`, "Jean-Paul||Sartre|"},
		{`Jean~Paul~Sartre`, "Jean Paul||Sartre|"},
		{"Ángel de Sá", "Ángel|de|Sá|"},
		{"M{\\\"u}ller, J{\\\"o}rg", "Jörg||Müller|"},
		// Lists.
		{"Lauer, Jessy and Zhou, Mu", "Jessy||Lauer|; Mu||Zhou|"},
		{"Lauer, Jessy AND Zhou, Mu And Ye, S.", "Jessy||Lauer|; Mu||Zhou|; S.||Ye|"},
		{"Lauer, Jessy\n  and\tZhou, Mu", "Jessy||Lauer|; Mu||Zhou|"},
		{"Anderson, A. and Band, B.", "A.||Anderson|; B.||Band|"},
		{"Smith, John and others", "John||Smith|; +others"},
		{"Smith, John and et al.", "John||Smith|; +others"},
		{"others and Smith, John", "John||Smith|"},
		{"Smith, J. and  and Doe, J.", "J.||Smith|; J.||Doe|"},
		{", John", "||John|"},
		{"{} and { } and Doe, J.", "J.||Doe|"},
		{"Smith,", "||Smith|"},
		{"{Unbalanced, A. and B", "||Unbalanced, A. and B|"},
	} {
		names, others := ParseNames(tc.in)
		if got := show(names, others); got != tc.want {
			t.Errorf("ParseNames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

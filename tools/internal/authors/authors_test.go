package authors

import (
	"slices"
	"testing"

	"github.com/neuralml/labsite/tools/internal/bibtex"
)

func name(t *testing.T, s string) bibtex.Name {
	t.Helper()
	ns, _ := bibtex.ParseNames(s)
	if len(ns) != 1 {
		t.Fatalf("ParseNames(%q) gave %d names", s, len(ns))
	}
	return ns[0]
}

func TestMatch(t *testing.T) {
	people := []Person{
		{Slug: "ada", Name: "Ada Lovelace"},
		{Slug: "rui", Name: "Rui Ponte Costa"},
		{Slug: "ana", Name: "Ana de Souza"},
		{Slug: "jose", Name: "José Núñez", ORCID: "0000-0002-1825-0097"},
		{Slug: "blake", Name: "Blake Aaron Richards"},
		{Slug: "kim-a", Name: "Min Kim"},
		{Slug: "kim-b", Name: "Min Kim"},
		{Slug: "grace", Name: "Grace Hopper", Names: []string{"Hopper, G. M."}},
		{Slug: "lee-a", Name: "Jon Lee", ORCID: "0000-0001-5109-3700"},
	}
	m := New(people)
	tests := []struct {
		author string
		orcid  string
		kind   Kind
		by     By
		slugs  []string
	}{
		{author: "Lovelace, Ada", kind: Matched, by: ByName, slugs: []string{"ada"}},
		{author: "Ada Lovelace", kind: Matched, by: ByName, slugs: []string{"ada"}},
		{author: "LOVELACE, ADA", kind: Matched, by: ByName, slugs: []string{"ada"}},
		{author: "Costa, Rui Ponte", kind: Matched, by: ByName, slugs: []string{"rui"}},
		{author: "Ponte Costa, Rui", kind: Matched, by: ByName, slugs: []string{"rui"}},
		{author: "Costa, Rui", kind: Matched, by: ByInitials, slugs: []string{"rui"}},
		{author: "Costa, Rui P.", kind: Matched, by: ByInitials, slugs: []string{"rui"}},
		{author: "Costa, R. P.", kind: NearMiss, by: ByInitials, slugs: []string{"rui"}},
		{author: "Costa, R.", kind: NearMiss, by: ByInitials, slugs: []string{"rui"}},
		{author: "Costa, Maria", kind: None},
		{author: "de Souza, Ana", kind: Matched, by: ByName, slugs: []string{"ana"}},
		{author: "Souza, Ana de", kind: Matched, by: ByName, slugs: []string{"ana"}},
		{author: `N{\'u}{\~n}ez, Jos{\'e}`, kind: Matched, by: ByName, slugs: []string{"jose"}},
		{author: "Nunez, Jose", kind: Matched, by: ByName, slugs: []string{"jose"}},
		{author: "José Núñez", kind: Matched, by: ByName, slugs: []string{"jose"}},
		{author: "J. Núñez", orcid: "https://orcid.org/0000-0002-1825-0097", kind: Matched, by: ByORCID, slugs: []string{"jose"}},
		{author: "Richards, Blake A.", kind: Matched, by: ByInitials, slugs: []string{"blake"}},
		{author: "Blake Richards", kind: Matched, by: ByInitials, slugs: []string{"blake"}},
		{author: "Kim, Min", kind: Ambiguous, by: ByName, slugs: []string{"kim-a", "kim-b"}},
		{author: "Hopper, G. M.", kind: Matched, by: ByName, slugs: []string{"grace"}},
		{author: "G.M. Hopper", kind: Matched, by: ByName, slugs: []string{"grace"}},
		// Same name, another ORCID iD: another person.
		{author: "Lee, Jon", orcid: "0000-0002-9079-593X", kind: None},
		{author: "Lee, Jon", kind: Matched, by: ByName, slugs: []string{"lee-a"}},
		{author: "{World Health Organization}", kind: None},
	}
	for _, tt := range tests {
		r := m.Match(Author{Name: name(t, tt.author), ORCID: tt.orcid})
		var slugs []string
		if r.Person != nil {
			slugs = append(slugs, r.Person.Slug)
		}
		for _, p := range r.Candidates {
			slugs = append(slugs, p.Slug)
		}
		if r.Kind != tt.kind || r.By != tt.by || !slices.Equal(slugs, tt.slugs) {
			t.Errorf("Match(%q, %q) = kind %d by %v %v, want kind %d by %v %v", tt.author, tt.orcid, r.Kind, r.By, slugs, tt.kind, tt.by, tt.slugs)
		}
	}
}

func TestDisplay(t *testing.T) {
	for in, want := range map[string][2]string{
		"Lovelace, Ada":               {"Ada Lovelace", "Lovelace, Ada"},
		"Ada Lovelace":                {"Ada Lovelace", "Lovelace, Ada"},
		"de Souza, Ana":               {"Ana de Souza", "de Souza, Ana"},
		"King, Jr., Martin":           {"Martin King Jr.", "King, Jr., Martin"},
		`Lov{\'e}lace, Ada`:           {"Ada Lovélace", "Lovélace, Ada"},
		"{World Health Organization}": {"World Health Organization", "World Health Organization"},
	} {
		n := name(t, in)
		if got := Display(n); got != want[0] {
			t.Errorf("Display(%q) = %q, want %q", in, got, want[0])
		}
		if got := Inverted(n); got != want[1] {
			t.Errorf("Inverted(%q) = %q, want %q", in, got, want[1])
		}
	}
}

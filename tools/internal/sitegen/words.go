package sitegen

import "strings"

// Word lists for names, titles and text. Some names are not ASCII, so that
// every generated site exercises Unicode.
var givenNames = []string{
	"Ada", "Grace", "Alan", "Rosalind", "Santiago", "Camillo", "Zoë", "Łukasz", "José", "Chloé",
	"Hiroshi", "Ngozi", "Priya", "Mateus", "Ingrid", "Søren", "Amara", "Wei", "Fatima", "Tomás",
	"Olga", "Kwame", "Elif", "Rafael", "Yuki", "Anaïs", "Björn", "Leila", "Dmitri", "Siobhán",
}

var familyNames = []string{
	"Lovelace", "Hopper", "Turing", "Franklin", "Ramón y Cajal", "Golgi", "Müller", "Nowak", "García", "Dubois",
	"Tanaka", "Okafor", "Sharma", "Oliveira", "Larsen", "Kierkegaard", "Mensah", "Zhang", "Haddad", "Álvarez",
	"Ivanova", "Asante", "Yılmaz", "Costa", "Sato", "Lefèvre", "Lindqvist", "Rahimi", "Petrov", "O'Brien",
}

var topicAdjectives = []string{
	"Hippocampal", "Cortical", "Dopaminergic", "Cerebellar", "Thalamic", "Synaptic", "Dendritic", "Predictive",
	"Bayesian", "Recurrent", "Sparse", "Continual", "Meta-", "Neuromodulatory", "Oscillatory", "Structural",
}

var topicNouns = []string{
	"planning", "learning", "credit assignment", "plasticity", "memory consolidation", "inference", "navigation",
	"representation learning", "decision making", "motor control", "attention", "replay", "exploration", "coding",
}

var newsOpeners = []string{"New paper:", "Welcome to the lab:", "Talk:", "Award:", "Preprint:", "Workshop:"}

var words = strings.Fields(`the a of and to in that we model neurons network learning brain synaptic
cortex circuits data behaviour task reward signal prediction error plasticity dendrites spikes population
activity dynamics hypothesis experiment recordings mice humans theory algorithm gradient backpropagation
local rule feedback inhibitory excitatory layer hippocampus thalamus dopamine memory sleep replay sequence
representation uncertainty inference approximate optimal agent environment policy value state time scale
fast slow across between within show find propose test predict explain measure compare reveal suggest`)

// topicTitle names research theme i.
func topicTitle(i int) string {
	adj := topicAdjectives[i%len(topicAdjectives)]
	noun := topicNouns[(i/len(topicAdjectives)+i)%len(topicNouns)]
	if strings.HasSuffix(adj, "-") {
		return adj + noun
	}
	return adj + " " + noun
}

// sentenceTitle makes a publication-like title.
func sentenceTitle(g *gen) string {
	n := 4 + g.rng.IntN(8)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.pick(words)
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ")
}

// sentence makes one sentence of 8 to 24 words.
func (g *gen) sentence() string {
	return sentenceTitle(g) + " " + strings.Join(g.someWords(4+g.rng.IntN(12)), " ") + "."
}

func (g *gen) someWords(n int) []string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.pick(words)
	}
	return ws
}

// paragraphs makes n paragraphs of 3 to 7 sentences.
func (g *gen) paragraphs(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("\n")
		}
		for j := range 3 + g.rng.IntN(5) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.sentence())
		}
		b.WriteString("\n")
	}
	return b.String()
}

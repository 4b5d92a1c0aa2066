package bibtex

import (
	"testing"
	"unicode/utf8"
)

func TestLaTeXToUnicode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Plain text is returned as is.
		{"", ""},
		{"Plain text, with punctuation: fine.", "Plain text, with punctuation: fine."},
		{"Multi-animal", "Multi-animal"},
		{"Ünïcødé already", "Ünïcødé already"},
		{"e\u0301", "é"}, // decomposed input is composed
		// Accents, in every form.
		{`{\"u}`, "ü"}, {`\"{u}`, "ü"}, {`\"u`, "ü"}, {`\" u`, "ü"},
		{`{\'e}`, "é"}, {`\'{e}`, "é"}, {`\'E`, "É"},
		{"\\`a", "à"}, {`\^o`, "ô"}, {`\~n`, "ñ"}, {`\~{N}`, "Ñ"},
		{`\=a`, "ā"}, {`\.z`, "ż"}, {`\.{Z}`, "Ż"},
		{`\u{g}`, "ğ"}, {`\u g`, "ğ"}, {`\v{c}`, "č"}, {`\v c`, "č"}, {`{\v{S}}koda`, "Škoda"},
		{`\H{o}`, "ő"}, {`\c{c}`, "ç"}, {`\c c`, "ç"}, {`\k{a}`, "ą"}, {`\r{a}`, "å"},
		{`\d{s}`, "ṣ"}, {`\b{k}`, "ḵ"}, {`\t{oo}`, "o͡o"},
		{`\'{\i}`, "í"}, {`\'\i`, "í"}, {`{\'\i}`, "í"}, {`\"{\i}`, "ï"}, {`\^{\j}`, "ĵ"},
		{`\'{}`, "´"}, {`\~{}`, "~"},
		{`Gen{\` + "`" + `e}ve`, "Genève"},
		{`Jo{\~a}o`, "João"},
		{`M{\"{u}}ller`, "Müller"},
		// Special letters.
		{`{\ss}`, "ß"}, {`Stra\ss e`, "Straße"}, {`{\o}`, "ø"}, {`{\O}`, "Ø"},
		{`{\ae}`, "æ"}, {`{\AE}`, "Æ"}, {`{\oe}`, "œ"}, {`{\OE}`, "Œ"},
		{`{\l}`, "ł"}, {`{\L}`, "Ł"}, {`{\aa}`, "å"}, {`{\AA}`, "Å"}, {`\AA{}ngstr\"om`, "Ångström"},
		{`\i`, "ı"}, {`\j`, "ȷ"}, {`{\L}{\'o}d{\'z}`, "Łódź"},
		// Dashes, spaces, quotes, escapes.
		{"1--2", "1–2"}, {"a---b", "a—b"}, {"----", "—-"}, {"a - b", "a - b"},
		{"a~b", "a\u00a0b"}, {"``quoted''", "“quoted”"}, {"O'Brien's", "O'Brien's"},
		{`\&`, "&"}, {`50\%`, "50%"}, {`\$5`, "$5"}, {`a\_b`, "a_b"}, {`\#1`, "#1"}, {`\{x\}`, "{x}"},
		{`a\\b`, "a b"}, {`a\ b`, "a b"}, {`5\,mm`, "5\u2009mm"}, {`hy\-phen`, "hyphen"},
		// Text commands keep their argument.
		{`\textit{Drosophila}`, "Drosophila"}, {`\emph{in vivo}`, "in vivo"},
		{`\textbf{Bold} and \textsc{Caps}`, "Bold and Caps"}, {`{\em emphasis}`, "emphasis"},
		{`\mathrm{d}x`, "dx"}, {`\mbox{a b}`, "a b"}, {`\unknowncommand{kept} text`, "kept text"},
		{`\unknown text`, "text"},
		{`\url{https://ex.org/~a/b_c--d}`, "https://ex.org/~a/b_c--d"},
		{`see \href{https://ex.org}{the site}`, "see the site"},
		{`{\noopsort{1973b}}1973`, "1973"},
		// Symbols.
		{`\textendash`, "–"}, {`\textemdash{}`, "—"}, {`wait\ldots`, "wait…"}, {`\dots`, "…"},
		{`it\textquoteright s`, "it’s"}, {`\textquotedblleft x\textquotedblright`, "“x”"},
		{`\copyright{} 2020`, "© 2020"}, {`\LaTeX{} and \TeX`, "LaTeX and TeX"},
		// Math.
		{`$\alpha$-synuclein`, "α-synuclein"}, {`$\beta$ and $\Gamma$`, "β and Γ"},
		{`$\mu$m`, "μm"}, {`Ca$^{2+}$`, "Ca²⁺"}, {`CO$_2$`, "CO₂"}, {`$^{13}$C`, "¹³C"},
		{`$x^y$`, "xy"}, {`$p < 0.05$`, "p < 0.05"}, {`$37^\circ$C`, "37°C"},
		{`\(\theta\) rhythm`, "θ rhythm"}, {`$\pm$ 2`, "± 2"}, {`a_b`, "a_b"},
		{`H\textsubscript{2}O`, "H₂O"}, {`1\textsuperscript{st}`, "1st"},
		// Braces and white space.
		{"{DeepLabCut}: {A} {{Toolbox}}", "DeepLabCut: A Toolbox"},
		{"  leading\n\tand   trailing  \r\n", "leading and trailing"},
		{"line\nbreak", "line break"},
		{"a {} b", "a b"},
		{`~a~`, "a"}, {`\,x\,`, "x"}, {"\u00a0x\u2003", "x"}, {"x\u00a0\u00a0y", "x\u00a0\u00a0y"},
		// Broken input never panics and keeps what it can.
		{`\`, ""}, {`{`, ""}, {`}}`, ""}, {`\'`, "´"}, {`\"{`, "¨"}, {`$`, ""}, {`\url{x`, "x"},
		{`\'\'\'e`, "é́́"}, {"\\\xff", ""}, {"\xff", "\uFFFD"},
	} {
		if got := LaTeXToUnicode(tc.in); got != tc.want {
			t.Errorf("LaTeXToUnicode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLaTeXToUnicodeDeepNesting(t *testing.T) {
	s := ""
	for range 1000 {
		s += `\'{`
	}
	s += "e"
	if got := LaTeXToUnicode(s); !utf8.ValidString(got) {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

package bibtex

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// LaTeXToUnicode turns a BibTeX value written in LaTeX into plain Unicode
// text, in NFC form. It never fails: what it does not understand it drops,
// keeping the text.
//
//   - Accents in every form ({\"u}, \"{u}, \"u, \'{\i}, \v{c}, \c{c}, \k{a},
//     \r{a}, \H{o}, \u{g}, \={a}, \.{z}, \d{s}, \b{k}, \t{oo}) and special
//     letters (\ss, \o, \O, \ae, \AE, \oe, \OE, \aa, \AA, \l, \L, \i, \j…).
//   - "--" is an en dash, "---" an em dash, "~" a no-break space; two
//     backquotes and two apostrophes are curly double quotes, while single
//     quotes are left alone; \& \% \$ \_ \# \{ \} are the characters
//     themselves.
//   - Text commands such as \textit, \emph, \textbf, \textsc, \mathrm, \mbox
//     keep their argument and lose the command; so does any unknown command.
//     \url{…} keeps its argument verbatim; \href{url}{text} keeps the text;
//     \noopsort{…} drops its argument.
//   - Symbols: \textendash, \textemdash, \ldots, \dots, \textquoteright and
//     the like; Greek letters and a few mathematical symbols (\alpha → α,
//     \pm → ±), in math or not. "$" is dropped; in math, ^ and _ give
//     superscript and subscript characters when all have one (Ca$^{2+}$ →
//     Ca²⁺), and the plain characters otherwise.
//   - Braces, including those protecting capitals ({DeepLabCut}), are
//     dropped. Runs of ASCII white space, new lines included, become one
//     space, and the result has no white space at either end.
func LaTeXToUnicode(s string) string {
	if isPlain(s) {
		return s
	}
	buf := bufPool.Get().(*[]byte)
	c := converter{src: s, out: (*buf)[:0]}
	c.run(len(s))
	out := string(c.out)
	if cap(c.out) <= 64<<10 { // do not keep a huge buffer for ever
		*buf = c.out
		bufPool.Put(buf)
	}
	if !isASCII(s) { // accents from commands are composed as they are made
		out = norm.NFC.String(strings.ToValidUTF8(out, "\uFFFD"))
	}
	return trimUnicodeSpace(out)
}

// trimUnicodeSpace trims white space other than ASCII (a no-break space from
// "~", a thin space from "\,") from the ends of s, which has no ASCII white
// space at its ends.
func trimUnicodeSpace(s string) string {
	if n := len(s); n > 0 && (s[0] >= utf8.RuneSelf || s[n-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(s, unicode.IsSpace)
	}
	return s
}

// bufPool holds the converters' output buffers, which LaTeXToUnicode copies
// into its result.
var bufPool = sync.Pool{New: func() any { return new([]byte) }}

// isPlain reports whether LaTeXToUnicode(s) is s itself.
func isPlain(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '{', '}', '$', '~', '\t', '\n', '\r', '\f', '\v':
			return false
		case '-', '\'', '`':
			if i+1 < len(s) && s[i+1] == c {
				return false
			}
		case ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		default:
			if c >= utf8.RuneSelf {
				ascii = false
			}
		}
	}
	return ascii || utf8.ValidString(s) && norm.NFC.IsNormalString(s) && trimUnicodeSpace(s) == s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// special marks the bytes the converter acts on; others are copied.
var special = func() (t [256]bool) {
	for _, c := range []byte("\\{}$~-'`^_ \t\n\r\f\v") {
		t[c] = true
	}
	return t
}()

// maxArgDepth bounds the nesting of command arguments (accents within
// accents…), so that hostile input cannot make conversion slow.
const maxArgDepth = 32

// converter holds the state of one LaTeXToUnicode.
type converter struct {
	src   string
	i     int
	out   []byte
	math  bool // inside $…$
	space bool // white space was seen and not yet written
	depth int  // nesting of command arguments
}

// emit writes text, preceded by a pending space unless at the start.
func (c *converter) emit(text string) {
	if c.space {
		if len(c.out) > 0 {
			c.out = append(c.out, ' ')
		}
		c.space = false
	}
	c.out = append(c.out, text...)
}

// run converts src from c.i up to end.
func (c *converter) run(end int) {
	for c.i < end {
		ch := c.src[c.i]
		switch ch {
		case '{', '}':
			c.i++
		case '\\':
			c.command(end)
		case '$':
			c.i++
			c.math = !c.math
		case '~':
			c.i++
			c.emit("\u00a0")
		case '-':
			n := 1
			for c.i+n < end && c.src[c.i+n] == '-' {
				n++
			}
			c.i += n
			for ; n >= 3; n -= 3 {
				c.emit("—")
			}
			switch n {
			case 2:
				c.emit("–")
			case 1:
				c.emit("-")
			}
		case '`', '\'':
			if c.i+1 < end && c.src[c.i+1] == ch {
				c.i += 2
				if ch == '`' {
					c.emit("“")
				} else {
					c.emit("”")
				}
			} else {
				c.i++
				c.emit(c.src[c.i-1 : c.i])
			}
		case '^', '_':
			c.i++
			if !c.math {
				c.emit(c.src[c.i-1 : c.i])
			} else if ch == '^' {
				c.script(end, superscripts)
			} else {
				c.script(end, subscripts)
			}
		case ' ', '\t', '\n', '\r', '\f', '\v':
			c.i++
			c.space = true
		default:
			j := c.i + 1
			for j < end && !special[c.src[j]] {
				j++
			}
			c.emit(c.src[c.i:j])
			c.i = j
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// skipSpaces skips white space before an argument, as TeX does.
func (c *converter) skipSpaces(end int) {
	for c.i < end && isSpace(c.src[c.i]) {
		c.i++
	}
}

// matching returns the index of the "}" that closes the "{" at i, or end.
func (c *converter) matching(i, end int) int {
	depth := 0
	for ; i < end; i++ {
		switch c.src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return end
}

// arg converts one argument of a command: a group, a command or a character.
func (c *converter) arg(end int) {
	if c.i >= end {
		return
	}
	c.depth++
	defer func() { c.depth-- }()
	switch c.src[c.i] {
	case '{':
		m := c.matching(c.i, end)
		c.i++
		if c.depth <= maxArgDepth {
			c.run(m)
		}
		c.i = min(m+1, end)
	case '\\':
		if c.depth <= maxArgDepth {
			c.command(end)
		} else {
			c.i++
		}
	case '}':
		// no argument
	default:
		_, size := utf8.DecodeRuneInString(c.src[c.i:end])
		c.emit(c.src[c.i : c.i+size])
		c.i += size
	}
}

// command converts the command whose backslash is at c.i.
func (c *converter) command(end int) {
	c.i++
	if c.i >= end {
		return
	}
	if ch := c.src[c.i]; !isLetter(ch) {
		r, size := utf8.DecodeRuneInString(c.src[c.i:end])
		c.i += size
		if a, ok := symbolAccents[r]; ok {
			c.accent(end, a)
			return
		}
		switch r {
		case '&', '%', '$', '_', '#', '{', '}':
			c.emit(string(r))
		case ' ', '\t', '\n', '\r', '\\':
			c.space = true
		case ',':
			c.emit("\u2009")
		case '(', '[':
			c.math = true
		case ')', ']':
			c.math = false
		}
		// Other control symbols (\/ \- \@ \! \; …) print nothing.
		return
	}
	j := c.i
	for j < end && isLetter(c.src[j]) {
		j++
	}
	name := c.src[c.i:j]
	c.i = j
	c.skipSpaces(end)
	if a, ok := wordAccents[name]; ok {
		c.accent(end, a)
		return
	}
	if s, ok := symbols[name]; ok {
		c.emit(s)
		return
	}
	switch name {
	case "url", "nolinkurl", "path", "doi":
		c.verbatim(end, true)
	case "href":
		c.verbatim(end, false) // the link text follows as a group
	case "noopsort", "sortnoop", "SortNoop", "noop":
		c.verbatim(end, false)
	case "textsuperscript":
		c.script(end, superscripts)
	case "textsubscript":
		c.script(end, subscripts)
	}
	// Any other command prints nothing; a group after it is converted as
	// ordinary text, which keeps the argument of \textit{…} and the like.
}

// verbatim consumes a {…} argument and, if keep, writes it unconverted.
func (c *converter) verbatim(end int, keep bool) {
	if c.i >= end || c.src[c.i] != '{' {
		return
	}
	m := c.matching(c.i, end)
	if keep {
		c.emit(strings.Map(func(r rune) rune {
			if r == '{' || r == '}' || r < utf8.RuneSelf && isSpace(byte(r)) {
				return -1
			}
			return r
		}, c.src[c.i+1:m]))
	}
	c.i = min(m+1, end)
}

// accentSpec is an accent command: the combining mark it puts on its
// argument, and the character it stands for when the argument is empty.
type accentSpec struct {
	mark    rune
	spacing string
}

var symbolAccents = map[rune]accentSpec{
	'\'': {'\u0301', "´"}, '`': {'\u0300', "`"}, '^': {'\u0302', "^"},
	'"': {'\u0308', "¨"}, '~': {'\u0303', "~"}, '=': {'\u0304', "¯"},
	'.': {'\u0307', "˙"},
}

var wordAccents = map[string]accentSpec{
	"u": {'\u0306', "˘"}, "v": {'\u030C', "ˇ"}, "H": {'\u030B', "˝"},
	"c": {'\u0327', "¸"}, "k": {'\u0328', "˛"}, "r": {'\u030A', "˚"},
	"b": {'\u0331', "ˍ"}, "d": {'\u0323', "."}, "t": {'\u0361', "͡"},
}

// accent converts the argument of an accent command and puts the accent's
// combining mark after its first character; a dotless i or j takes the
// accent as a plain one (\'{\i} is í).
func (c *converter) accent(end int, a accentSpec) {
	c.skipSpaces(end)
	start := len(c.out)
	c.arg(end)
	k := start
	for k < len(c.out) && c.out[k] == ' ' {
		k++
	}
	if k == len(c.out) {
		c.emit(a.spacing)
		return
	}
	r, size := utf8.DecodeRune(c.out[k:])
	switch r {
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	composed := compose(r, a.mark)
	if tail := c.out[k+size:]; len(tail) > 0 {
		rest := string(tail)
		c.out = append(append(c.out[:k], composed...), rest...)
	} else {
		c.out = append(c.out[:k], composed...)
	}
}

// accented holds the composed forms of the ASCII letters with each accent's
// mark, made on first use, so that the common accents cost a map look-up.
var accented = sync.OnceValue(func() map[[2]rune]string {
	var marks []rune
	for _, a := range symbolAccents {
		marks = append(marks, a.mark)
	}
	for _, a := range wordAccents {
		marks = append(marks, a.mark)
	}
	m := make(map[[2]rune]string, 52*len(marks))
	for _, mark := range marks {
		for _, r := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" {
			m[[2]rune{r, mark}] = norm.NFC.String(string(r) + string(mark))
		}
	}
	return m
})

// compose returns base with the combining mark, in NFC form.
func compose(base, mark rune) string {
	if s, ok := accented()[[2]rune{base, mark}]; ok {
		return s
	}
	return norm.NFC.String(string(base) + string(mark))
}

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶',
	'7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼',
	'(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ', '∘': '°',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆',
	'7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌',
	'(': '₍', ')': '₎', 'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ', 'x': 'ₓ', 'i': 'ᵢ',
	'j': 'ⱼ', 'h': 'ₕ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ', 'n': 'ₙ', 'p': 'ₚ',
	's': 'ₛ', 't': 'ₜ',
}

// script converts the argument of ^ or _ (or \textsuperscript…) and, when
// every character of it has one, writes the characters of table instead.
func (c *converter) script(end int, table map[rune]rune) {
	c.skipSpaces(end)
	start := len(c.out)
	c.arg(end)
	if start == len(c.out) {
		return
	}
	var mapped []byte
	for _, r := range string(c.out[start:]) {
		m, ok := table[r]
		if !ok {
			return
		}
		mapped = utf8.AppendRune(mapped, m)
	}
	c.out = append(c.out[:start], mapped...)
}

// symbols maps control words to the text they stand for. Greek letters take
// their usual text forms: \epsilon and \varepsilon are both ε, \phi and
// \varphi both φ.
var symbols = map[string]string{
	// Letters.
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
	"i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
	// Punctuation and text symbols.
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…",
	"textellipsis": "…", "textquoteright": "’", "textquoteleft": "‘",
	"textquotedblright": "”", "textquotedblleft": "“", "quotedblbase": "„",
	"guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
	"guillemetright": "»", "textexclamdown": "¡", "textquestiondown": "¿",
	"textbullet": "•", "textperiodcentered": "·", "textdagger": "†",
	"dag": "†", "textdaggerdbl": "‡", "ddag": "‡", "S": "§", "P": "¶",
	"textsection": "§", "textparagraph": "¶", "copyright": "©",
	"textcopyright": "©", "textregistered": "®", "texttrademark": "™",
	"textdegree": "°", "degree": "°", "textmu": "µ", "textperthousand": "‰",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
	"textyen": "¥", "textdollar": "$", "textasciitilde": "~",
	"textasciicircum": "^", "textbackslash": "\\", "textunderscore": "_",
	"textbar": "|", "textless": "<", "textgreater": ">", "textbraceleft": "{",
	"textbraceright": "}", "textvisiblespace": "␣", "textonehalf": "½",
	"textonequarter": "¼", "textthreequarters": "¾", "textminus": "−",
	"textpm": "±", "texttimes": "×", "textdiv": "÷",
	"quad": " ", "qquad": " ", "enspace": " ", "thinspace": "\u2009",
	"TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε",
	// Greek.
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ",
	"vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
	"rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
	"upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
	"omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
	"Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ",
	"Psi": "Ψ", "Omega": "Ω",
	// Mathematics.
	"pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "·",
	"ast": "∗", "star": "⋆", "circ": "∘", "bullet": "•", "leq": "≤",
	"le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
	"sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪",
	"gg": "≫", "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ",
	"hbar": "ℏ", "to": "→", "rightarrow": "→", "leftarrow": "←",
	"leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐",
	"Leftrightarrow": "⇔", "uparrow": "↑", "downarrow": "↓",
	"mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
	"cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀", "exists": "∃",
	"neg": "¬", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
	"sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "prime": "′",
	"langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}",
	"ldotp": ".", "cdots": "⋯", "vert": "|", "mid": "|",
}

// Package bibtex reads BibTeX (.bib) files and maps their entries to
// CSL-JSON, the bibliography format the theme reads from
// data/bibliography.json.
//
// # Reading
//
// [Parse] is a hand-written, single-pass scanner. It understands what BibTeX
// and biber accept: @string macros (which may use earlier macros), the month
// macros jan…dec, # concatenation, values in braces, in quotes or bare
// numbers, @comment and @preamble, entries delimited by {…} or (…),
// case-insensitive entry types and field names, trailing commas, crossref,
// a byte-order mark and CRLF line endings.
//
// Every entry, field and diagnostic carries a [Pos]: a 1-based line and a
// 1-based column counted in runes (Unicode code points, so "é" and a tab are
// one column each). A leading byte-order mark is not part of the text.
//
// One bad entry never loses the others. When an entry has a syntax error it
// is reported and dropped, and reading resumes at the next "@" that starts a
// line. A line that starts with "@type{" inside a value is taken as the
// start of the next entry, so an unclosed brace costs one entry, not the rest
// of the file. Problems that leave the entry's meaning clear are reported and
// the entry is kept: an undefined macro (it expands to nothing, as in
// BibTeX), a repeated field (the first one counts), a crossref to a missing
// entry, and invalid UTF-8. A second entry with the same key (compared
// case-insensitively, as BibTeX does) is reported and dropped; it is listed in
// [File.Duplicates] so a validator can show both places.
//
// Where this reader differs from BibTeX, on purpose:
//   - Outside entries, a line whose first non-blank character is "%" is a
//     comment, so a "%"-commented entry is ignored (BibTeX would read it).
//     Between fields, "%" starts a comment that runs to the end of the line.
//   - Other text outside entries is ignored, as in BibTeX, except text that
//     looks like a piece of an entry (a "}" or a "name = value" line), which is
//     reported because it usually means an entry was closed too early.
//   - An "@" in the middle of a line of free text (an e-mail address, say)
//     starts an entry only when "@type{" or "@type(" follows.
//   - crossref is resolved whatever the order of the entries, and parents
//     may themselves have a crossref. A child of a proceedings or book takes
//     the parent's title as its booktitle, as biber does. Fields that
//     identify the parent itself (doi, url, eprint, pages, abstract…) are not
//     inherited.
//
// # Text
//
// Field values are kept as written (the LaTeX source, with inner braces).
// [LaTeXToUnicode] turns one into plain text, [ParseNames] splits a name list
// and [Entry.Date] reads the date fields.
//
// # CSL-JSON
//
// [ToCSL] maps entries to [CSLItem] values: standard CSL-JSON plus the
// author–year label and the sort key the theme uses. [WriteCSL] writes them
// as data/bibliography.json holds them.
package bibtex

import (
	"fmt"
	"strings"
)

// Pos is a position in a .bib file. Line and Col are 1-based; Col counts
// runes (Unicode code points), not bytes.
type Pos struct {
	Line, Col int
}

// String formats p as "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is a diagnostic about a .bib file.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats e like a compiler: "file:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// File is the result of reading one .bib file.
type File struct {
	// Name is the file name given to Parse, used in positions and messages.
	Name string
	// Entries are the bibliography entries in source order: not @string,
	// @preamble or @comment, not @set, not entries with syntax errors,
	// and not the later entries of a duplicated key.
	Entries []*Entry
	// Sets are biblatex's @set entries, which group other entries
	// (entryset = {a, b}) and are no work of their own.
	Sets []*Entry
	// Preambles holds the value of each @preamble, in order, as written.
	Preambles []string
	// Duplicates lists each entry dropped because an earlier entry has the
	// same key, in source order.
	Duplicates []Duplicate
}

// Duplicate is an entry whose key, compared case-insensitively, is already
// used by an earlier entry.
type Duplicate struct {
	// First is the earlier entry, which is kept.
	First *Entry
	// Later is the entry that is dropped.
	Later *Entry
}

// Entry is one bibliography entry, such as @article{key, …}.
type Entry struct {
	// Type is the entry type in lower case: "article", "inproceedings"…
	Type string
	// Key is the citation key as written.
	Key string
	// Pos is the position of the entry's "@"; KeyPos that of its key.
	Pos, KeyPos Pos
	// Fields are the entry's fields in source order, followed by those
	// inherited through crossref.
	Fields []*Field
}

// Field is one "name = value" pair of an entry.
type Field struct {
	// Name is the field name in lower case.
	Name string
	// Value is the value after macro expansion and # concatenation, without
	// its outer braces or quotes, otherwise as written (LaTeX, inner braces).
	Value string
	// Pos is the position of the field name; ValuePos that of the value's
	// first character (its opening brace or quote, for instance).
	Pos, ValuePos Pos
	// From is the key of the crossref parent the field was inherited from;
	// empty for a field written in the entry itself.
	From string
}

// Field returns the field called name (in lower case), or nil.
func (e *Entry) Field(name string) *Field {
	for _, f := range e.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Get returns the value of the field called name (in lower case) as written,
// or "" when the entry has no such field.
func (e *Entry) Get(name string) string {
	if f := e.Field(name); f != nil {
		return f.Value
	}
	return ""
}

// Text returns the value of the field called name as plain Unicode text
// (see [LaTeXToUnicode]), or "" when the entry has no such field.
func (e *Entry) Text(name string) string {
	return LaTeXToUnicode(e.Get(name))
}

// Names returns the names of the field called name ("author" or "editor"),
// and whether the list ends with "and others" (see [ParseNames]).
func (e *Entry) Names(name string) (names []Name, others bool) {
	return ParseNames(e.Get(name))
}

// hasField reports whether e has a field called name with a non-blank value.
func (e *Entry) hasField(name string) bool {
	return strings.TrimSpace(e.Get(name)) != ""
}

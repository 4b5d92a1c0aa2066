package validate

// Rule describes one check validate makes.
type Rule struct {
	// ID names the rule in diagnostics ([color]) and in the docs.
	ID string
	// Severity is the rule's severity without --strict.
	Severity Severity
	// Doc says what the rule checks, in one sentence.
	Doc string
}

// The rule ids.
const (
	RuleSyntax          = "syntax"
	RuleUnclosed        = "unclosed"
	RuleDuplicateKey    = "duplicate-key"
	RuleEmptyFile       = "empty-file"
	RuleEncoding        = "encoding"
	RuleRequired        = "required"
	RuleType            = "type"
	RuleBoolean         = "boolean"
	RuleDate            = "date"
	RuleFutureDate      = "future-date"
	RuleColor           = "color"
	RuleContrast        = "contrast"
	RuleUnknownField    = "unknown-field"
	RuleHugoField       = "hugo-field"
	RuleURL             = "url"
	RuleDOI             = "doi"
	RuleORCID           = "orcid"
	RuleEmail           = "email"
	RuleEnum            = "enum"
	RuleMissingFile     = "missing-file"
	RuleRef             = "ref"
	RuleEmptyBody       = "empty-body"
	RuleDuplicateURL    = "duplicate-url"
	RuleDuplicateWeight = "duplicate-weight"
	RuleShortcode       = "shortcode"
	RuleRawHTML         = "raw-html"
	RuleFigure          = "figure"
	RuleFigref          = "figref"
	RuleCite            = "cite"
	RuleBibliography    = "bibliography"
	RuleBibtex          = "bibtex"
	RuleBibtexDuplicate = "bibtex-duplicate"
	RuleUnsafeURL       = "unsafe-url"
	RuleIDCollision     = "id-collision"

	RulePublicationsStale    = "publications-stale"
	RulePublicationDuplicate = "publication-duplicate"
	RuleAuthorMatch          = "author-match"
	RuleSameName             = "same-name"
)

// Rules lists every rule, in the order the docs present them.
var Rules = []Rule{
	{RuleSyntax, Error, "The front matter is not valid YAML, TOML or JSON: the parser's message, at the line of the file."},
	{RuleUnclosed, Error, "The front matter is opened (---, +++ or {) but never closed."},
	{RuleDuplicateKey, Error, "A front-matter key appears twice in the same mapping (Hugo compares keys case-insensitively)."},
	{RuleEmptyFile, Error, "A content file is empty or holds only white space."},
	{RuleEncoding, Error, "A file is not valid UTF-8."},
	{RuleRequired, Error, "A field the content type requires is missing or empty."},
	{RuleType, Error, "A field's value has the wrong type: a string where a list is expected, a quoted number, and so on."},
	{RuleBoolean, Error, "A YAML 1.1 boolean (yes, no, on, off, y, n) where a boolean is expected: YAML 1.2, which Hugo reads, takes it as a string."},
	{RuleDate, Error, "A date Hugo cannot parse, or a day that does not exist (2026-02-30)."},
	{RuleFutureDate, Warning, "A page dated later than now in the site's timeZone (UTC without one): Hugo leaves it out of the site until then, unless --buildFuture."},
	{RuleColor, Error, "A colour that is not #rrggbb."},
	{RuleContrast, Warning, "A colour whose contrast on the white background is below 3:1, the WCAG minimum for graphics such as the theme's accent bar."},
	{RuleUnknownField, Warning, "A field the content type does not define, with a did-you-mean suggestion."},
	{RuleHugoField, Warning, "Hugo's own type or url where a publication, news item or person has a field of its own (pubtype, link, website): Hugo would change the page's layout or address. A url with http:// or https:// is an error: Hugo refuses it."},
	{RuleURL, Error, "A URL field that is not an absolute http or https URL."},
	{RuleDOI, Error, "A DOI that is not 10.NNNN/suffix (written without https://doi.org/)."},
	{RuleORCID, Error, "An ORCID iD that is not 0000-0000-0000-000X, or whose check digit is wrong."},
	{RuleEmail, Error, "An e-mail field that is not an e-mail address."},
	{RuleEnum, Error, "A value outside a field's allowed values."},
	{RuleMissingFile, Error, "An image or file (front-matter field, figure src or Markdown image) found neither in the page bundle nor in assets/ or static/ (the site's or a theme's), or an image field pointing at another site."},
	{RuleRef, Error, "A reference to a person or research theme that has no page under content/people/ or content/research/."},
	{RuleEmptyBody, Warning, "A research theme with no text below its front matter."},
	{RuleDuplicateURL, Error, "Two content files that Hugo would publish at the same URL."},
	{RuleDuplicateWeight, Warning, "Two research themes with the same weight, whose order on the research page is then left to their dates and titles."},
	{RuleShortcode, Error, "A shortcode Hugo's build stops at: a tag never closed, an unknown shortcode, one that takes inner text left open, or a closing tag on one that takes none."},
	{RuleRawHTML, Warning, "Raw HTML in a page's Markdown, which Hugo leaves out (with only a WARN) while markup.goldmark.renderer.unsafe is off, as it is by default; HTML comments are left out without a word."},
	{RuleFigure, Error, "A figure shortcode without src or alt."},
	{RuleFigref, Error, "A figref to a name that no figure on the same page has."},
	{RuleCite, Error, "A cite key that is not an id in data/bibliography.json, or a cite on a site without that file."},
	{RuleBibliography, Error, "data/bibliography.json is not a CSL-JSON list of items with ids."},
	{RuleBibtex, Error, "A .bib file at the site's root has a syntax error."},
	{RuleBibtexDuplicate, Error, "A .bib file at the site's root uses the same key for two entries."},
	{RuleUnsafeURL, Error, "A url, doi or \\url in a .bib file, or a URL or DOI in data/bibliography.json, that the site would never link (javascript:, data:, vbscript: …). In front matter the url rule reports it."},
	{RuleIDCollision, Warning, "Two research theme files, two cite keys or two figure names of a page that the theme would turn into the same HTML id (foo.bar.md and foobar.md; smith:2020 and smith2020; a.b and ab): it keeps them apart with a -2 suffix."},
	{RulePublicationsStale, Error, "data/publications.json is older than the .bib file it was imported from, or than the people's names and ORCID iDs its authors were matched with; the hint gives the command that writes it again."},
	{RulePublicationDuplicate, Warning, "Two entries of the lab's .bib with the same DOI, the same title, or keys that give one page address; a hand-written page that names an entry by bibkey under another file name."},
	{RuleAuthorMatch, Warning, "An author of the lab's publications who matches two people, or who looks like a member without matching (the same family name, given names agreeing only by initials); the hint says which names field fixes it."},
	{RuleSameName, Warning, "Two people with the same name: their publications cannot be told apart."},
}

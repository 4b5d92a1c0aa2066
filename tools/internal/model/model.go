// Package model defines labsite's content model: the content types, the
// front-matter fields each one takes, and the rule on every field.
//
// The model is defined once, here. Scaffolding (labtool new), validation
// (labtool validate), the JSON Schema export (labtool schema) and the theme's
// archetypes all derive from it, and a test checks that every .Params.<name>
// the theme reads is a field of it.
package model

import (
	"path"
	"slices"
	"strings"
)

// Kind is the YAML/TOML/JSON shape a field's value must have.
type Kind uint8

const (
	String     Kind = iota // a scalar string
	Int                    // an integer
	Bool                   // true or false
	Date                   // a date or date-time Hugo can parse
	StringList             // a list of strings
	Map                    // a mapping
	Any                    // anything (Hugo-defined fields whose shape varies)
)

var kindNames = [...]string{"string", "integer", "boolean", "date", "list of strings", "mapping", "any value"}

func (k Kind) String() string { return kindNames[k] }

// Format narrows what a String (or each item of a StringList) may hold.
type Format uint8

const (
	Plain Format = iota
	Color        // #rrggbb
	URL          // an absolute http or https URL
	DOI          // 10.NNNN/suffix, without the https://doi.org/ prefix
	ORCID        // 0000-0000-0000-000X with a valid checksum
	Email        // an e-mail address
	Image        // an image path, resolved like Hugo: page bundle, then assets/, then static/
	File         // any file path, resolved like Image
)

var formatNames = [...]string{"text", "colour (#rrggbb)", "URL", "DOI", "ORCID iD", "e-mail address", "image path", "file path"}

func (f Format) String() string { return formatNames[f] }

// Field is one front-matter key of a content type.
type Field struct {
	Name     string
	Kind     Kind
	Format   Format
	Required bool
	// FromBibTeX marks a required field that a publication page may leave
	// to its entry in data/publications.json (the lab's .bib): such a page
	// extends the entry, which gives the value.
	FromBibTeX bool
	// Enum, when set, lists the only values allowed.
	Enum []string
	// Ref, when set, names the content type whose entries the values refer
	// to, by file slug: people: [jane-doe] refers to content/people/jane-doe.md.
	Ref string
	// Doc says what the field means, in one sentence, for help text,
	// JSON Schema descriptions and archetype comments.
	Doc string
	// Example is a value that passes validation, used by labtool new and the
	// archetypes when the user gives none.
	Example string
	// Flag, when set, is the name of the flag that sets the field in
	// `labtool new` (usually the field's own name). The flags of the new
	// commands, their help and their completions come from the model.
	Flag string
	// ItemFlag, when set on a list, names a second flag that adds one item
	// as it is given, commas and all ("Costa, Rui Ponte"), where Flag
	// splits its value at commas.
	ItemFlag string
}

// Type is one content type: a section of the site and the fields its pages take.
type Type struct {
	// Name is the type's identifier, as used by `labtool new NAME` and
	// `labtool schema NAME`.
	Name string
	// Section is the folder under content/ that holds the type's pages; empty
	// for the plain page type, which is anywhere else.
	Section string
	// Noun is how messages name one entry of the type.
	Noun string
	Doc  string
	// Fields are the type's own fields, in the order scaffolds write them.
	Fields []Field
	// EmptyBodyWarning is set on types whose body is the point of the page.
	EmptyBodyWarning bool
}

// BibliographyFile is the site's bibliography, relative to the site folder:
// CSL-JSON that labtool import bibtex writes and the theme cites from
// (site.Data.bibliography).
const BibliographyFile = "data/bibliography.json"

// Roles are the values a person's role may take, most senior first; the
// theme groups the people page in this order.
var Roles = []string{"pi", "postdoc", "phd", "masters", "undergraduate", "staff", "visitor"}

// PublicationTypes are the values a publication's pubtype may take.
var PublicationTypes = []string{"article", "preprint", "conference", "chapter", "book", "thesis", "software", "dataset", "talk", "other"}

// Common are the fields Hugo itself defines for every page. Each type
// accepts them besides its own; a type field of the same name takes
// precedence.
var Common = []Field{
	{Name: "title", Kind: String, Required: true, Doc: "The page title."},
	{Name: "linkTitle", Kind: String, Doc: "A shorter title for menus and links."},
	{Name: "description", Kind: String, Doc: "A one-sentence description for search engines and link previews."},
	{Name: "summary", Kind: String, Doc: "A short summary shown in lists."},
	{Name: "date", Kind: Date, Doc: "The page date."},
	{Name: "lastmod", Kind: Date, Doc: "When the page last changed."},
	{Name: "publishDate", Kind: Date, Doc: "Hugo publishes the page from this date on."},
	{Name: "expiryDate", Kind: Date, Doc: "Hugo stops publishing the page after this date."},
	{Name: "draft", Kind: Bool, Doc: "Drafts are left out of production builds."},
	{Name: "weight", Kind: Int, Doc: "The page's position in ordered lists (lower first)."},
	{Name: "slug", Kind: String, Doc: "Overrides the last part of the page URL."},
	{Name: "url", Kind: String, Doc: "Overrides the whole page URL."},
	{Name: "aliases", Kind: StringList, Doc: "Old URLs that redirect to this page."},
	{Name: "tags", Kind: StringList, Doc: "Tags."},
	{Name: "keywords", Kind: StringList, Doc: "Keywords for search engines."},
	{Name: "images", Kind: StringList, Format: Image, Doc: "Images for link previews."},
	{Name: "layout", Kind: String, Doc: "A layout to use instead of the default."},
	{Name: "type", Kind: String, Doc: "A content type to use instead of the section's."},
	{Name: "menu", Kind: Any, Doc: "Menu entries for this page."},
	{Name: "menus", Kind: Any, Doc: "Menu entries for this page."},
	{Name: "params", Kind: Map, Doc: "Custom parameters."},
	{Name: "cascade", Kind: Any, Doc: "Front matter passed down to descendant pages."},
	{Name: "build", Kind: Map, Doc: "Build options (list, render, publishResources)."},
	{Name: "outputs", Kind: StringList, Doc: "Output formats for this page."},
	{Name: "sitemap", Kind: Map, Doc: "Sitemap options for this page."},
	{Name: "markup", Kind: String, Doc: "The markup language of the body."},
	{Name: "translationKey", Kind: String, Doc: "Links translations of the same page."},
	{Name: "isCJKLanguage", Kind: Bool, Doc: "Whether the body is Chinese, Japanese or Korean."},
	{Name: "headless", Kind: Bool, Doc: "A headless bundle is not published as a page."},
	{Name: "resources", Kind: Any, Doc: "Metadata for the bundle's resources."},
}

// Types are labsite's content types. The plain page type comes last.
var Types = []*Type{
	{
		Name: "theme", Section: "research", Noun: "research theme",
		Doc:              "A research theme: one coloured section of the research page, with a page of its own.",
		EmptyBodyWarning: true,
		Fields: []Field{
			{Name: "title", Kind: String, Required: true, Doc: "The theme's heading.", Example: "Hippocampal planning"},
			{Name: "color", Kind: String, Format: Color, Doc: "The theme's colour as #rrggbb; without it the theme takes the next unused colour of the palette.", Example: "#538d5f", Flag: "color"},
			{Name: "weight", Kind: Int, Doc: "The theme's position on the research page (lower first); without it the theme goes last.", Example: "10", Flag: "weight"},
			{Name: "summary", Kind: String, Doc: "One sentence on the theme, for lists and link previews.", Example: "How the hippocampus guides cortical learning and planning.", Flag: "summary"},
			{Name: "people", Kind: StringList, Ref: "person", Doc: "Lab members working on the theme, by the slug of their page under content/people/."},
			{Name: "publications", Kind: StringList, Doc: "Publications on the theme, by BibTeX key or by the slug of their page under content/publications/."},
		},
	},
	{
		Name: "person", Section: "people", Noun: "person",
		Doc: "A member of the lab, past or present.",
		Fields: []Field{
			{Name: "title", Kind: String, Required: true, Doc: "The person's full name, as it should appear.", Example: "Ada Lovelace"},
			{Name: "role", Kind: String, Required: true, Enum: Roles, Doc: "The person's role, which groups the people page.", Example: "phd", Flag: "role"},
			{Name: "position", Kind: String, Doc: "The person's job title, in full.", Example: "PhD student", Flag: "position"},
			{Name: "email", Kind: String, Format: Email, Doc: "A contact e-mail address.", Flag: "email"},
			{Name: "orcid", Kind: String, Format: ORCID, Doc: "The person's ORCID iD (0000-0000-0000-0000)."},
			{Name: "website", Kind: String, Format: URL, Doc: "A personal website."},
			{Name: "github", Kind: String, Doc: "A GitHub user name."},
			{Name: "image", Kind: String, Format: Image, Doc: "A portrait: a file in the page bundle, assets/ or static/."},
			{Name: "themes", Kind: StringList, Ref: "theme", Doc: "Research themes the person works on, by the slug of their page under content/research/."},
			{Name: "weight", Kind: Int, Doc: "The person's position within their role group (lower first)."},
			{Name: "joined", Kind: Date, Doc: "When the person joined the lab."},
			{Name: "left", Kind: Date, Doc: "When the person left the lab; once the date has passed they are listed as alumni."},
			{Name: "now_at", Kind: String, Doc: "Where an alumnus is now, for the alumni list."},
			{Name: "names", Kind: StringList, Doc: "Other spellings of the person's name as authors write it (\"Costa, R. P.\"), so that their publications are matched to them."},
		},
	},
	{
		Name: "publication", Section: "publications", Noun: "publication",
		Doc: "A paper, preprint, book, thesis, software or dataset from the lab.",
		Fields: []Field{
			{Name: "title", Kind: String, Required: true, FromBibTeX: true, Doc: "The publication's title.", Example: "A deep learning framework for neuroscience"},
			{Name: "authors", Kind: StringList, Required: true, FromBibTeX: true, Doc: "The authors in order, as written on the publication.", Example: "Ada Lovelace", Flag: "authors", ItemFlag: "author"},
			{Name: "date", Kind: Date, Required: true, FromBibTeX: true, Doc: "The publication date.", Example: "2026-01-01", Flag: "date"},
			{Name: "pubtype", Kind: String, Enum: PublicationTypes, Doc: "The kind of publication (not `type`, which Hugo keeps for choosing layouts).", Example: "article", Flag: "type"},
			{Name: "venue", Kind: String, Doc: "The journal, conference or publisher.", Example: "Nature Neuroscience", Flag: "venue"},
			{Name: "volume", Kind: String, Doc: "The volume."},
			{Name: "issue", Kind: String, Doc: "The issue or number."},
			{Name: "pages", Kind: String, Doc: "The page range, as 1761–1770."},
			{Name: "doi", Kind: String, Format: DOI, Doc: "The DOI, without https://doi.org/.", Flag: "doi"},
			{Name: "link", Kind: String, Format: URL, Doc: "A link to the publication when it has no DOI (not `url`, which Hugo keeps for the page's own address)."},
			{Name: "pdf", Kind: String, Format: File, Doc: "A PDF: a file in the page bundle, assets/ or static/."},
			{Name: "code", Kind: String, Format: URL, Doc: "A link to the code."},
			{Name: "bibkey", Kind: String, Doc: "The publication's key in the lab's BibTeX file."},
			{Name: "people", Kind: StringList, Ref: "person", Doc: "Lab members among the authors, by the slug of their page under content/people/."},
			{Name: "themes", Kind: StringList, Ref: "theme", Doc: "Research themes the publication belongs to."},
			{Name: "featured", Kind: Bool, Doc: "Featured publications are listed first, and on the home page."},
			{Name: "links", Kind: Any, Doc: "Other links, as a list of {name, url}: slides, a video, a press release."},
		},
	},
	{
		Name: "news", Section: "news", Noun: "news item",
		Doc: "A dated news item: a paper out, a new member, a talk, an award.",
		Fields: []Field{
			{Name: "title", Kind: String, Required: true, Doc: "The headline.", Example: "Our paper is out"},
			{Name: "date", Kind: Date, Required: true, Doc: "The date of the news.", Example: "2026-01-01", Flag: "date"},
			{Name: "summary", Kind: String, Doc: "One sentence for the news list."},
			{Name: "image", Kind: String, Format: Image, Doc: "An image: a file in the page bundle, assets/ or static/."},
			{Name: "link", Kind: String, Format: URL, Doc: "A link to more (a paper, a press release)."},
			{Name: "people", Kind: StringList, Ref: "person", Doc: "Lab members the news is about."},
			{Name: "themes", Kind: StringList, Ref: "theme", Doc: "Research themes the news is about."},
		},
	},
	{
		Name: "page", Noun: "page",
		Doc: "A plain page (home, about, contact) or the list page of a section.",
		Fields: []Field{
			{Name: "title", Kind: String, Required: true, Doc: "The page title.", Example: "About"},
		},
	},
}

// TypeNamed returns the content type called name, or nil.
func TypeNamed(name string) *Type {
	for _, t := range Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// TypeOf returns the content type of the file at rel, a slash-separated path
// relative to the site's content folder. A section's _index file is a plain
// page; so is every file outside the typed sections.
func TypeOf(rel string) *Type {
	rel = path.Clean(strings.TrimPrefix(rel, "/"))
	base := path.Base(rel)
	if strings.HasPrefix(base, "_index.") {
		return TypeNamed("page")
	}
	section, _, nested := strings.Cut(rel, "/")
	if nested {
		for _, t := range Types {
			if t.Section != "" && t.Section == section {
				return t
			}
		}
	}
	return TypeNamed("page")
}

// Field returns the field called name that the type accepts, its own or a
// common one.
func (t *Type) Field(name string) (Field, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	for _, f := range Common {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// AllFields returns the type's own fields followed by the common fields it
// does not redefine.
func (t *Type) AllFields() []Field {
	out := slices.Clone(t.Fields)
	for _, f := range Common {
		if !slices.ContainsFunc(t.Fields, func(g Field) bool { return g.Name == f.Name }) {
			out = append(out, f)
		}
	}
	return out
}

// FieldNames returns the names of every field the type accepts, for
// did-you-mean suggestions.
func (t *Type) FieldNames() []string {
	var names []string
	for _, f := range t.AllFields() {
		names = append(names, f.Name)
	}
	return names
}

// Slug returns the slug of a content file: its base name without extension,
// or the folder name for a page bundle's index file.
func Slug(rel string) string {
	rel = path.Clean(rel)
	base := path.Base(rel)
	name := strings.TrimSuffix(base, path.Ext(base))
	if name == "index" || name == "_index" {
		return path.Base(path.Dir(rel))
	}
	return name
}

package scaffold

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// Entry is one content file to write: a page of one of the model's types.
type Entry struct {
	Type *model.Type
	// Title is kept verbatim as the title.
	Title string
	// Slug names the file; empty means model.Slugify(Title).
	Slug string
	// Values are the fields the user gave, by field name: a string, an int,
	// a bool or a []string, checked against the model before anything is written.
	Values map[string]any
	// Body is the Markdown after the front matter.
	Body string
	// Extends marks a page that adds to an entry of the site's data (a
	// publication of data/publications.json): the required fields it
	// lacks come from the entry, so no example stands in for them.
	Extends bool
}

// Result says what a scaffold wrote.
type Result struct {
	// Path is the file written, as the user would type it.
	Path string
	// Examples are the required fields that the user gave no value for and
	// that hold the model's example value instead, in field order.
	Examples []model.Field
}

// Rel returns the file's path relative to the site folder.
func (e *Entry) Rel() (string, error) {
	if strings.TrimSpace(e.Title) == "" {
		return "", &NameError{"the title is empty"}
	}
	if err := checkOneLine("title", e.Title); err != nil {
		return "", err
	}
	slug := e.Slug
	if slug == "" {
		slug = model.Slugify(e.Title)
		if slug == "" {
			return "", &NameError{fmt.Sprintf("the title %q gives an empty file name (a slug needs letters or digits); pass --slug NAME", e.Title)}
		}
	} else if err := CheckSlug(slug); err != nil {
		return "", err
	}
	return path.Join("content", e.Type.Section, slug+".md"), nil
}

// CheckSlug accepts a slug that is already what model.Slugify would make
// of it: letters, digits and single hyphens. That leaves out ".", "..",
// slashes and anything else that could name a file outside its folder.
func CheckSlug(slug string) error {
	if slug == "" || model.Slugify(slug) != slug {
		suggestion := model.Slugify(slug)
		msg := fmt.Sprintf("--slug %q is not a slug: use lower-case letters, digits and hyphens", slug)
		if suggestion != "" {
			msg += fmt.Sprintf(", like %q", suggestion)
		}
		return &NameError{msg}
	}
	return nil
}

// Render returns the file's content and the required fields that hold
// the model's example, for a caller that writes the file itself (at a path
// of its own, such as a section's _index.md).
func (e *Entry) Render() ([]byte, []model.Field, error) { return e.render() }

// render returns the file's content: YAML front matter with the fields the
// user gave, and the model's example for every other required field, in the
// model's field order. Fields whose values need explaining carry their
// documentation as a comment.
func (e *Entry) render() ([]byte, []model.Field, error) {
	fm := newFrontMatter()
	var examples []model.Field
	for name := range e.Values {
		if _, ok := e.Type.Field(name); !ok {
			return nil, nil, fmt.Errorf("scaffold: %s has no field %q", e.Type.Name, name)
		}
	}
	// Own fields in model order, then the common fields the user set.
	for _, f := range e.Type.AllFields() {
		var v any
		switch given, ok := e.Values[f.Name]; {
		case f.Name == "title":
			v = e.Title
		case ok:
			checked, err := CheckValue(f, given)
			if err != nil {
				return nil, nil, err
			}
			v = checked
		case f.Required && !e.Extends:
			v = exampleValue(f)
			examples = append(examples, f)
		default:
			continue
		}
		fm.set(f, v, useful(f))
	}
	return fm.bytes(e.Body), examples, nil
}

// useful reports whether f's documentation is worth a comment in a new
// file: it says what values f takes (an enum, a format, references, a
// list's order) or what a number means.
func useful(f model.Field) bool {
	return len(f.Enum) > 0 || f.Format != model.Plain || f.Ref != "" || f.Kind == model.Int || f.Kind == model.StringList
}

// exampleValue is f's example as a value of f's kind.
func exampleValue(f model.Field) any {
	switch f.Kind {
	case model.Int:
		n, err := strconv.Atoi(f.Example)
		if err != nil {
			panic(fmt.Sprintf("content model: example %q of %s is not an integer", f.Example, f.Name))
		}
		return n
	case model.StringList:
		return []string{f.Example}
	}
	return f.Example
}

// CheckValue checks a value the user gave for f against the model (its
// kind, enum and format) and returns it normalised: a colour in lower case,
// a DOI without its https://doi.org/ prefix.
func CheckValue(f model.Field, v any) (any, error) {
	bad := func(format string, args ...any) error {
		return &ValueError{Field: f.Name, Err: fmt.Errorf(format, args...)}
	}
	switch v := v.(type) {
	case bool:
		if f.Kind != model.Bool {
			return nil, bad("%t is a boolean; want %s", v, f.Kind)
		}
		return v, nil
	case int:
		if f.Kind != model.Int {
			return nil, bad("%d is a number; want %s", v, f.Kind)
		}
		return v, nil
	case []string:
		if f.Kind != model.StringList {
			return nil, bad("a list; want %s", f.Kind)
		}
		out := make([]string, 0, len(v))
		for _, s := range v {
			if strings.TrimSpace(s) == "" {
				return nil, bad("an empty item in the list")
			}
			c, err := checkString(f, s)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, nil
	case string:
		switch f.Kind {
		case model.String:
			return checkString(f, v)
		case model.Date:
			if _, err := ParseDate(v); err != nil {
				return nil, &ValueError{Field: f.Name, Err: err}
			}
			return v, nil
		}
		return nil, bad("%q is text; want %s", v, f.Kind)
	}
	return nil, bad("unsupported value %T", v)
}

func checkString(f model.Field, s string) (string, error) {
	bad := func(format string, args ...any) (string, error) {
		return "", &ValueError{Field: f.Name, Err: fmt.Errorf(format, args...)}
	}
	if err := checkOneLine(f.Name, s); err != nil {
		return "", err
	}
	if len(f.Enum) > 0 && !slices.Contains(f.Enum, s) {
		return bad("%q is not allowed; want one of %s", s, strings.Join(f.Enum, ", "))
	}
	switch f.Format {
	case model.Color:
		c, err := model.ParseHex(s)
		if err != nil {
			return "", &ValueError{Field: f.Name, Err: err}
		}
		return c.Hex(), nil
	case model.DOI:
		// A DOI given as a link is written bare.
		for _, prefix := range model.DOIPrefixes {
			s = strings.TrimPrefix(s, prefix)
		}
	}
	if msg, _ := model.CheckFormat(f.Format, s); msg != "" {
		return bad("%q %s", s, msg)
	}
	return s, nil
}

// ParseDate parses a date as labtool's --date flags take it: YYYY-MM-DD or
// RFC 3339 (2026-01-31T09:30:00+01:00).
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}

// WriteEntry writes e into the site. Without force it refuses to replace an
// existing file (*siteio.ExistsError).
func WriteEntry(s *siteio.Site, e Entry, force bool) (Result, error) {
	rel, err := e.Rel()
	if err != nil {
		return Result{}, err
	}
	data, examples, err := e.render()
	if err != nil {
		return Result{}, err
	}
	if err := s.Write(rel, data, force); err != nil {
		return Result{}, err
	}
	return Result{Path: s.Path(rel), Examples: examples}, nil
}

package scaffold

import (
	"strconv"
	"time"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// ThemeBody is the placeholder text of a new research theme: the body is
// what the research page shows under the theme's heading, so it must not
// be empty, and it says plainly that it is to be replaced.
const ThemeBody = `Replace this paragraph with the research theme itself: the question it
asks, why it matters and how the lab approaches it. It appears on the
research page under the theme's heading, and on the theme's own page.`

// ThemeOptions are the fields of a new research theme.
type ThemeOptions struct {
	Title string
	Slug  string
	// Color is #rrggbb; empty takes the first colour of the site's palette
	// that no other theme uses.
	Color string
	// Weight places the theme on the research page; nil puts it last.
	Weight  *int
	Summary string
	Force   bool
}

// ThemeResult says what NewTheme wrote.
type ThemeResult struct {
	Result
	Color  string
	Weight int
}

// NewTheme writes content/research/<slug>.md. Without a weight the theme
// goes last (the highest weight of the other themes plus 10, or 10); without
// a colour it takes the next colour of the site's palette (or of
// model.DefaultPalette) that no other theme uses.
func NewTheme(s *Site, o ThemeOptions) (ThemeResult, error) {
	t := model.TypeNamed("theme")
	e := Entry{Type: t, Title: o.Title, Slug: o.Slug, Values: map[string]any{}, Body: ThemeBody}
	rel, err := e.Rel()
	if err != nil {
		return ThemeResult{}, err
	}
	if err := s.checkSlugFree(rel); err != nil {
		return ThemeResult{}, err
	}
	others, err := s.sectionPages(t.Section)
	if err != nil {
		return ThemeResult{}, err
	}
	maxWeight, haveWeight := 0, false
	var used []string
	for _, p := range others {
		if p.rel == rel {
			continue // the file --force replaces
		}
		if v := p.param("weight"); v != nil && v.Kind == frontmatter.IntValue {
			if w, err := strconv.Atoi(v.Text); err == nil && (!haveWeight || w > maxWeight) {
				maxWeight, haveWeight = w, true
			}
		}
		if v := p.param("color"); v != nil && v.Kind == frontmatter.StringValue {
			used = append(used, v.Text)
		}
	}
	weight := 10
	if o.Weight != nil {
		weight = *o.Weight
	} else if haveWeight {
		weight = maxWeight + 10
	}
	color := o.Color
	if color == "" {
		color = model.NextPaletteColor(palette(s), used)
	}
	e.Values["color"] = color
	e.Values["weight"] = weight
	if o.Summary != "" {
		e.Values["summary"] = o.Summary
	}
	res, err := WriteEntry(s, e, o.Force)
	if err != nil {
		return ThemeResult{}, err
	}
	c, _ := model.ParseHex(color)
	return ThemeResult{Result: res, Color: c.Hex(), Weight: weight}, nil
}

// palette is the site's palette without its invalid colours (validate
// reports those), or the default one.
func palette(s *Site) []string {
	var p []string
	for _, c := range s.Palette() {
		if _, err := model.ParseHex(c); err == nil {
			p = append(p, c)
		}
	}
	if len(p) == 0 {
		return model.DefaultPalette
	}
	return p
}

// PersonOptions are the fields of a new person.
type PersonOptions struct {
	Name     string
	Slug     string
	Role     string
	Position string
	Email    string
	Force    bool
}

// NewPerson writes content/people/<slug>.md.
func NewPerson(s *Site, o PersonOptions) (Result, error) {
	return writeNew(s, Entry{
		Type: model.TypeNamed("person"), Title: o.Name, Slug: o.Slug,
		Values: given(map[string]any{"role": o.Role, "position": o.Position, "email": o.Email}),
	}, o.Force)
}

// PublicationOptions are the fields of a new publication.
type PublicationOptions struct {
	Title   string
	Slug    string
	Authors []string
	// Date is YYYY-MM-DD or RFC 3339.
	Date  string
	DOI   string
	Venue string
	Type  string
	Force bool
}

// NewPublication writes content/publications/<slug>.md.
func NewPublication(s *Site, o PublicationOptions) (Result, error) {
	values := given(map[string]any{"date": o.Date, "doi": o.DOI, "venue": o.Venue, "pubtype": o.Type})
	if len(o.Authors) > 0 {
		values["authors"] = o.Authors
	}
	return writeNew(s, Entry{Type: model.TypeNamed("publication"), Title: o.Title, Slug: o.Slug, Values: values}, o.Force)
}

// NewsOptions are the fields of a new news item.
type NewsOptions struct {
	Title string
	Slug  string
	// Date is YYYY-MM-DD or RFC 3339.
	Date  string
	Force bool
}

// NewNews writes content/news/<slug>.md.
func NewNews(s *Site, o NewsOptions) (Result, error) {
	return writeNew(s, Entry{Type: model.TypeNamed("news"), Title: o.Title, Slug: o.Slug, Values: given(map[string]any{"date": o.Date})}, o.Force)
}

// Today formats t as a front-matter date, YYYY-MM-DD.
func Today(t time.Time) string { return t.Format(time.DateOnly) }

func writeNew(s *Site, e Entry, force bool) (Result, error) {
	rel, err := e.Rel()
	if err != nil {
		return Result{}, err
	}
	if err := s.checkSlugFree(rel); err != nil {
		return Result{}, err
	}
	return WriteEntry(s, e, force)
}

// given drops the empty strings: flags the user did not set.
func given(m map[string]any) map[string]any {
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m
}

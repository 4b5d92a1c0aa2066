package scaffold

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

// ThemeBody is the placeholder text of a new research theme: the body is
// what the research page shows under the theme's heading, so it must not
// be empty, and it says plainly that it is to be replaced.
const ThemeBody = `Replace this paragraph with the research theme itself: the question it
asks, why it matters and how the lab approaches it. It appears on the
research page under the theme's heading, and on the theme's own page.`

// Options are what a new content file is made of.
type Options struct {
	// Title is kept verbatim as the title (a person's name).
	Title string
	// Slug names the file; empty means the title's slug.
	Slug string
	// Values are the fields the user gave, by field name: a string, an int
	// or a []string, checked against the model before anything is written.
	Values map[string]any
	// Force replaces a file that exists.
	Force bool
}

// ThemeResult says what NewTheme wrote.
type ThemeResult struct {
	Result
	Color  string
	Weight int
}

// New writes content/<section>/<slug>.md, a page of type t with the values
// given. A required date that is not given is today's (see Now) in the
// site's timeZone, or UTC when it sets none: the zone in which Hugo reads
// a date, so that the page is never dated in Hugo's future (and left out
// of the build) when the local clock is ahead of it.
func New(s *siteio.Site, t *model.Type, o Options) (Result, error) {
	e := Entry{Type: t, Title: o.Title, Slug: o.Slug, Values: o.Values}
	if e.Values == nil {
		e.Values = map[string]any{}
	}
	for _, f := range t.Fields {
		if _, ok := e.Values[f.Name]; !ok && f.Required && f.Kind == model.Date {
			now, err := Now()
			if err != nil {
				return Result{}, err
			}
			loc, err := siteconfig.Location(s.Root())
			if err != nil {
				return Result{}, err
			}
			e.Values[f.Name] = Today(now.In(loc))
		}
	}
	return writeNew(s, e, o.Force)
}

// NewTheme writes content/research/<slug>.md. Without a weight the theme
// goes last (the highest weight of the other themes plus 10, or 10); without
// a colour it takes the next colour of the site's palette (or of
// model.DefaultPalette) that no other theme uses.
func NewTheme(s *siteio.Site, o Options) (ThemeResult, error) {
	t := model.TypeNamed("theme")
	e := Entry{Type: t, Title: o.Title, Slug: o.Slug, Values: map[string]any{}, Body: ThemeBody}
	for k, v := range o.Values {
		e.Values[k] = v
	}
	rel, err := e.Rel()
	if err != nil {
		return ThemeResult{}, err
	}
	if err := checkSlugFree(s, rel); err != nil {
		return ThemeResult{}, err
	}
	others, err := sectionPages(s, t.Section)
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
	if _, ok := e.Values["weight"]; !ok {
		e.Values["weight"] = 10
		if haveWeight {
			e.Values["weight"] = maxWeight + 10
		}
	}
	if _, ok := e.Values["color"]; !ok {
		e.Values["color"] = model.NextPaletteColor(palette(s), used)
	}
	res, err := WriteEntry(s, e, o.Force)
	if err != nil {
		return ThemeResult{}, err
	}
	// WriteEntry checked both values against the model.
	c, _ := model.ParseHex(e.Values["color"].(string))
	return ThemeResult{Result: res, Color: c.Hex(), Weight: e.Values["weight"].(int)}, nil
}

// palette is the site's palette without its invalid colours (validate
// reports those), or the default one.
func palette(s *siteio.Site) []string {
	var p []string
	for _, c := range Palette(s) {
		if _, err := model.ParseHex(c); err == nil {
			p = append(p, c)
		}
	}
	if len(p) == 0 {
		return model.DefaultPalette
	}
	return p
}

// Now is the current time, or the time SOURCE_DATE_EPOCH gives (seconds
// since 1970), the reproducible-builds convention that scripts and tests
// use to get fixed dates. Either is in the local time zone, which a date
// written into a site must not depend on (see New).
func Now() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(sec, 0), nil
	}
	return time.Now(), nil
}

// Today formats t as a front-matter date, YYYY-MM-DD, the day in t's
// location.
func Today(t time.Time) string { return t.Format(time.DateOnly) }

func writeNew(s *siteio.Site, e Entry, force bool) (Result, error) {
	rel, err := e.Rel()
	if err != nil {
		return Result{}, err
	}
	if err := checkSlugFree(s, rel); err != nil {
		return Result{}, err
	}
	return WriteEntry(s, e, force)
}

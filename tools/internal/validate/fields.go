package validate

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/model"
)

// hugoKeys are Hugo's own fields that people write, by mistake, for a
// field a content type has under another name. Hugo acts on them: type
// picks the page's layout and url moves the page.
var hugoKeys = map[string]map[string]struct{ effect, what, instead string }{
	"publication": {
		"type": {"chooses the page's layout", "kind", "pubtype"},
		"url":  {"sets the page's own address", "link", "link"},
	},
	"news":   {"url": {"sets the page's own address", "link", "link"}},
	"person": {"url": {"sets the page's own address", "website", "website"}},
}

// fields applies the content model's rules to the front matter.
func (c *checker) fields() {
	doc, typ := c.doc, c.typ
	info := infoOf(typ)
	mixedCase := false
	for _, e := range doc.Entries {
		mixedCase = mixedCase || strings.ToLower(e.Key) != e.Key
	}
	for i, e := range doc.Entries {
		lower := strings.ToLower(e.Key)
		// Hugo lower-cases front-matter keys, so Title and title are the
		// same key. (The parser reports keys repeated exactly.)
		for _, first := range doc.Entries[:i] {
			if !mixedCase {
				break
			}
			if first.Key != e.Key && strings.EqualFold(first.Key, e.Key) {
				c.report(e.KeyPos, Error, RuleDuplicateKey, "remove one of them",
					"duplicate key %q (first on line %d as %q; Hugo ignores case in keys)", e.Key, first.KeyPos.Line, first.Key)
				break
			}
		}
		f, ok := info.fields[lower]
		if !ok {
			hint := didYouMean(e.Key, info.names)
			if hint == "" {
				hint = fmt.Sprintf("a %s takes %s besides Hugo's own fields; put other values under params:", typ.Noun, info.own)
			}
			c.report(e.KeyPos, Warning, RuleUnknownField, hint, "unknown field %q for a %s", e.Key, typ.Noun)
			continue
		}
		// Hugo refuses a url with a scheme, and stops the build.
		remote := lower == "url" && e.Value.Kind == frontmatter.StringValue &&
			(strings.HasPrefix(e.Value.Text, "http://") || strings.HasPrefix(e.Value.Text, "https://"))
		if mistaken, ok := hugoKeys[typ.Name][lower]; ok {
			sev, effect := Warning, mistaken.effect
			if remote {
				sev, effect = Error, effect+", and Hugo refuses one with http:// or https://"
			}
			c.report(e.KeyPos, sev, RuleHugoField, "write "+mistaken.instead+" instead",
				"%q is Hugo's own field, which %s; a %s's %s is %q", e.Key, effect, typ.Noun, mistaken.what, mistaken.instead)
		} else if remote {
			c.report(e.Value.Pos, Error, RuleHugoField, "url is the page's own path on this site, such as /about/; link to other sites in the text",
				"Hugo refuses a url with http:// or https://")
		}
		c.value(f, e)
	}
	pos := doc.Open
	if pos.Line == 0 {
		pos = frontmatter.Pos{Line: 1, Col: 1}
	}
	fromBib := c.fromBibTeX()
	for _, f := range info.required {
		if fromBib && f.FromBibTeX {
			continue // the entry in data/publications.json gives it
		}
		if doc.Lookup(f.Name) == nil {
			c.report(pos, Error, RuleRequired, addHint(doc.Format, f),
				"missing required field %q (every %s has one)", f.Name, typ.Noun)
		}
	}
}

// ownFields lists a type's own field names as "a, b and c".
func ownFields(t *model.Type) string {
	var names []string
	for _, f := range t.Fields {
		names = append(names, f.Name)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// addHint tells how to add a missing field, with the model's example.
func addHint(format frontmatter.FrontMatterFormat, f model.Field) string {
	if f.Example == "" {
		return "add it to the front matter"
	}
	return "add it to the front matter, e.g. " + assignment(format, f.Name, f.Example, f.Kind)
}

// assignment writes name = value in the front matter's format.
func assignment(format frontmatter.FrontMatterFormat, name, value string, kind model.Kind) string {
	quoted := strconv.Quote(value)
	switch kind {
	case model.Int, model.Bool:
		quoted = value
	case model.StringList:
		quoted = "[" + strconv.Quote(value) + "]"
	case model.String:
		if format != frontmatter.TOMLFrontMatter && format != frontmatter.JSONFrontMatter && plainSafe(value) {
			quoted = value
		}
	case model.Date:
		if format != frontmatter.JSONFrontMatter {
			quoted = value
		}
	}
	switch format {
	case frontmatter.TOMLFrontMatter:
		return name + " = " + quoted
	case frontmatter.JSONFrontMatter:
		return strconv.Quote(name) + ": " + quoted
	}
	return name + ": " + quoted
}

// plainSafe reports a string YAML reads back as the same string without
// quotes.
func plainSafe(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`<~. ") || strings.Contains(s, ": ") ||
		strings.Contains(s, " #") || strings.HasSuffix(s, " ") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

// article puts "a" or "an" before a type name ("an ORCID iD", "a URL").
func article(noun string) string {
	if strings.ContainsRune("aeiouAEIO", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// hugoCasts are Hugo's own fields that Hugo converts with cast
// (hugolib/page__meta.go) before anything reads them: "10" is weight 10,
// and "false" is draft false.
var hugoCasts = map[string]bool{"draft": true, "weight": true, "iscjklanguage": true, "headless": true}

// yaml11Bools are YAML 1.1 booleans, which YAML 1.2 reads as strings.
var yaml11Bools = map[string]string{"yes": "true", "on": "true", "y": "true", "no": "false", "off": "false", "n": "false"}

// value checks one field's value against its definition.
func (c *checker) value(f model.Field, e *frontmatter.Entry) {
	v := e.Value
	if v.Kind == frontmatter.NullValue {
		if f.Required {
			c.report(e.KeyPos, Error, RuleRequired, addHint(c.doc.Format, f), "required field %q is empty", e.Key)
		}
		return
	}
	switch f.Kind {
	case model.Any:
	case model.Map:
		if v.Kind != frontmatter.MapValue {
			c.wrongType(f, e.Key, v, "")
		}
	case model.String:
		if c.stringValue(f, e.Key, v) {
			c.formats(f, e.Key, v)
		}
	case model.Int:
		switch {
		case v.Kind == frontmatter.IntValue:
		case v.Kind == frontmatter.StringValue && isInt(v.Text) && hugoCasts[strings.ToLower(e.Key)]:
		case v.Kind == frontmatter.StringValue && isInt(v.Text):
			c.wrongType(f, e.Key, v, "remove the quotes: "+assignment(c.doc.Format, e.Key, strings.TrimSpace(v.Text), model.Int))
		default:
			c.wrongType(f, e.Key, v, "")
		}
	case model.Bool:
		switch {
		case v.Kind == frontmatter.BoolValue:
		case v.Kind == frontmatter.StringValue && v.Plain && yaml11Bools[strings.ToLower(v.Text)] != "":
			fix := yaml11Bools[strings.ToLower(v.Text)]
			c.report(v.Pos, Error, RuleBoolean,
				fmt.Sprintf("YAML 1.1 read %s as %s, but Hugo reads YAML 1.2, where it is a string; write %s: %s", v.Text, fix, e.Key, fix),
				"%s must be true or false, not %s", e.Key, v.Text)
		case v.Kind == frontmatter.StringValue && (v.Text == "true" || v.Text == "false") && hugoCasts[strings.ToLower(e.Key)]:
		case v.Kind == frontmatter.StringValue && (v.Text == "true" || v.Text == "false"):
			c.wrongType(f, e.Key, v, "remove the quotes: "+assignment(c.doc.Format, e.Key, v.Text, model.Bool))
		case v.Kind == frontmatter.StringValue && yaml11Bools[strings.ToLower(v.Text)] != "":
			c.wrongType(f, e.Key, v, "write "+assignment(c.doc.Format, e.Key, yaml11Bools[strings.ToLower(v.Text)], model.Bool))
		default:
			c.wrongType(f, e.Key, v, "")
		}
	case model.Date:
		c.date(f, e.Key, v)
		c.futureDate(e.Key, v)
	case model.StringList:
		if v.Kind != frontmatter.ListValue {
			hint := ""
			if v.Kind == frontmatter.StringValue {
				hint = "write a list: " + assignment(c.doc.Format, e.Key, v.Text, model.StringList)
			}
			c.wrongType(f, e.Key, v, hint)
			return
		}
		if f.Required && len(v.Items) == 0 {
			c.report(v.Pos, Error, RuleRequired, "", "required field %q is an empty list", e.Key)
		}
		item := f
		item.Kind, item.Required = model.String, false
		for _, it := range v.Items {
			if c.stringValue(item, e.Key, it) {
				c.formats(item, e.Key, it)
			}
		}
	}
}

// stringValue checks that v can stand for the value of a string field,
// or of an item of a list field (which f then describes, with Kind String):
// a string, or for plain text a number or date, which Hugo prints as
// written. It reports whether the value is a string worth checking
// further. key is the field's key.
func (c *checker) stringValue(f model.Field, key string, v *frontmatter.Value) bool {
	item := c.typeField(key).Kind == model.StringList
	name := func() string {
		if item {
			return "each item of " + key
		}
		return key
	}
	switch v.Kind {
	case frontmatter.StringValue:
		if f.Required && strings.TrimSpace(v.Text) == "" {
			c.report(v.Pos, Error, RuleRequired, "", "required field %q is empty", name())
			return false
		}
		return true
	case frontmatter.IntValue, frontmatter.FloatValue, frontmatter.TimestampValue:
		if f.Format == model.Plain && f.Enum == nil && f.Ref == "" {
			return false
		}
	case frontmatter.BoolValue:
		if f.Format == model.Plain && f.Enum == nil && f.Ref == "" && !item {
			c.wrongType(f, name(), v, "quote it: "+assignment(c.doc.Format, key, v.Text, model.String))
			return false
		}
	}
	c.wrongType(f, name(), v, "")
	return false
}

// typeField returns the field of the file's type that key sets.
func (c *checker) typeField(key string) model.Field {
	return infoOf(c.typ).fields[strings.ToLower(key)]
}

// wrongType reports a value of the wrong kind.
func (c *checker) wrongType(f model.Field, name string, v *frontmatter.Value, hint string) {
	want := f.Kind.String()
	if f.Kind == model.String && f.Format != model.Plain {
		want = f.Format.String()
	}
	got := v.Kind.String()
	if v.Kind == frontmatter.StringValue || v.Kind == frontmatter.IntValue || v.Kind == frontmatter.FloatValue {
		got += " " + quoteText(v)
	}
	c.report(v.Pos, Error, RuleType, hint, "%s must be %s, not %s", name, article(want), article(got))
}

// quoteText shows a scalar's text as it reads in a message.
func quoteText(v *frontmatter.Value) string {
	if v.Kind == frontmatter.StringValue {
		return strconv.Quote(v.Text)
	}
	return v.Text
}

func isInt(s string) bool {
	_, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return err == nil
}

// date checks a date field: Hugo parses strings (and YAML dates, which it
// reads as strings) with a fixed list of layouts, and takes TOML dates as
// they are.
func (c *checker) date(f model.Field, name string, v *frontmatter.Value) {
	switch v.Kind {
	case frontmatter.TimestampValue:
		if c.doc.Format == frontmatter.TOMLFrontMatter {
			return
		}
	case frontmatter.StringValue:
		if v.Text == "" {
			// Hugo takes an empty date for no date.
			if f.Required {
				c.report(v.Pos, Error, RuleRequired, addHint(c.doc.Format, f), "required field %q is empty", name)
			}
			return
		}
	case frontmatter.TimeValue:
		c.report(v.Pos, Error, RuleDate, "write a date and time, such as 2026-01-05T"+v.Text+"Z", "%s %s is a time of day without a date", name, v.Text)
		return
	case frontmatter.IntValue:
		c.wrongType(f, name, v, fmt.Sprintf("Hugo would read %s as seconds since 1970; write a date such as 2026-01-05", v.Text))
		return
	default:
		c.wrongType(f, name, v, "")
		return
	}
	if hugoParsesDate(v.Text) {
		return
	}
	const layouts = "write YYYY-MM-DD, such as 2026-01-05, or a date and time such as 2026-01-05T09:30:00Z"
	switch {
	case outOfRange(v.Text) != "":
		c.report(v.Pos, Error, RuleDate, "", "%s %s does not exist (%s)", name, v.Text, outOfRange(v.Text))
	case paddedDate(v.Text) != "":
		c.report(v.Pos, Error, RuleDate, "write "+paddedDate(v.Text)+": Hugo needs two-digit months and days",
			"%s %s is not a date Hugo can read", name, v.Text)
	default:
		c.report(v.Pos, Error, RuleDate, layouts, "%s %q is not a date Hugo can read", name, v.Text)
	}
}

// formatRules are the rules that report each format's problems.
var formatRules = map[model.Format]string{model.URL: RuleURL, model.DOI: RuleDOI, model.ORCID: RuleORCID, model.Email: RuleEmail}

// formats checks a string value (or list item) against the field's format,
// enum and reference.
func (c *checker) formats(f model.Field, name string, v *frontmatter.Value) {
	text := v.Text
	if f.Enum != nil && !slices.Contains(f.Enum, text) {
		hint := "use one of: " + strings.Join(f.Enum, ", ")
		if s := didYouMean(text, f.Enum); s != "" {
			hint = s + " " + strings.ToUpper(hint[:1]) + hint[1:]
		}
		c.report(v.Pos, Error, RuleEnum, hint, "%s %q is not an allowed value", name, text)
	}
	if f.Ref != "" {
		c.ref(f, name, v)
	}
	switch f.Format {
	case model.Color:
		c.color(name, v)
	case model.URL, model.DOI, model.ORCID, model.Email:
		if msg, hint := model.CheckFormat(f.Format, text); msg != "" {
			c.report(v.Pos, Error, formatRules[f.Format], hint, "%s %q %s", name, text, msg)
		}
	case model.Image, model.File:
		switch {
		case !isRemote(text):
			c.file(v.Pos, name, text)
		case f.Format == model.Image:
			// A link may go anywhere, but a page shows only its site's images.
			c.report(v.Pos, Error, RuleMissingFile, offSiteHint, "%s %q is not on this site", name, text)
		}
	}
}

// color checks a #rrggbb colour and its contrast on the white background.
func (c *checker) color(name string, v *frontmatter.Value) {
	rgb, err := model.ParseHex(v.Text)
	if err != nil {
		hint := ""
		hex := strings.TrimPrefix(v.Text, "#")
		switch {
		case len(hex) == 3 && isHex(hex):
			hint = fmt.Sprintf("write it with six digits: #%c%c%c%c%c%c", hex[0], hex[0], hex[1], hex[1], hex[2], hex[2])
		case len(hex) == 6 && isHex(hex) && !strings.HasPrefix(v.Text, "#"):
			hint = "start it with #: #" + hex
		}
		c.report(v.Pos, Error, RuleColor, hint, "%s %s", name, err)
		return
	}
	white, _ := model.ParseHex(model.LightBackground)
	if r := model.Contrast(rgb, white); r < model.MinAccentContrast {
		c.report(v.Pos, Warning, RuleContrast,
			"the theme's accent bar in this colour will be hard to see on the white page; choose a darker colour",
			"%s %s has a contrast of %.1f:1 on white, below 3:1", name, v.Text, math.Floor(r*10)/10)
	}
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// ref checks that a slug names a page of the type the field refers to.
func (c *checker) ref(f model.Field, name string, v *frontmatter.Value) {
	t := model.TypeNamed(f.Ref)
	if t == nil || c.s.slugs[t.Name][v.Text] {
		return
	}
	if c.refPath(t, name, v) {
		return
	}
	var slugs []string
	for s := range c.s.slugs[t.Name] {
		slugs = append(slugs, s)
	}
	slices.Sort(slugs)
	hint := didYouMean(v.Text, slugs)
	if hint == "" {
		hint = fmt.Sprintf("%s lists the slugs of pages under content/%s/; add the page with labtool new %s, or fix the slug", name, t.Section, t.Name)
	}
	c.report(v.Pos, Error, RuleRef, hint, "unknown %s %q: there is no content/%s", t.Noun, v.Text, path.Join(t.Section, v.Text)+".md")
}

// fromBibTeX reports a hand-written publication page for an entry of
// data/publications.json (by its bibkey, or its file's slug): the page adds
// to the entry, which gives the title, authors and date.
func (c *checker) fromBibTeX() bool {
	if c.typ.Name != "publication" || c.s.pubs == nil {
		return false
	}
	if e := c.doc.Lookup("bibkey"); e != nil && c.s.pubs.keys[e.Value.Text] {
		// The theme's content adapter makes the entry's page at its slug
		// unless a page of that name exists: one named otherwise would be
		// a second page of the same work.
		if slug := c.s.pubs.slugOf[e.Value.Text]; slug != "" && slug != model.Slug(c.rel) {
			c.report(e.Value.Pos, Warning, RulePublicationDuplicate,
				fmt.Sprintf("rename the file to content/publications/%s.md, the entry's page, which this page then extends", slug),
				"bibkey %q is the entry whose page is /publications/%s/: the site would list the work twice", e.Value.Text, slug)
		}
		return true
	}
	return c.s.pubs.keys[model.Slug(c.rel)]
}

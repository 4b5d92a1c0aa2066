package validate

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/content"
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
		if mistaken, ok := hugoKeys[typ.Name][lower]; ok {
			c.report(e.KeyPos, Warning, RuleHugoField, "write "+mistaken.instead+" instead",
				"%q is Hugo's own field, which %s; a %s's %s is %q", e.Key, mistaken.effect, typ.Noun, mistaken.what, mistaken.instead)
		}
		c.value(f, e)
	}
	pos := doc.Open
	if pos.Line == 0 {
		pos = content.Pos{Line: 1, Col: 1}
	}
	for _, f := range info.required {
		if doc.Lookup(f.Name) == nil {
			c.report(pos, Error, RuleRequired, addHint(doc.Format, f),
				"missing required field %q (every %s has one)", f.Name, typ.Noun)
		}
	}
}

// ownFields lists a type's own field names as "a, b and c".
func ownFields(t *content.Type) string {
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
func addHint(format content.FrontMatterFormat, f content.Field) string {
	if f.Example == "" {
		return "add it to the front matter"
	}
	return "add it to the front matter, e.g. " + assignment(format, f.Name, f.Example, f.Kind)
}

// assignment writes name = value in the front matter's format.
func assignment(format content.FrontMatterFormat, name, value string, kind content.Kind) string {
	quoted := strconv.Quote(value)
	switch kind {
	case content.Int, content.Bool:
		quoted = value
	case content.StringList:
		quoted = "[" + strconv.Quote(value) + "]"
	case content.String:
		if format != content.TOMLFrontMatter && format != content.JSONFrontMatter && plainSafe(value) {
			quoted = value
		}
	case content.Date:
		if format != content.JSONFrontMatter {
			quoted = value
		}
	}
	switch format {
	case content.TOMLFrontMatter:
		return name + " = " + quoted
	case content.JSONFrontMatter:
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

// yaml11Bools are YAML 1.1 booleans, which YAML 1.2 reads as strings.
var yaml11Bools = map[string]string{"yes": "true", "on": "true", "y": "true", "no": "false", "off": "false", "n": "false"}

// value checks one field's value against its definition.
func (c *checker) value(f content.Field, e *content.Entry) {
	v := e.Value
	if v.Kind == content.NullValue {
		if f.Required {
			c.report(e.KeyPos, Error, RuleRequired, addHint(c.doc.Format, f), "required field %q is empty", e.Key)
		}
		return
	}
	switch f.Kind {
	case content.Any:
	case content.Map:
		if v.Kind != content.MapValue {
			c.wrongType(f, e.Key, v, "")
		}
	case content.String:
		if c.stringValue(f, e.Key, v) {
			c.formats(f, e.Key, v)
		}
	case content.Int:
		switch {
		case v.Kind == content.IntValue:
		case v.Kind == content.StringValue && isInt(v.Text):
			c.wrongType(f, e.Key, v, "remove the quotes: "+assignment(c.doc.Format, e.Key, strings.TrimSpace(v.Text), content.Int))
		default:
			c.wrongType(f, e.Key, v, "")
		}
	case content.Bool:
		switch {
		case v.Kind == content.BoolValue:
		case v.Kind == content.StringValue && v.Plain && yaml11Bools[strings.ToLower(v.Text)] != "":
			fix := yaml11Bools[strings.ToLower(v.Text)]
			c.report(v.Pos, Error, RuleBoolean,
				fmt.Sprintf("YAML 1.1 read %s as %s, but Hugo reads YAML 1.2, where it is a string; write %s: %s", v.Text, fix, e.Key, fix),
				"%s must be true or false, not %s", e.Key, v.Text)
		case v.Kind == content.StringValue && (v.Text == "true" || v.Text == "false"):
			c.wrongType(f, e.Key, v, "remove the quotes: "+assignment(c.doc.Format, e.Key, v.Text, content.Bool))
		case v.Kind == content.StringValue && yaml11Bools[strings.ToLower(v.Text)] != "":
			c.wrongType(f, e.Key, v, "write "+assignment(c.doc.Format, e.Key, yaml11Bools[strings.ToLower(v.Text)], content.Bool))
		default:
			c.wrongType(f, e.Key, v, "")
		}
	case content.Date:
		c.date(f, e.Key, v)
	case content.StringList:
		if v.Kind != content.ListValue {
			hint := ""
			if v.Kind == content.StringValue {
				hint = "write a list: " + assignment(c.doc.Format, e.Key, v.Text, content.StringList)
			}
			c.wrongType(f, e.Key, v, hint)
			return
		}
		if f.Required && len(v.Items) == 0 {
			c.report(v.Pos, Error, RuleRequired, "", "required field %q is an empty list", e.Key)
		}
		item := f
		item.Kind, item.Required = content.String, false
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
func (c *checker) stringValue(f content.Field, key string, v *content.Value) bool {
	item := c.typeField(key).Kind == content.StringList
	name := func() string {
		if item {
			return "each item of " + key
		}
		return key
	}
	switch v.Kind {
	case content.StringValue:
		if f.Required && strings.TrimSpace(v.Text) == "" {
			c.report(v.Pos, Error, RuleRequired, "", "required field %q is empty", name())
			return false
		}
		return true
	case content.IntValue, content.FloatValue, content.TimestampValue:
		if f.Format == content.Plain && f.Enum == nil && f.Ref == "" {
			return false
		}
	case content.BoolValue:
		if f.Format == content.Plain && f.Enum == nil && f.Ref == "" && !item {
			c.wrongType(f, name(), v, "quote it: "+assignment(c.doc.Format, key, v.Text, content.String))
			return false
		}
	}
	c.wrongType(f, name(), v, "")
	return false
}

// typeField returns the field of the file's type that key sets.
func (c *checker) typeField(key string) content.Field {
	return infoOf(c.typ).fields[strings.ToLower(key)]
}

// wrongType reports a value of the wrong kind.
func (c *checker) wrongType(f content.Field, name string, v *content.Value, hint string) {
	want := f.Kind.String()
	if f.Kind == content.String && f.Format != content.Plain {
		want = f.Format.String()
	}
	got := v.Kind.String()
	if v.Kind == content.StringValue || v.Kind == content.IntValue || v.Kind == content.FloatValue {
		got += " " + quoteText(v)
	}
	c.report(v.Pos, Error, RuleType, hint, "%s must be %s, not %s", name, article(want), article(got))
}

// quoteText shows a scalar's text as it reads in a message.
func quoteText(v *content.Value) string {
	if v.Kind == content.StringValue {
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
func (c *checker) date(f content.Field, name string, v *content.Value) {
	switch v.Kind {
	case content.TimestampValue:
		if c.doc.Format == content.TOMLFrontMatter {
			return
		}
	case content.StringValue:
		if v.Text == "" {
			// Hugo takes an empty date for no date.
			if f.Required {
				c.report(v.Pos, Error, RuleRequired, addHint(c.doc.Format, f), "required field %q is empty", name)
			}
			return
		}
	case content.TimeValue:
		c.report(v.Pos, Error, RuleDate, "write a date and time, such as 2026-01-05T"+v.Text+"Z", "%s %s is a time of day without a date", name, v.Text)
		return
	case content.IntValue:
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
var formatRules = map[content.Format]string{content.URL: RuleURL, content.DOI: RuleDOI, content.ORCID: RuleORCID, content.Email: RuleEmail}

// formats checks a string value (or list item) against the field's format,
// enum and reference.
func (c *checker) formats(f content.Field, name string, v *content.Value) {
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
	case content.Color:
		c.color(name, v)
	case content.URL, content.DOI, content.ORCID, content.Email:
		if msg, hint := content.CheckFormat(f.Format, text); msg != "" {
			c.report(v.Pos, Error, formatRules[f.Format], hint, "%s %q %s", name, text, msg)
		}
	case content.Image, content.File:
		switch {
		case !isRemote(text):
			c.file(v.Pos, name, text)
		case f.Format == content.Image:
			// A link may go anywhere, but a page shows only its site's images.
			c.report(v.Pos, Error, RuleMissingFile, offSiteHint, "%s %q is not on this site", name, text)
		}
	}
}

// color checks a #rrggbb colour and its contrast on the white background.
func (c *checker) color(name string, v *content.Value) {
	rgb, err := content.ParseHex(v.Text)
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
	white, _ := content.ParseHex(content.LightBackground)
	if r := content.Contrast(rgb, white); r < content.MinAccentContrast {
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
func (c *checker) ref(f content.Field, name string, v *content.Value) {
	t := content.TypeNamed(f.Ref)
	if t == nil || c.s.slugs[t.Name][v.Text] {
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

package validate

import (
	"strings"
	"time"

	"github.com/spf13/cast"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
)

// publishKeys are the front-matter keys from which Hugo takes a page's
// publish date (its default frontmatter config): publishDate and its
// aliases, and date when none of them is given.
var publishKeys = []string{"publishDate", "pubdate", "published"}

// futureDate warns about a page whose publish date is later than now in
// the site's time zone (its timeZone, else UTC): Hugo leaves the page out
// of the build, without a word, until that moment.
func (c *checker) futureDate(name string, v *frontmatter.Value) {
	if v.Kind != frontmatter.StringValue && v.Kind != frontmatter.TimestampValue {
		return
	}
	isPublish := false
	for _, k := range publishKeys {
		isPublish = isPublish || strings.EqualFold(name, k)
	}
	if strings.EqualFold(name, "date") {
		for _, k := range publishKeys {
			if c.doc.Lookup(k) != nil {
				return // the publish date decides
			}
		}
		isPublish = true
	}
	if !isPublish {
		return
	}
	loc, now := c.s.loc, c.s.now
	if loc == nil {
		loc = time.UTC
	}
	if now.IsZero() {
		now = time.Now()
	}
	t, ok := hugoDate(v.Text, loc)
	if !ok || !t.After(now) {
		return
	}
	zone := loc.String()
	if zone == "UTC" {
		zone = "UTC: the site sets no timeZone"
	}
	c.report(v.Pos, Warning, RuleFutureDate,
		"Hugo leaves the page out of the site until then; preview it with hugo server --buildFuture, or give today's date",
		"%s %s is in the future (in %s)", name, v.Text, zone)
}

// hugoDate reads s as Hugo reads a front-matter date: Hugo's page front
// matter (resources/page/pagemeta) calls htime.ToTimeInDefaultLocationE,
// which hands a string to cast.ToTimeInDefaultLocationE, in loc (the
// site's time zone) when s names no zone of its own. So does this. Hugo
// reads YAML with goccy/go-yaml, which leaves an unquoted date a string,
// so YAML dates come here too; TOML dates arrive as dates.
func hugoDate(s string, loc *time.Location) (time.Time, bool) {
	t, err := cast.ToTimeInDefaultLocationE(s, loc)
	return t, err == nil
}

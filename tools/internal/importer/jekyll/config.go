package jekyll

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// config is what the import reads from _config.yml.
type config struct {
	file        string // _config.yml or _config.yaml, "" without one
	Title       string
	Description string
	URL         string
	BaseURL     string
	Email       string
	Timezone    string
	Permalink   string
	Address     []string
	Social      []link
	Exclude     []string
	// HeaderPages are minima's pages of the menu, in order.
	HeaderPages []string
	// Author is the site's author (academicpages, minimal-mistakes), who
	// becomes a person.
	Author      *person
	authorLine  int
	Collections []string
	// collectionOutput says whether a collection has pages of its own.
	collectionOutput map[string]bool
	// location is the timezone's, for dates without an offset: UTC
	// without one.
	location *time.Location
	// collectionPermalink is a collection's permalink pattern, if set.
	collectionPermalink map[string]string
}

// oldURL is where Jekyll published the document rel of collection coll,
// or "" when the collection has no pages of its own.
func (c *config) oldURL(coll, rel string) string {
	if !c.collectionOutput[coll] {
		return ""
	}
	pattern := c.collectionPermalink[coll]
	if pattern == "" {
		pattern = "/:collection/:path:output_ext"
	}
	p := strings.TrimSuffix(strings.TrimPrefix(rel, "_"+coll+"/"), path.Ext(rel))
	u := strings.NewReplacer(":collection", coll, ":path", p, ":name", path.Base(p), ":title", path.Base(p), ":output_ext", ".html").Replace(pattern)
	return normaliseURL(u)
}

type link struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// readConfig reads _config.yml (or _config.yaml). A file that does not
// parse is reported at its line, and the import goes on with defaults.
func (imp *importer) readConfig() {
	for _, name := range []string{"_config.yml", "_config.yaml"} {
		data, err := os.ReadFile(imp.abs(name))
		if err != nil {
			continue
		}
		imp.cfg.file = name
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			line, msg := 0, err.Error()
			if m := yamlLine.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				msg = strings.TrimPrefix(msg, m[0])
			}
			imp.report.add(name, line, Error, "config", "%s does not parse (%s): the site's title, URL and links were not carried over; fix it and import again", name, strings.TrimPrefix(msg, "yaml: "))
			return
		}
		if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			if len(root.Content) > 0 {
				imp.report.add(name, root.Content[0].Line, Error, "config", "%s is not a mapping of settings", name)
			}
			return
		}
		imp.applyConfig(name, root.Content[0])
		return
	}
	imp.report.add("_config.yml", 0, Warning, "config", "the Jekyll site has no _config.yml: the site's title, URL and links are labsite's defaults; set them in hugo.toml")
}

// socialSites are the _config.yml keys of Jekyll themes (minima,
// al-folio, academicpages, the Greene Lab template) that hold a user name
// on a social site, with the link they make.
var socialSites = []struct {
	keys         []string
	name, prefix string
}{
	{[]string{"github_username", "github", "github_user"}, "GitHub", "https://github.com/"},
	{[]string{"twitter_username", "twitter"}, "Twitter", "https://twitter.com/"},
	{[]string{"x_username"}, "X", "https://x.com/"},
	{[]string{"bluesky_url", "bluesky"}, "Bluesky", "https://bsky.app/profile/"},
	{[]string{"mastodon_url", "mastodon"}, "Mastodon", ""},
	{[]string{"linkedin_username", "linkedin"}, "LinkedIn", "https://www.linkedin.com/in/"},
	{[]string{"scholar_userid", "googlescholar", "google_scholar", "google-scholar"}, "Google Scholar", "https://scholar.google.com/citations?user="},
	{[]string{"orcid_id", "orcid"}, "ORCID", "https://orcid.org/"},
	{[]string{"researchgate_username", "researchgate"}, "ResearchGate", "https://www.researchgate.net/profile/"},
	{[]string{"youtube_id", "youtube"}, "YouTube", "https://www.youtube.com/channel/"},
}

func (imp *importer) applyConfig(file string, m *yaml.Node) {
	c := &imp.cfg
	get := func(n *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		return nil
	}
	scalar := func(n *yaml.Node, key string) string {
		if v := get(n, key); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			return strings.TrimSpace(v.Value)
		}
		return ""
	}
	c.Title = scalar(m, "title")
	c.Description = strings.Join(strings.Fields(scalar(m, "description")), " ")
	c.URL = scalar(m, "url")
	c.BaseURL = scalar(m, "baseurl")
	c.Email = scalar(m, "email")
	c.Timezone = scalar(m, "timezone")
	if c.Timezone != "" {
		loc, err := time.LoadLocation(c.Timezone)
		if err != nil {
			imp.report.add(file, lineOf(get(m, "timezone")), Warning, "config", "timezone %q is not a time zone the import knows (%v): dates without an offset were read as UTC, and hugo.toml has no timeZone", c.Timezone, err)
			c.Timezone = ""
		} else {
			c.location = loc
		}
	}
	c.Permalink = scalar(m, "permalink")
	if c.Title == "" || c.Title == "blank" {
		// al-folio names the site after its owner.
		c.Title = strings.Join(strings.Fields(scalar(m, "first_name")+" "+scalar(m, "middle_name")+" "+scalar(m, "last_name")), " ")
	}
	if v := get(m, "header_pages"); v != nil && v.Kind == yaml.SequenceNode {
		for _, e := range v.Content {
			c.HeaderPages = append(c.HeaderPages, e.Value)
		}
	}
	if v := get(m, "exclude"); v != nil && v.Kind == yaml.SequenceNode {
		for _, e := range v.Content {
			c.Exclude = append(c.Exclude, e.Value)
		}
	}
	if v := get(m, "collections"); v != nil {
		c.collectionOutput, c.collectionPermalink = map[string]bool{}, map[string]string{}
		switch v.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(v.Content); i += 2 {
				name := v.Content[i].Value
				c.Collections = append(c.Collections, name)
				c.collectionOutput[name] = scalar(v.Content[i+1], "output") == "true"
				c.collectionPermalink[name] = scalar(v.Content[i+1], "permalink")
			}
		case yaml.SequenceNode:
			for _, e := range v.Content {
				c.Collections = append(c.Collections, e.Value)
				c.collectionOutput[e.Value] = false
			}
		}
	}
	// The author: a name (minima), or a mapping with e-mail and links
	// (academicpages, minimal-mistakes).
	sources := []*yaml.Node{m}
	if a := get(m, "author"); a != nil && a.Kind == yaml.MappingNode {
		sources = append(sources, a)
		if name := scalar(a, "name"); name != "" {
			c.Author = &person{
				name: name, position: scalar(a, "employer"), bio: scalar(a, "bio"),
				email: scalar(a, "email"), github: scalar(a, "github"), orcid: scalar(a, "orcid"),
				website: scalar(a, "uri"), image: scalar(a, "avatar"),
			}
			c.authorLine = a.Line
		}
		if c.Email == "" {
			c.Email = scalar(a, "email")
		}
		if loc := scalar(a, "location"); loc != "" {
			c.Address = append(c.Address, loc)
		}
	}
	if mn := get(m, "minima"); mn != nil {
		if sl := get(mn, "social_links"); sl != nil {
			sources = append(sources, sl)
		}
	}
	// social (minimal-mistakes) and links (the Greene Lab template).
	for _, key := range []string{"social", "links"} {
		if s := get(m, key); s != nil && s.Kind == yaml.MappingNode {
			sources = append(sources, s)
			if c.Email == "" {
				c.Email = scalar(s, "email")
			}
		}
	}
	seen := map[string]bool{}
	for _, src := range sources {
		for _, site := range socialSites {
			for _, key := range site.keys {
				v := scalar(src, key)
				if v == "" || seen[site.name] {
					continue
				}
				u := v
				if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
					if site.prefix == "" {
						continue
					}
					u = site.prefix + url.PathEscape(strings.TrimPrefix(v, "@"))
					if strings.Contains(site.prefix, "?") {
						u = site.prefix + url.QueryEscape(v)
					}
				}
				seen[site.name] = true
				c.Social = append(c.Social, link{Name: site.name, URL: u})
			}
		}
	}
	if c.Email != "" && !emailLike.MatchString(c.Email) {
		imp.report.add(file, lineOf(get(m, "email")), Warning, "config", "email %q is not an e-mail address; it was left out of hugo.toml", c.Email)
		c.Email = ""
	}
	if c.URL != "" {
		if u, err := url.Parse(c.URL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			imp.report.add(file, lineOf(get(m, "url")), Warning, "config", "url %q is not an http(s) URL; hugo.toml keeps labsite's placeholder baseURL", c.URL)
			c.URL = ""
		}
	}
}

var placeholder = regexp.MustCompile(`:[a-z_]+`)

var emailLike = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// baseURL is Hugo's baseURL: Jekyll's url and baseurl joined, ending in /.
func (c *config) baseURL() string {
	if c.URL == "" {
		return ""
	}
	u := strings.TrimRight(c.URL, "/")
	if b := strings.Trim(c.BaseURL, "/"); b != "" {
		u += "/" + b
	}
	return u + "/"
}

// permalinkPattern is Jekyll's permalink style for posts, as Hugo's
// pattern for news, and the same with Jekyll's :categories and
// :output_ext, for computing old URLs.
func (c *config) postPermalink() (jekyll string) {
	switch p := c.Permalink; p {
	case "", "date":
		return "/:categories/:year/:month/:day/:title:output_ext"
	case "pretty":
		return "/:categories/:year/:month/:day/:title/"
	case "ordinal":
		return "/:categories/:year/:y_day/:title:output_ext"
	case "weekdate":
		return "/:categories/:year/W:week/:short_day/:title:output_ext"
	case "none":
		return "/:categories/:title:output_ext"
	default:
		return p
	}
}

// hugoPermalink turns a Jekyll permalink pattern into Hugo's, for news:
// :categories is dropped (an alias keeps each old URL), :output_ext
// becomes a trailing slash. ok is false when a placeholder has no Hugo
// equivalent.
func hugoPermalink(p string) (string, bool) {
	repl := strings.NewReplacer(
		"/:categories", "", ":categories/", "", ":output_ext", "/",
		":i_month", ":monthname", ":short_month", ":monthname",
		":title", ":slug", ":slugified_categories", "",
	)
	h := repl.Replace(p)
	h = strings.ReplaceAll(h, "//", "/")
	for _, ph := range placeholder.FindAllString(h, -1) {
		switch ph {
		case ":year", ":month", ":day", ":slug", ":monthname", ":section":
		default:
			return "", false
		}
	}
	if strings.HasSuffix(h, ".html") {
		h = strings.TrimSuffix(h, ".html") + "/"
	}
	if !strings.HasSuffix(h, "/") {
		h += "/"
	}
	return path.Clean(h) + "/", true
}

// jekyllURL computes a post's URL as Jekyll would, from the permalink
// pattern.
func jekyllURL(pattern string, p *post) string {
	cats := make([]string, len(p.categories))
	for i, c := range p.categories {
		cats[i] = strings.ReplaceAll(strings.ToLower(c), " ", "-")
	}
	y, m, d := p.date.Date()
	repl := strings.NewReplacer(
		":categories", strings.Join(cats, "/"),
		":year", fmt.Sprintf("%04d", y),
		":month", fmt.Sprintf("%02d", int(m)),
		":i_month", strconv.Itoa(int(m)),
		":day", fmt.Sprintf("%02d", d),
		":i_day", strconv.Itoa(d),
		":y_day", fmt.Sprintf("%03d", p.date.YearDay()),
		":short_month", m.String()[:3],
		":title", p.slug,
		":slug", p.slug,
		":output_ext", ".html",
	)
	u := repl.Replace(pattern)
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	return u
}

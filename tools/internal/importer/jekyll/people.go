package jekyll

import (
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
	"go.yaml.in/yaml/v3"
)

// roleWords map the words of a role, as lab templates write it, to the
// content model's roles, most specific first.
var roleWords = []struct{ role, re string }{
	{"postdoc", `post-?doc|research (fellow|associate)|research scientist`},
	{"phd", `ph\.? ?d|doctoral|dphil|graduate student|grad student`},
	{"masters", `master|msc|m\.sc|mphil`},
	{"undergraduate", `undergrad|bachelor|bsc|b\.sc|summer student|intern`},
	{"visitor", `visit`},
	{"pi", `\bpi\b|principal[- ]investigator|professor|group leader|lab head|head of|director|lecturer|faculty`},
	{"staff", `staff|engineer|technician|manager|administrat|coordinator|assistant|programmer|developer`},
}

var roleRes = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(roleWords))
	for i, w := range roleWords {
		out[i] = regexp.MustCompile(`(?i)` + w.re)
	}
	return out
}()

// roleOf maps a role text to the model's role; ok is false when nothing
// matches.
func roleOf(text string) (string, bool) {
	for _, r := range model.Roles {
		if strings.EqualFold(strings.TrimSpace(text), r) {
			return r, true
		}
	}
	for i, re := range roleRes {
		if re.MatchString(text) {
			return roleWords[i].role, true
		}
	}
	return "", false
}

// person is a lab member read from any template's shape.
type person struct {
	name, role, position, email, orcid, website, github, image, bio string
	alumni                                                          bool
	left                                                            string
	// old is the person's page on the Jekyll site, if it had one.
	old string
	// duration is when they were in the lab, as the site wrote it.
	duration string
}

// links are the keys under which templates keep a member's links.
var personKeys = map[string][]string{
	"email":   {"email", "e-mail", "mail"},
	"orcid":   {"orcid", "orcid_id"},
	"website": {"website", "home-page", "homepage", "url", "web", "site", "personal_website"},
	"github":  {"github", "github_username"},
	"image":   {"image", "photo", "avatar", "picture", "img", "headshot"},
}

// emitPerson writes a person's page.
func (imp *importer) emitPerson(from string, line int, p person) {
	if p.name == "" {
		imp.report.add(from, line, Error, "person", "a member without a name was left out")
		return
	}
	values := map[string]any{}
	role, ok := roleOf(p.role)
	if !ok {
		role, ok = roleOf(p.position)
	}
	if !ok {
		role = "staff"
		imp.report.add(from, line, Warning, "person", "%s: role %q is none of labsite's (%s): written as staff; correct it", p.name, orDefault(p.role, p.position), strings.Join(model.Roles, ", "))
	}
	values["role"] = role
	position := p.position
	if position == "" && p.role != "" && !strings.EqualFold(p.role, role) {
		position = p.role
	}
	if position != "" {
		values["position"] = position
	}
	for k, v := range map[string]string{"email": strings.TrimPrefix(p.email, "mailto:"), "orcid": strings.TrimPrefix(strings.TrimPrefix(p.orcid, "https://orcid.org/"), "http://orcid.org/"), "website": p.website, "github": strings.TrimPrefix(p.github, "https://github.com/")} {
		if v != "" {
			values[k] = v
		}
	}
	if p.image != "" {
		if u, ok := imp.image(from, line, p.image); ok {
			values["image"] = u
		}
	}
	if p.left != "" {
		if t, ok := parseDate(p.left); ok {
			values["left"] = formatDate(t)
		} else if y, err := strconv.Atoi(p.left); err == nil {
			values["left"] = strconv.Itoa(y) + "-01-01"
		}
	}
	if p.alumni && values["left"] == nil {
		when := ""
		if p.duration != "" {
			when = " (the Jekyll site says " + p.duration + ")"
		}
		imp.report.add(from, line, Warning, "person", "%s is an alumnus: add left: with the date they left%s, so that the people page lists them as alumni", p.name, when)
	}
	slug := orDefault(model.Slugify(p.name), "person")
	if p.old != "" && p.old != "/people/"+slug+"/" {
		values["aliases"] = []string{p.old}
	}
	e := entry{typ: "person", title: p.name, values: values, body: p.bio}
	dest := imp.emit(path.Join("content/people", slug+".md"), from, e)
	imp.dest[from] = dest
	imp.people[strings.TrimSuffix(path.Base(dest), ".md")] = &personPage{rel: dest, from: from, line: line, e: e}
	imp.report.Counts.People++
}

// personPage is a person's page the import wrote, which it may add other
// spellings of the name to.
type personPage struct {
	rel, from string
	line      int
	e         entry
}

// convertPerson imports a member's page (_members/, _people/: the Greene
// Lab template and others).
func (imp *importer) convertPerson(rel string) {
	s, _ := imp.read(rel)
	if s == nil {
		return
	}
	c := imp.convertBody(s, bodyOptions{})
	p := person{
		name:     orDefault(s.str("name"), s.str("title")),
		role:     s.str("role"),
		position: orDefault(s.str("position"), s.str("job_title")),
		bio:      c.body,
	}
	if p.name == "" {
		p.name = titleFromName(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
		imp.report.add(rel, 0, Warning, "person", "no name: %q was made from the file name", p.name)
	}
	for field, keys := range personKeys {
		for _, k := range keys {
			v := s.str(k)
			if v == "" {
				if l := s.entry("links"); l != nil && l.Value != nil {
					if e := l.Value.Lookup(k); e != nil && e.Value != nil {
						v = strings.TrimSpace(e.Value.Text)
					}
				}
			}
			if v != "" {
				p.set(field, v)
				break
			}
		}
	}
	if d := s.str("description"); d != "" && p.bio == "" {
		p.bio = d
	}
	p.alumni = strings.Contains(strings.ToLower(p.role+" "+s.str("group")), "alum") || strings.Contains(rel, "alumni")
	if s.str("permalink") == "" {
		p.old = imp.cfg.oldURL(strings.TrimPrefix(strings.SplitN(rel, "/", 2)[0], "_"), rel)
	}
	p.left = orDefault(s.str("left"), s.str("end"))
	s.used["name"], s.used["title"] = true, true
	imp.dropped(s, "affiliation", "aliases", "group", "links", "description", "permalink", "redirect_from")
	imp.emitPerson(rel, 0, p)
}

func (p *person) set(field, v string) {
	switch field {
	case "email":
		p.email = v
	case "orcid":
		p.orcid = v
	case "website":
		p.website = v
	case "github":
		p.github = v
	case "image":
		p.image = v
	}
}

// convertPeopleData imports a data file of members (_data/team*.yml,
// _data/members*.yml: the Allan Lab template and others): a list of
// people, or groups of them.
func (imp *importer) convertPeopleData(rel string) {
	data, err := os.ReadFile(imp.abs(rel))
	if err != nil {
		imp.report.add(rel, 0, Error, "read", "%v", err)
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		imp.report.add(rel, line, Error, "person", "%s does not parse (%s): its people were not imported", rel, strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	if len(root.Content) == 0 {
		return
	}
	base := strings.ToLower(path.Base(rel))
	defaultRole := ""
	switch {
	case strings.Contains(base, "student"):
		defaultRole = "phd"
	}
	alumni := strings.Contains(base, "alum")
	var walk func(n *yaml.Node, group string)
	walk = func(n *yaml.Node, group string) {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, it := range n.Content {
				walk(it, group)
			}
		case yaml.MappingNode:
			get := func(keys ...string) string {
				for _, k := range keys {
					for i := 0; i+1 < len(n.Content); i += 2 {
						if strings.EqualFold(n.Content[i].Value, k) && n.Content[i+1].Kind == yaml.ScalarNode {
							return strings.TrimSpace(n.Content[i+1].Value)
						}
					}
				}
				return ""
			}
			name := get("name", "title", "full_name")
			if name == "" {
				// A mapping of groups: pi: [...], students: [...].
				for i := 0; i+1 < len(n.Content); i += 2 {
					walk(n.Content[i+1], n.Content[i].Value)
				}
				return
			}
			p := person{name: name, role: orDefault(get("role", "position_type", "type"), group), position: get("position", "info", "title_position", "job")}
			if p.role == "" {
				p.role = defaultRole
			}
			if _, ok := roleOf(p.role); !ok && defaultRole != "" {
				if _, ok := roleOf(p.position); !ok {
					p.role = defaultRole
				}
			}
			p.email = get(personKeys["email"]...)
			p.orcid = get(personKeys["orcid"]...)
			p.website = get(personKeys["website"]...)
			p.github = get(personKeys["github"]...)
			p.image = get(personKeys["image"]...)
			p.bio = orDefault(get("bio", "description", "about"), "")
			var edu []string
			for i := 1; i <= 9; i++ {
				if e := get("education" + strconv.Itoa(i)); e != "" {
					edu = append(edu, "- "+e)
				}
			}
			if len(edu) > 0 {
				p.bio = strings.TrimSpace(p.bio + "\n\n" + strings.Join(edu, "\n"))
			}
			p.alumni = alumni || strings.Contains(strings.ToLower(group), "alum")
			p.left = get("left", "end", "year_left", "until")
			p.duration = get("duration", "years", "period")
			imp.emitPerson(rel, n.Line, p)
		}
	}
	walk(root.Content[0], "")
}

var citationAuthors = regexp.MustCompile(`^(.*?)\s*\(\d{4}\)`)

// convertPublication imports a publication's page (_publications/*.md,
// the academicpages shape): its fields become an entry of the lab's .bib,
// its text (and old URL) a page of the same key that adds to the entry.
func (imp *importer) convertPublication(rel string) {
	s, _ := imp.read(rel)
	if s == nil {
		return
	}
	c := imp.convertBody(s, bodyOptions{})
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	key := orDefault(model.Slugify(name), "publication")
	title := s.str("title")
	if title == "" {
		title = imp.titleFromFileName(rel, name)
	}
	e := bibEntry{typ: "article", key: key}
	venue := "journal"
	switch strings.ToLower(s.str("category")) {
	case "conferences", "conference", "proceedings":
		e.typ, venue = "inproceedings", "booktitle"
	case "books", "book":
		e.typ, venue = "book", "publisher"
	case "theses", "thesis":
		e.typ, venue = "phdthesis", "school"
	}
	e.set("title", title)
	authors := s.list("authors", false)
	if cit := s.str("citation"); cit != "" && len(authors) == 0 {
		if m := citationAuthors.FindStringSubmatch(unescapeHTML(cit)); m != nil {
			authors = splitAuthors(strings.TrimSuffix(strings.TrimSpace(m[1]), "."))
			if len(authors) > 0 {
				imp.report.add(rel, s.line("citation"), Warning, "publication", "authors read from the citation text: %s; check them in %s", strings.Join(authors, "; "), imp.bibTarget())
			}
		}
	}
	if len(authors) == 0 {
		imp.report.add(rel, 0, Error, "publication", "no authors (no authors: field, and no citation: to read them from): add author = {…} to the entry %s in %s", key, imp.bibTarget())
	}
	e.set("author", strings.Join(authors, " and "))
	e.set(venue, s.str("venue"))
	if d := s.str("date"); d != "" {
		if t, ok := parseDate(d); ok {
			e.set("date", t.Format("2006-01-02"))
		}
	}
	e.set("doi", s.str("doi"))
	for _, k := range []string{"paperurl", "paper_url", "link", "html"} {
		v := s.str(k)
		if v == "" {
			continue
		}
		if u, ok := imp.asset(rel, s.line(k), v); ok {
			e.set("pdf", strings.TrimPrefix(u, "/"))
		} else if strings.HasPrefix(v, "http") {
			e.set("url", v)
		}
		break
	}
	if v := s.str("slidesurl"); v != "" {
		if u, ok := imp.asset(rel, s.line("slidesurl"), v); ok {
			v = u
		}
		if strings.HasPrefix(v, "http") {
			e.set("slides", v)
		}
	}
	e.set("abstract", s.str("excerpt"))
	imp.genBib = append(imp.genBib, e)
	// The page: its text and its old URL, adding to the entry (which has
	// the date, the abstract and, in academicpages' category, the type).
	values := map[string]any{}
	old := ""
	if s.str("permalink") == "" {
		old = imp.cfg.oldURL("publications", rel)
	}
	imp.common(s, values, "/publications/"+key+"/", false)
	for _, k := range []string{"date", "description", "summary", "tags"} {
		delete(values, k)
	}
	if tags := s.list("tags", true); len(tags) > 0 {
		values["tags"] = tags
	}
	s.used["title"], s.used["venue"] = true, true
	imp.dropped(s, "bibtexurl", "collection")
	if old != "" {
		values["aliases"] = append([]string{old}, stringsOf(values["aliases"])...)
	}
	if strings.TrimSpace(c.body) != "" || len(values) > 0 {
		dest := imp.emit(path.Join("content/publications", key+".md"), rel, entry{typ: "publication", title: title, values: values, body: c.body, extends: true})
		imp.dest[rel] = dest
	}
	imp.report.Counts.Publications++
}

// bibTarget names the .bib the generated entries go to, for messages.
func (imp *importer) bibTarget() string {
	if imp.labBibName != "" {
		return imp.labBibName
	}
	return genBibName
}

func stringsOf(v any) []string {
	s, _ := v.([]string)
	return s
}

var htmlEntities = strings.NewReplacer("&quot;", `"`, "&amp;", "&", "&#39;", "'", "<i>", "", "</i>", "", "<em>", "", "</em>", "")

func unescapeHTML(s string) string { return htmlEntities.Replace(s) }

// splitAuthors reads "Doe, J., Roe, R. and Poe, P." or "J. Doe, R. Roe"
// into names.
func splitAuthors(s string) []string {
	s = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, " and ", ", "), " & ", ", "))
	parts := strings.Split(s, ",")
	var out []string
	for i := 0; i < len(parts); i++ {
		p := strings.TrimSpace(parts[i])
		if p == "" {
			continue
		}
		// "Doe, J." is one name: a surname then initials or given names.
		if i+1 < len(parts) && !strings.Contains(p, " ") && looksGiven(strings.TrimSpace(parts[i+1])) {
			out = append(out, p+", "+strings.TrimSpace(parts[i+1]))
			i++
			continue
		}
		out = append(out, p)
	}
	return out
}

var givenRe = regexp.MustCompile(`^(\p{Lu}\.\s*)+$|^\p{Lu}[\p{L}\-]*\.?(\s+\p{Lu}\.)*$`)

func looksGiven(s string) bool { return givenRe.MatchString(s) }

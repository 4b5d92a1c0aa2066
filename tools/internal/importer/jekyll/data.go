package jekyll

import (
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/neuralml/labsite/tools/internal/model"
	"go.yaml.in/yaml/v3"
)

// readDataList reads a data file (_data/*.yml) as a list of mappings,
// each a key → scalar map with its line. A file that does not parse is
// reported.
func (imp *importer) readDataList(rel, what string) []dataItem {
	data, err := os.ReadFile(imp.abs(rel))
	if err != nil {
		imp.report.add(rel, 0, Error, "read", "%v", err)
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		imp.report.add(rel, line, Error, what, "%s does not parse (%s): its %s were not imported", rel, strings.TrimPrefix(err.Error(), "yaml: "), what)
		return nil
	}
	var out []dataItem
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			it := dataItem{line: n.Line, v: map[string]string{}}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := strings.ToLower(n.Content[i].Value), n.Content[i+1]
				switch v.Kind {
				case yaml.ScalarNode:
					it.v[k] = strings.TrimSpace(v.Value)
				case yaml.MappingNode:
					for j := 0; j+1 < len(v.Content); j += 2 {
						it.v[k+"."+strings.ToLower(v.Content[j].Value)] = strings.TrimSpace(v.Content[j+1].Value)
					}
				}
			}
			out = append(out, it)
		}
	}
	walk(&root)
	return out
}

type dataItem struct {
	line int
	v    map[string]string
}

func (d dataItem) get(keys ...string) string {
	for _, k := range keys {
		if v := d.v[k]; v != "" {
			return v
		}
	}
	return ""
}

// parseLooseDate reads the dates lab templates write by hand in data
// files: "17. July 2023", "July 17, 2023", "Jul 2023", "2023".
func parseLooseDate(s string) (time.Time, bool) {
	if t, ok := parseDate(s); ok {
		return t, true
	}
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ".", " ")), " ")
	for _, layout := range []string{"2 January 2006", "January 2 2006", "January 2, 2006", "2 Jan 2006", "Jan 2 2006", "Jan 2, 2006", "January 2006", "Jan 2006", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// convertNewsData imports a data file of news (_data/news.yml, the Allan
// Lab template): items with a date and a headline.
func (imp *importer) convertNewsData(rel string) {
	for i, it := range imp.readDataList(rel, "news") {
		text := it.get("headline", "text", "title", "content", "description")
		if text == "" {
			imp.report.add(rel, it.line, Warning, "news", "a news item without text was left out")
			continue
		}
		c := imp.convertBody(&source{rel: rel, body: text, bodyLine: it.line, used: map[string]bool{}, html: true}, bodyOptions{})
		values := map[string]any{}
		d := it.get("date")
		t, ok := parseLooseDate(d)
		if !ok {
			imp.report.add(rel, it.line, Error, "date", "news item %q: date %q is not a date; add date: to the news item by hand", short(plainText(c.body)), d)
		} else {
			values["date"] = formatDate(t)
		}
		title := orDefault(it.get("title"), titleFromText(c.body))
		name := strconv.Itoa(i + 1)
		if ok {
			name = t.Format(time.DateOnly) + "-" + orDefault(model.Slugify(title), name)
		}
		if len(name) > 60 {
			name = strings.TrimRight(name[:60], "-")
		}
		imp.emit(path.Join("content/news", name+".md"), rel, entry{typ: "news", title: title, values: values, body: c.body})
		imp.report.Counts.Posts++
	}
}

var authorSep = regexp.MustCompile(`\s*(?:,|;|\band\b|&)\s*`)

// convertPubData imports a data file of publications (_data/publist.yml,
// the Allan Lab template) as entries of the lab's .bib.
func (imp *importer) convertPubData(rel string) {
	for i, it := range imp.readDataList(rel, "publications") {
		title := it.get("title")
		if title == "" {
			imp.report.add(rel, it.line, Warning, "publication", "a publication without a title was left out")
			continue
		}
		var authors []string
		for _, a := range authorSep.Split(it.get("authors", "author"), -1) {
			if a = strings.TrimSpace(a); a != "" {
				authors = append(authors, a)
			}
		}
		key := model.Slugify(title)
		if len(key) > 40 {
			key = strings.TrimRight(key[:40], "-")
		}
		if key == "" {
			key = "publication-" + strconv.Itoa(i+1)
		}
		e := bibEntry{typ: "article", key: key}
		e.set("title", title)
		if len(authors) == 0 {
			imp.report.add(rel, it.line, Error, "publication", "%q has no authors: add author = {…} to the entry %s in %s", title, key, imp.bibTarget())
		}
		e.set("author", strings.Join(authors, " and "))
		e.set("journal", it.get("journal", "venue", "link.display"))
		if y := it.get("year", "date"); y != "" {
			if t, ok := parseLooseDate(y); ok {
				e.set("year", strconv.Itoa(t.Year()))
			}
		}
		if u := it.get("link.url", "url", "link", "doi"); u != "" {
			if strings.HasPrefix(u, "https://doi.org/") || strings.HasPrefix(u, "http://dx.doi.org/") {
				e.set("doi", u)
			} else if strings.HasPrefix(u, "http") {
				e.set("url", u)
			}
		}
		if it.get("highlight") == "1" || it.get("selected") == "true" {
			e.set("selected", "true")
		}
		e.set("abstract", it.get("description", "abstract"))
		imp.genBib = append(imp.genBib, e)
		imp.report.Counts.Publications++
	}
}

package authors

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
)

// ReadPeople reads the lab's members from the site in siteDir: every page
// under content/people/ (a file, or a bundle's index file) but the section's
// _index. A page whose front matter cannot be read is skipped (labtool
// validate reports it). People are sorted by slug.
func ReadPeople(siteDir string) ([]Person, error) {
	root := filepath.Join(siteDir, "content", "people")
	var people []Person
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && os.IsNotExist(err) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		base := path.Base(rel)
		ext := path.Ext(base)
		if !slices.Contains([]string{".md", ".markdown", ".html"}, ext) || strings.HasPrefix(base, "_index.") {
			return nil
		}
		slug := strings.TrimSuffix(rel, ext)
		if strings.TrimSuffix(base, ext) == "index" {
			slug = path.Dir(rel)
		}
		if strings.Contains(slug, "/") {
			return nil // deeper pages are not people
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := frontmatter.Parse(src)
		if err != nil || doc.Entries == nil {
			return nil
		}
		person := Person{Slug: slug, Path: "content/people/" + rel}
		if e := doc.Lookup("title"); e != nil && e.Value.Kind == frontmatter.StringValue {
			person.Name = e.Value.Text
			person.Line = e.KeyPos.Line
		}
		if e := doc.Lookup("orcid"); e != nil && e.Value.Kind == frontmatter.StringValue {
			person.ORCID = e.Value.Text
		}
		if e := doc.Lookup("names"); e != nil {
			for _, v := range e.Value.Items {
				if v.Kind == frontmatter.StringValue && v.Text != "" {
					person.Names = append(person.Names, v.Text)
				}
			}
		}
		if person.Name != "" {
			people = append(people, person)
		}
		return nil
	})
	slices.SortFunc(people, func(a, b Person) int { return strings.Compare(a.Slug, b.Slug) })
	return people, err
}

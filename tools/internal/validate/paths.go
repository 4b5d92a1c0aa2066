package validate

import (
	"path"
	"strings"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
)

// isRemote reports a link or image source that is not a file of the site.
func isRemote(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "data:") || strings.HasPrefix(s, "mailto:")
}

// file checks that a path names a file, looked up as Hugo looks up a
// page's images: in the page bundle (for a relative path), then in assets/
// and static/, the site's and then the themes'. name is what messages call
// the path ("image", "figure src").
func (c *checker) file(pos frontmatter.Pos, name, ref string) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return
	}
	var dirs []string
	if !strings.HasPrefix(ref, "/") {
		if dir := c.bundleDir(); dir != "" {
			dirs = append(dirs, dir)
		}
	}
	dirs = append(dirs, c.s.assetDirs...)
	for _, d := range dirs {
		if c.s.files[path.Join(d, ref)] {
			return
		}
	}
	c.report(pos, Error, RuleMissingFile, "looked in "+strings.Join(dirs, "/, ")+"/",
		"%s %q not found", name, ref)
}

// bundleDir returns the folder of the page's bundle (of index.md or
// _index.md), or "" for a page that is no bundle.
func (c *checker) bundleDir() string {
	base := path.Base(c.rel)
	if strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "_index.") {
		return path.Dir(c.rel)
	}
	return ""
}

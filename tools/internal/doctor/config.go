package doctor

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
)

// config is a site's configuration as Hugo merges it from the root file
// (hugo.toml, …) and config/_default/, with every key lower-cased (Hugo's
// keys are case-insensitive). It remembers which file set which top-level
// key, to say where to fix a setting.
type config struct {
	root  string         // the site's folder
	main  string         // the root configuration file, relative to root
	m     map[string]any // the merged settings
	files map[string]string
}

// loadConfig reads the site's configuration files.
func loadConfig(root string) (*config, error) {
	c := &config{root: root, m: map[string]any{}, files: map[string]string{}}
	for _, name := range siteconfig.RootNames {
		if _, err := os.Stat(filepath.Join(root, name)); err == nil {
			c.main = name
			if err := c.merge(name, ""); err != nil {
				return nil, err
			}
			break
		}
	}
	dir := filepath.Join("config", "_default")
	entries, _ := os.ReadDir(filepath.Join(root, dir))
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || metadecoders.FormatFromString(strings.TrimPrefix(ext, ".")) == "" {
			continue
		}
		base := strings.ToLower(strings.TrimSuffix(e.Name(), ext))
		under := base
		if base == "hugo" || base == "config" {
			under = ""
			if c.main == "" {
				c.main = filepath.ToSlash(filepath.Join(dir, e.Name()))
			}
		}
		if err := c.merge(filepath.ToSlash(filepath.Join(dir, e.Name())), under); err != nil {
			return nil, err
		}
	}
	if c.main == "" {
		return nil, ErrNoSite
	}
	return c, nil
}

// merge reads one configuration file, under a top-level key when it is
// config/_default/<key>.toml.
func (c *config) merge(name, under string) error {
	data, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	format := metadecoders.FormatFromString(strings.TrimPrefix(filepath.Ext(name), "."))
	m, err := metadecoders.Default.UnmarshalToMap(data, format)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	m = lowerKeys(m)
	if under != "" {
		m = map[string]any{under: m}
	}
	for k, v := range m {
		if old, ok := c.m[k].(map[string]any); ok {
			if nv, ok := v.(map[string]any); ok {
				mergeMaps(old, nv)
				continue
			}
		}
		c.m[k] = v
		c.files[k] = name
	}
	return nil
}

func mergeMaps(dst, src map[string]any) {
	for k, v := range src {
		if d, ok := dst[k].(map[string]any); ok {
			if s, ok := v.(map[string]any); ok {
				mergeMaps(d, s)
				continue
			}
		}
		dst[k] = v
	}
}

// lowerKeys lower-cases the keys of maps, recursively, except header names
// (the keys of a [server.headers] rule's values), which are shown as
// written.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		lk := strings.ToLower(k)
		if lk == "values" {
			out[lk] = v
			continue
		}
		out[lk] = lowerValue(v)
	}
	return out
}

func lowerValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return lowerKeys(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = lowerValue(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = lowerKeys(x)
		}
		return out
	}
	return v
}

// get returns the value at a dotted key path ("markup.goldmark.parser").
func (c *config) get(path string) (any, bool) {
	var v any = c.m
	for _, k := range strings.Split(strings.ToLower(path), ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

// where returns the file that sets a key path (or would: the file of its
// top-level key, else the main file) and the line of the key's last part
// in it, 0 when it is not written there.
func (c *config) where(path string) (string, int) {
	parts := strings.Split(path, ".")
	file := c.main
	if f, ok := c.files[strings.ToLower(parts[0])]; ok {
		file = f
	}
	data, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(file)))
	if err != nil {
		return file, 0
	}
	return file, keyLine(data, parts[len(parts)-1])
}

// keyLine returns the first line that sets key (`key =`, `key:`, `"key":`),
// ignoring case, or 0.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`(?i)^\s*["']?` + regexp.QuoteMeta(key) + `["']?\s*[=:]`)
	for i, line := range bytes.Split(data, []byte("\n")) {
		if re.Match(line) {
			return i + 1
		}
	}
	return 0
}

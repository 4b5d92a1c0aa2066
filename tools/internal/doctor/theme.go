package doctor

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/mod/modfile"
)

// ThemeModule is the theme's module path.
const ThemeModule = "github.com/neuralml/labsite/theme"

// theme is the copy of the labsite theme a site builds with.
type theme struct {
	dir string // its folder
	how string // how it was found, for messages
}

// findTheme finds the theme the site in root builds with: a module
// replacement (hugo.toml or HUGO_MODULE_REPLACEMENTS), the version go.mod
// requires in Go's module cache, or a copy in themes/.
func findTheme(root string, c *config, env func(string) string) (*theme, error) {
	replacements := env("HUGO_MODULE_REPLACEMENTS")
	if replacements == "" {
		if v, ok := c.get("module.replacements"); ok {
			replacements = listString(v)
		}
	}
	for _, r := range strings.Split(replacements, ",") {
		from, to, ok := strings.Cut(r, "->")
		if !ok || strings.TrimSpace(from) != ThemeModule {
			continue
		}
		to = strings.TrimSpace(to)
		dir := to
		if !filepath.IsAbs(dir) {
			// Hugo resolves a relative replacement against themes/.
			dir = filepath.Join(root, "themes", dir)
		}
		if !isDir(dir) {
			return nil, fmt.Errorf("the module replacement %q names a folder that does not exist (%s)", r, dir)
		}
		return &theme{dir: dir, how: "the module replacement " + to}, nil
	}
	if data, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
		if f, err := modfile.ParseLax("go.mod", data, nil); err == nil {
			for _, req := range f.Require {
				if req.Mod.Path != ThemeModule {
					continue
				}
				cache := env("GOMODCACHE")
				if cache == "" {
					out, err := exec.Command("go", "env", "GOMODCACHE").Output()
					if err != nil {
						return nil, fmt.Errorf("go.mod requires %s %s, but go env GOMODCACHE failed: %v", ThemeModule, req.Mod.Version, err)
					}
					cache = strings.TrimSpace(string(out))
				}
				dir := filepath.Join(cache, filepath.FromSlash(ThemeModule)+"@"+req.Mod.Version)
				if !isDir(dir) {
					return nil, fmt.Errorf("go.mod requires %s %s, which is not downloaded yet: run hugo mod get", ThemeModule, req.Mod.Version)
				}
				return &theme{dir: dir, how: "go.mod: " + req.Mod.Version}, nil
			}
		}
	}
	if v, ok := c.get("theme"); ok {
		for _, name := range strings.Split(listString(v), ",") {
			dir := filepath.Join(root, "themes", strings.TrimSpace(name))
			if isFile(filepath.Join(dir, "templates.sum")) {
				return &theme{dir: dir, how: "themes/" + strings.TrimSpace(name)}, nil
			}
		}
	}
	return nil, fmt.Errorf("found no labsite theme: no module replacement, no require of %s in go.mod, no copy in themes/", ThemeModule)
}

// listString joins a string or a list of strings with commas.
func listString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var s []string
		for _, x := range v {
			s = append(s, fmt.Sprint(x))
		}
		return strings.Join(s, ",")
	}
	return fmt.Sprint(v)
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// minHugo returns the theme's module.hugoVersion.min and extended.
func (t *theme) minHugo() (string, bool, error) {
	data, err := os.ReadFile(filepath.Join(t.dir, "hugo.toml"))
	if err != nil {
		return "", false, err
	}
	var cfg struct {
		Module struct {
			HugoVersion struct {
				Min      string
				Extended bool
			} `toml:"hugoVersion"`
		}
	}
	if err := toml.Unmarshal(data, &cfg); err != nil {
		return "", false, fmt.Errorf("%s: %v", filepath.Join(t.dir, "hugo.toml"), err)
	}
	return cfg.Module.HugoVersion.Min, cfg.Module.HugoVersion.Extended, nil
}

// params returns the keys of the theme's [params.labsite] defaults.
func (t *theme) params() ([]string, error) {
	data, err := os.ReadFile(filepath.Join(t.dir, "hugo.toml"))
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Params struct {
			Labsite map[string]any
		}
	}
	if err := toml.Unmarshal(data, &cfg); err != nil {
		return nil, err
	}
	var keys []string
	for k := range cfg.Params.Labsite {
		keys = append(keys, strings.ToLower(k))
	}
	slices.Sort(keys)
	return keys, nil
}

// SumEntry is one version of one template in templates.sum.
type SumEntry struct {
	// Path is relative to layouts/, with forward slashes.
	Path string
	// Date is the day the template took this content (YYYY-MM-DD).
	Date string
	// Sum is the SHA-256 of the template, in hex, with CRLF read as LF.
	Sum string
}

// Sums is the theme's templates.sum: every version of every template,
// oldest first.
type Sums []SumEntry

// ReadSums reads a templates.sum file.
func ReadSums(name string) (Sums, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var sums Sums
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 || len(f[2]) != sha256.Size*2 {
			return nil, fmt.Errorf("%s:%d: want \"path date sha256\", not %q", name, n, line)
		}
		sums = append(sums, SumEntry{Path: f[0], Date: f[1], Sum: f[2]})
	}
	return sums, sc.Err()
}

// Latest returns the last entry for a template.
func (s Sums) Latest(path string) (SumEntry, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Path == path {
			return s[i], true
		}
	}
	return SumEntry{}, false
}

// Find returns the first entry of a template with the given checksum.
func (s Sums) Find(path, sum string) (SumEntry, bool) {
	for _, e := range s {
		if e.Path == path && e.Sum == sum {
			return e, true
		}
	}
	return SumEntry{}, false
}

// Add records a new version of a template, after its other versions.
func (s Sums) Add(e SumEntry) Sums {
	at := -1
	for i, x := range s {
		if x.Path == e.Path {
			at = i + 1
		}
	}
	if at < 0 {
		at = len(s)
		for i, x := range s {
			if x.Path > e.Path {
				at = i
				break
			}
		}
	}
	return slices.Insert(s, at, e)
}

// Format writes the entries under the file's header comment.
func (s Sums) Format(header string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, e := range s {
		fmt.Fprintf(&b, "%s %s %s\n", e.Path, e.Date, e.Sum)
	}
	return b.Bytes()
}

// FileSum returns the checksum templates.sum records for a file.
func FileSum(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
	return hex.EncodeToString(sum[:]), nil
}

// Package siteconfig reads the settings of a Hugo site's configuration
// that labtool needs, with Hugo's own decoders (parser/metadecoders): the
// root file (hugo.toml, hugo.yaml, …, config.toml, …) and then
// config/_default/hugo.* (or config.*), later files overriding earlier
// ones, keys case-insensitive as in Hugo.
package siteconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // a site's timeZone resolves on any machine

	"github.com/gohugoio/hugo/parser/metadecoders"
)

// RootNames are the root configuration files Hugo looks for, in its order:
// it reads the first that exists.
var RootNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// IsSite reports whether dir holds a Hugo site's configuration: a root
// file, or a config/ folder.
func IsSite(dir string) bool {
	for _, name := range append(RootNames, "config") {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// Setting is one top-level setting and the file that set it.
type Setting struct {
	Value any
	// File is the configuration file, slash-separated, relative to the site.
	File string
}

// Lookup returns the top-level setting key (any case) as the site's
// configuration files give it, and whether one does.
func Lookup(root, key string) (Setting, bool, error) {
	var files []string
	for _, name := range RootNames {
		if _, err := os.Stat(filepath.Join(root, name)); err == nil {
			files = append(files, name)
			break
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, "config", "_default"))
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		base := strings.ToLower(strings.TrimSuffix(e.Name(), ext))
		if !e.IsDir() && (base == "hugo" || base == "config") && metadecoders.FormatFromString(strings.TrimPrefix(ext, ".")) != "" {
			files = append(files, "config/_default/"+e.Name())
		}
	}
	var found Setting
	ok := false
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return Setting{}, false, err
		}
		m, err := metadecoders.Default.UnmarshalToMap(data, metadecoders.FormatFromString(strings.TrimPrefix(filepath.Ext(name), ".")))
		if err != nil {
			return Setting{}, false, fmt.Errorf("%s: %v", name, err)
		}
		for k, v := range m {
			if strings.EqualFold(k, key) {
				found, ok = Setting{Value: v, File: name}, true
			}
		}
	}
	return found, ok, nil
}

// Location returns the time zone in which Hugo reads a front-matter date
// written without one: the site's timeZone setting, else UTC. A page dated
// later than the current time in that zone is left out of the build.
func Location(root string) (*time.Location, error) {
	s, ok, err := Lookup(root, "timeZone")
	if err != nil || !ok {
		return time.UTC, err
	}
	name, isString := s.Value.(string)
	if !isString {
		return nil, fmt.Errorf("%s: timeZone is %v, not a time zone name such as \"Europe/London\"", s.File, s.Value)
	}
	if name == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%s: timeZone %q is not a time zone (want a name such as \"Europe/London\")", s.File, name)
	}
	return loc, nil
}

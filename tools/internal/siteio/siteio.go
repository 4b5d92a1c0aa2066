// Package siteio is labtool's one way to write into a site: every file
// that labtool new, labtool import and labtool schema --dir write goes
// through a [Site].
//
// Every file is written atomically (a temp file in the same folder, then a
// rename), never over an existing file unless the caller forces it, and
// never outside the site folder, even through a symlink.
package siteio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/atomicfile"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
)

// ExistsError is returned when a file to write already exists and the
// caller did not force the write. The file is left as it was.
type ExistsError struct {
	// Path is the file, as the user would type it.
	Path string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists; use --force to overwrite it", e.Path)
}

// SiteError is returned by Open for a folder that is not a Hugo site:
// the caller pointed labtool at the wrong folder.
type SiteError struct{ Msg string }

func (e *SiteError) Error() string { return e.Msg }

// Site is a folder that labtool writes a site's files into.
type Site struct {
	dir  string // as the user gave it, for messages
	real string // absolute, symlinks resolved
}

// Open opens the Hugo site in dir. It fails with *SiteError when dir
// does not exist or holds no Hugo configuration.
func Open(dir string) (*Site, error) {
	s, err := OpenDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &SiteError{fmt.Sprintf("site folder %s does not exist", displayDir(dir))}
	}
	if err != nil {
		return nil, err
	}
	if siteconfig.IsSite(s.real) {
		return s, nil
	}
	return nil, &SiteError{fmt.Sprintf("%s is not a Hugo site (it has no hugo.toml); run labtool in the site's folder, pass --site DIR, or start one with labtool new site DIR", displayDir(dir))}
}

// OpenDir opens dir, an existing folder, to write into, whether or not it
// holds a Hugo site yet.
func OpenDir(dir string) (*Site, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(real); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", displayDir(dir))
	}
	return &Site{dir: dir, real: real}, nil
}

func displayDir(dir string) string {
	if dir == "." || dir == "" {
		return "the current folder"
	}
	return dir
}

// Path returns rel, a slash-separated path relative to the site folder, as
// the user would type it from where labtool runs.
func (s *Site) Path(rel string) string {
	return filepath.Join(s.dir, filepath.FromSlash(rel))
}

// Root is the site folder's absolute path, with symlinks resolved.
func (s *Site) Root() string { return s.real }

// Abs returns the absolute file name of rel.
func (s *Site) Abs(rel string) string {
	return filepath.Join(s.real, filepath.FromSlash(rel))
}

// within reports whether name, an absolute path with symlinks resolved, is
// the site folder or inside it.
func (s *Site) within(name string) bool {
	r, err := filepath.Rel(s.real, name)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// checkInside makes sure that rel, once every symlink on the way is
// followed, stays inside the site folder. Folders that do not exist yet are
// fine: they will be created inside the deepest one that does.
func (s *Site) checkInside(rel string) error {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s is outside the site folder", rel)
	}
	dir := filepath.Dir(filepath.Join(s.real, clean))
	for {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			if !s.within(real) {
				return fmt.Errorf("%s leads outside the site folder (to %s) through a symlink; labtool writes only inside the site", s.Path(relTo(s.real, dir)), real)
			}
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return err
		}
		dir = parent
	}
}

func relTo(base, name string) string {
	r, err := filepath.Rel(base, name)
	if err != nil {
		return name
	}
	return filepath.ToSlash(r)
}

// Write writes data to rel, a slash-separated path relative to the site
// folder, creating folders as needed. Without force it refuses to replace a
// file that exists, returning *ExistsError.
func (s *Site) Write(rel string, data []byte, force bool) error {
	if err := s.checkInside(rel); err != nil {
		return err
	}
	name := s.Abs(rel)
	if fi, err := os.Lstat(name); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder", s.Path(rel))
		}
		if !force {
			return &ExistsError{Path: s.Path(rel)}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return atomicfile.WriteFile(name, data)
}

// WriteGenerated writes data, a file labtool generates (a JSON Schema), to
// rel. A file that already holds data is left alone (changed is false); one
// that differs is replaced only with force.
func (s *Site) WriteGenerated(rel string, data []byte, force bool) (changed bool, err error) {
	old, err := os.ReadFile(s.Abs(rel))
	switch {
	case err == nil && bytes.Equal(old, data):
		return false, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, err
	}
	return true, s.Write(rel, data, force)
}

// Replace writes rel, a file that labtool owns and regenerates every time
// (data/bibliography.json), with what write writes, replacing it whatever
// it held. Until write returns without error the old file stays as it was.
func (s *Site) Replace(rel string, write func(io.Writer) error) error {
	if err := s.checkInside(rel); err != nil {
		return err
	}
	return atomicfile.Write(s.Abs(rel), write)
}

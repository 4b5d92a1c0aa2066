// Package hugotest builds Hugo sites with the Hugo version pinned in go.mod,
// for tests: the exampleSite, or a tiny site written from a txtar archive
// against the real theme. It parses the HTML Hugo produced so that tests can
// assert what a visitor would see.
package hugotest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/repo"
	"github.com/rogpeppe/go-internal/lockedfile"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

// Root is the repository's root folder.
var Root = repo.Root

// ThemeDir is the theme's folder in this repository.
var ThemeDir = filepath.Join(Root, "theme")

// ExampleSite is the exampleSite folder.
var ExampleSite = filepath.Join(Root, "exampleSite")

// Markup is the Markdown configuration a labsite site uses (the README and
// labtool new site write the same): a Markdown image with a title on a line
// of its own is a figure, and {#name} under it names it.
const Markup = `[goldmark.parser]
wrapStandAloneImageWithinParagraph = false
[goldmark.parser.attribute]
block = true
`

var (
	hugoOnce sync.Once
	hugoPath string
	hugoErr  error
)

// Hugo returns the path of the pinned Hugo binary, building it on first use
// (`go tool -n hugo` prints the cached executable).
func Hugo(t testing.TB) string {
	t.Helper()
	hugoOnce.Do(func() {
		// On a fresh machine the first call compiles Hugo (minutes): one
		// test binary at a time, the others then find it in the cache. (Not
		// a lock on go.mod: the go command takes its own lock on that.)
		unlock, err := lockedfile.MutexAt(filepath.Join(os.TempDir(), "labsite-go-tool-hugo.lock")).Lock()
		if err != nil {
			hugoErr = err
			return
		}
		defer unlock()
		cmd := exec.Command("go", "tool", "-n", "hugo")
		cmd.Dir = Root
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			hugoErr = fmt.Errorf("go tool -n hugo: %v\n%s", err, stderr.String())
			return
		}
		hugoPath = strings.TrimSpace(string(out))
	})
	if hugoErr != nil {
		t.Fatal(hugoErr)
	}
	return hugoPath
}

// Site is a built site.
type Site struct {
	// Public is the folder Hugo wrote the site to.
	Public string
	// Log is everything Hugo printed.
	Log string
}

// Run runs Hugo on the site in src with extra args, writing to a new temp
// folder, and returns the site and Hugo's error (a failed build is not a
// test failure here: tests of bad input expect it).
func Run(t testing.TB, src string, args ...string) (*Site, error) {
	t.Helper()
	return RunTo(t, src, filepath.Join(t.TempDir(), "public"), args...)
}

// RunTo is Run writing the site to public, a folder the caller owns (for
// a build that several tests share). Hugo's cache goes beside it.
func RunTo(t testing.TB, src, public string, args ...string) (*Site, error) {
	t.Helper()
	cacheDir := public + ".cache"
	all := append([]string{"--source", src, "--destination", public, "--cacheDir", cacheDir, "--noBuildLock", "--logLevel", "warn"}, args...)
	cmd := exec.Command(Hugo(t), all...)
	cmd.Dir = src
	// Hugo Modules must resolve offline: every fixture replaces the theme
	// with its local folder, and nothing may be fetched. Generated
	// resources go beside the output, not into the source folder, so that
	// builds of the same site from several test binaries do not collide.
	cmd.Env = append(os.Environ(), "GOPROXY=off", "HUGO_RESOURCEDIR="+public+".resources")
	out, err := cmd.CombinedOutput()
	site := &Site{Public: public, Log: string(out)}
	if err != nil {
		return site, fmt.Errorf("hugo %s: %v\n%s", strings.Join(all, " "), err, out)
	}
	return site, nil
}

// Command runs another Hugo command (hugo new content, say) with the
// pinned Hugo in dir, offline, and fails the test unless it succeeds.
func Command(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Hugo(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "HUGO_CACHEDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hugo %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Build is Run for a site that must build.
func Build(t testing.TB, src string, args ...string) *Site {
	t.Helper()
	site, err := Run(t, src, args...)
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// Fixture writes a txtar archive of site files (hugo.toml, content/…) into
// a new temp folder and returns it. It adds config/_default/module.toml,
// which imports the theme as a Hugo Module replaced by this repository's
// theme folder, and config/_default/markup.toml with the Markdown settings
// the README asks sites to use, so the archive holds only what the test is
// about.
func Fixture(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	ar := txtar.Parse([]byte(archive))
	for _, f := range ar.Files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		writeFile(t, filepath.Join(dir, "hugo.toml"), []byte("title = \"Test lab\"\nbaseURL = \"https://lab.example/\"\n"))
	}
	module := fmt.Sprintf("replacements = %q\n\n[[imports]]\npath = %q\n",
		"github.com/neuralml/labsite/theme -> "+filepath.ToSlash(ThemeDir), "github.com/neuralml/labsite/theme")
	writeFile(t, filepath.Join(dir, "config", "_default", "module.toml"), []byte(module))
	writeFile(t, filepath.Join(dir, "config", "_default", "markup.toml"), []byte(Markup))
	return dir
}

func writeFile(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read returns a file of the built site, by its slash-separated path.
func (s *Site) Read(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Public, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Parse parses an HTML page of the built site.
func (s *Site) Parse(t testing.TB, rel string) *Doc {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s.Read(t, rel)))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return &Doc{Node: n, Name: rel}
}

// Pages returns the slash-separated paths of every HTML file of the site.
func (s *Site) Pages(t testing.TB) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(s.Public, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(s.Public, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

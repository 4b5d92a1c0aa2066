// Package npmtools gives tests the front-end tools that package.json pins
// (axe-core, the Nu Html Checker), installing them with `npm ci` when
// node_modules is missing or does not match package-lock.json, so that
// `go test ./...` works on a fresh clone.
package npmtools

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/neuralml/labsite/tools/internal/testkit/needs"
	"github.com/neuralml/labsite/tools/internal/testkit/repo"
	"github.com/rogpeppe/go-internal/lockedfile"
)

// Root is the repository's root folder, which holds package.json.
var Root = repo.Root

var (
	installOnce sync.Once
	installErr  error
)

// Path returns the absolute path of rel, a file under node_modules such as
// "axe-core/axe.min.js", after making sure node_modules holds the versions
// of package-lock.json (running `npm ci` if not). Without npm to install
// them the test skips, or fails under CI=true (needs.Missing); a failed
// install or a missing file fails the test: the tools are part of the test
// suite.
func Path(t testing.TB, rel string) string {
	t.Helper()
	installOnce.Do(func() { installErr = ensure() })
	var noNPM *npmMissingError
	if errors.As(installErr, &noNPM) {
		needs.Missing(t, "%v", installErr)
		return ""
	}
	if installErr != nil {
		t.Fatal(installErr)
	}
	p := filepath.Join(Root, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%v (is it in package.json?)", err)
	}
	return p
}

// ensure runs `npm ci` unless node_modules is current. Test binaries of
// several packages run at once, so a lock file (go-internal's lockedfile)
// makes the others wait while one installs.
func ensure() error {
	lockfile := filepath.Join(os.TempDir(), "labsite-npm-ci.lock")
	unlock, err := lockedfile.MutexAt(lockfile).Lock()
	if err != nil {
		return fmt.Errorf("locking %s: %v", lockfile, err)
	}
	defer unlock()
	stale, err := staleModules(Root)
	if err != nil {
		return err
	}
	if len(stale) == 0 {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return &npmMissingError{fmt.Sprintf("node_modules needs %s, and npm is not installed (install Node.js 20 or later): %v", strings.Join(stale, ", "), err)}
	}
	// --ignore-scripts: vnu-jar's postinstall downloads a Java runtime; the
	// tests use the system's Java.
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = Root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci (for %s) in %s: %v\n%s", strings.Join(stale, ", "), Root, err, out.String())
	}
	if stale, err := staleModules(Root); err != nil || len(stale) > 0 {
		return fmt.Errorf("after npm ci, node_modules still lacks %s (%v)\n%s", strings.Join(stale, ", "), err, out.String())
	}
	return nil
}

// npmMissingError is ensure's error when node_modules must be installed and
// npm is not there.
type npmMissingError struct{ msg string }

func (e *npmMissingError) Error() string { return e.msg }

// staleModules lists the packages of root's package-lock.json that
// root/node_modules lacks or holds in another version, sorted.
func staleModules(root string) ([]string, error) {
	lockfile := filepath.Join(root, "package-lock.json")
	data, err := os.ReadFile(lockfile)
	if err != nil {
		return nil, err
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		return nil, fmt.Errorf("%s: %v", lockfile, err)
	}
	var stale []string
	for key, pkg := range lock.Packages {
		if !strings.HasPrefix(key, "node_modules/") {
			continue
		}
		var installed struct {
			Version string `json:"version"`
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(key), "package.json"))
		if err == nil {
			err = json.Unmarshal(data, &installed)
		}
		if err != nil || installed.Version != pkg.Version {
			stale = append(stale, strings.TrimPrefix(key, "node_modules/")+"@"+pkg.Version)
		}
	}
	slices.Sort(stale)
	return stale, nil
}

package npmtools

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestStaleModules(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package-lock.json", `{"packages": {
		"": {"name": "labsite"},
		"node_modules/current": {"version": "1.2.3"},
		"node_modules/old": {"version": "2.0.0"},
		"node_modules/missing": {"version": "3.0.0"}
	}}`)
	write("node_modules/current/package.json", `{"version": "1.2.3"}`)
	write("node_modules/old/package.json", `{"version": "1.9.0"}`)

	stale, err := staleModules(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"missing@3.0.0", "old@2.0.0"}; !slices.Equal(stale, want) {
		t.Errorf("stale = %q, want %q", stale, want)
	}

	write("node_modules/old/package.json", `{"version": "2.0.0"}`)
	write("node_modules/missing/package.json", `{"version": "3.0.0"}`)
	if stale, err := staleModules(root); err != nil || len(stale) != 0 {
		t.Errorf("after install: stale = %q, %v; want none", stale, err)
	}
}

// The repository's own lock file pins the tools the tests run.
func TestRepoLockPinsTools(t *testing.T) {
	for _, rel := range []string{"axe-core/axe.min.js", "vnu-jar/build/dist/vnu.jar"} {
		if p := Path(t, rel); !filepath.IsAbs(p) {
			t.Errorf("Path(%q) = %q, want an absolute path", rel, p)
		}
	}
}

package scaffold

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/neuralml/labsite/tools/internal/atomicfile"
	"github.com/neuralml/labsite/tools/internal/model"
)

var update = flag.Bool("update", false, "rewrite theme/archetypes from the content model")

// repoRoot is the repository's root folder, found from this file.
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", ".."))
}()

var archetypeDir = filepath.Join(repoRoot, "theme", "archetypes")

// TestArchetypesUpToDate fails when theme/archetypes differs from what the
// content model generates. Run `go generate ./tools/internal/scaffold` (or
// this test with -update) to rewrite them.
func TestArchetypesUpToDate(t *testing.T) {
	want := map[string]bool{}
	for _, typ := range model.Types {
		name := ArchetypeName(typ)
		want[name] = true
		path := filepath.Join(archetypeDir, name)
		gen := Archetype(typ)
		if *update {
			if err := os.MkdirAll(archetypeDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := atomicfile.WriteFile(path, gen); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v; run go generate ./tools/internal/scaffold", err)
			continue
		}
		if !bytes.Equal(got, gen) {
			t.Errorf("theme/archetypes/%s is stale; run go generate ./tools/internal/scaffold\n--- checked in\n%s\n--- generated\n%s", name, got, gen)
		}
	}
	entries, err := os.ReadDir(archetypeDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("theme/archetypes/%s is not generated from the content model", e.Name())
		}
	}
}

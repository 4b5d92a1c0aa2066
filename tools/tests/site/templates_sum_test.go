package site

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/doctor"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

var update = flag.Bool("update", false, "record changed templates in theme/templates.sum")

// TestTemplateSums keeps theme/templates.sum, which labtool doctor reads to
// tell whether a template a site overrides has changed in the theme since
// it was copied, up to date: the last line of every template must be its
// checksum. After changing a template, run
//
//	go test ./tools/tests/site -run TestTemplateSums -update
//
// which adds a line dated today for each changed template.
func TestTemplateSums(t *testing.T) {
	name := filepath.Join(hugotest.ThemeDir, "templates.sum")
	sums, err := doctor.ReadSums(name)
	if err != nil {
		t.Fatal(err)
	}
	layouts := filepath.Join(hugotest.ThemeDir, "layouts")
	changed := 0
	err = filepath.WalkDir(layouts, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(layouts, p)
		rel = filepath.ToSlash(rel)
		sum, err := doctor.FileSum(p)
		if err != nil {
			return err
		}
		if latest, ok := sums.Latest(rel); ok && latest.Sum == sum {
			return nil
		}
		changed++
		if *update {
			sums = sums.Add(doctor.SumEntry{Path: rel, Date: time.Now().UTC().Format(time.DateOnly), Sum: sum})
			return nil
		}
		t.Errorf("layouts/%s changed: record it with go test ./tools/tests/site -run TestTemplateSums -update", rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if *update && changed > 0 {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var header strings.Builder
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if !strings.HasPrefix(line, "#") {
				break
			}
			header.WriteString(line)
		}
		if err := os.WriteFile(name, sums.Format(header.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("recorded %d changed templates in %s", changed, name)
	}
}

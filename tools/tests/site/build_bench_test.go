package site

import (
	"fmt"
	"testing"

	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// BenchmarkHugoBuild builds synthetic lab sites of growing size with the
// pinned Hugo. The time per content file must stay flat as the site grows:
// no template may loop over the whole site on every page.
//
//	go test ./tools/tests/site -run '^$' -bench HugoBuild -benchtime 3x
func BenchmarkHugoBuild(b *testing.B) {
	for _, n := range []int{1000, 4000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := sitegen.Write(dir, n, sitegen.Options{ThemePath: hugotest.ThemeDir}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				hugotest.Build(b, dir)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/file")
		})
	}
}

package sitecheck

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
)

// BenchmarkCheck checks the site Hugo builds, with the theme, from a
// generated site of 10,000 content files (built once, before timing).
// "read" is the floor: reading every file of public/ with the same number
// of workers. "check" is the whole of labtool check; it reports pages/s
// and x-floor, its time over the floor's, timed in the same iterations.
//
//	go test ./tools/internal/sitecheck -run '^$' -bench Check -benchtime 10x
func BenchmarkCheck(b *testing.B) {
	src := b.TempDir()
	if err := sitegen.Write(src, 10_000, sitegen.Options{Seed: 1, ThemePath: hugotest.ThemeDir}); err != nil {
		b.Fatal(err)
	}
	site := hugotest.Build(b, src, "--minify")
	files, err := listFiles(site.Public)
	if err != nil {
		b.Fatal(err)
	}
	var pages []string
	for f := range files {
		if filepath.Ext(f) == ".html" {
			pages = append(pages, f)
		}
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			readAll(b, site.Public, pages)
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("check", func(b *testing.B) {
		var floor time.Duration
		for b.Loop() {
			b.StopTimer()
			start := time.Now()
			readAll(b, site.Public, pages)
			floor += time.Since(start)
			b.StartTimer()
			r, err := Check(site.Public, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Problems) > 0 || r.Pages != len(pages) {
				b.Fatalf("%d pages, %d problems: %+v", r.Pages, len(r.Problems), r.Problems[0])
			}
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(b.Elapsed())/float64(floor), "x-floor")
	})
}

// readAll reads every page with one worker per CPU, and nothing more.
func readAll(b *testing.B, public string, pages []string) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(pages); i = int(next.Add(1)) - 1 {
				if _, err := os.ReadFile(filepath.Join(public, pages[i])); err != nil {
					b.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

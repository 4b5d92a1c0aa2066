package validate

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
	"github.com/neuralml/labsite/tools/internal/sitegen"
	"github.com/neuralml/labsite/tools/internal/testkit/cputime"
)

// benchFiles is the size of the benchmark's site, as issue 3 asks.
const benchFiles = 10_000

// BenchmarkValidate measures validate on a generated site of 10,000
// content files against the floor: reading the same files, with the same
// number of workers, and doing nothing else. "read" is the floor alone.
// "validate" reports files/s and x-floor, its time over the floor's; to
// keep the ratio fair on a shared machine, each of its iterations also
// reads the site once with the timer stopped, and the ratio compares the
// sums of the two. cpu-s is the CPU time (user and system) of one run.
//
//	go test ./tools/internal/validate -run '^$' -bench Validate -benchtime 20x
func BenchmarkValidate(b *testing.B) {
	dir := b.TempDir()
	if err := sitegen.Write(dir, benchFiles, sitegen.Options{Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if n := readAll(b, dir); n != benchFiles {
				b.Fatalf("read %d files", n)
			}
		}
		b.ReportMetric(float64(benchFiles*b.N)/b.Elapsed().Seconds(), "files/s")
	})
	b.Run("validate", func(b *testing.B) {
		var floor, cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			start := time.Now()
			readAll(b, dir)
			floor += time.Since(start)
			cpuStart := cputime.Process()
			b.StartTimer()
			r, err := Site(dir, Options{})
			b.StopTimer()
			cpu += cputime.Process() - cpuStart
			b.StartTimer()
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Diagnostics) > 0 {
				b.Fatalf("the generated site has problems: %v", r.Diagnostics[0])
			}
		}
		b.ReportMetric(float64(benchFiles*b.N)/b.Elapsed().Seconds(), "files/s")
		b.ReportMetric(float64(b.Elapsed())/float64(floor), "x-floor")
		// The CPU time is what a shared machine does not inflate: on idle
		// cores, validate takes about cpu-s over the number of cores.
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	})
}

// readAll is the floor: walk content/ and read every Markdown file with
// one worker per CPU, as Site does, and nothing more.
func readAll(b *testing.B, dir string) int {
	var pages []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isContentFile(p) {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(pages) {
					return
				}
				if _, err := readFile(&buf, pages[i]); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return len(pages)
}

// BenchmarkCheckFile measures the per-file rules alone, on files already
// in memory: the work validate adds to reading.
func BenchmarkCheckFile(b *testing.B) {
	dir := b.TempDir()
	if err := sitegen.Write(dir, 2000, sitegen.Options{Seed: 1}); err != nil {
		b.Fatal(err)
	}
	s, pages, err := loadSite(dir)
	if err != nil {
		b.Fatal(err)
	}
	data := make([][]byte, len(pages))
	for i, p := range pages {
		if data[i], err = os.ReadFile(filepath.Join(dir, p)); err != nil {
			b.Fatal(err)
		}
	}
	var parser frontmatter.Parser
	for b.Loop() {
		for i, p := range pages {
			s.checkFile(&parser, p, data[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/file")
}

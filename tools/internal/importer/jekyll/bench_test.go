package jekyll

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/neuralml/labsite/tools/internal/testkit/cputime"
)

// writeJekyllSite writes a synthetic Jekyll lab site of n pages: posts,
// plain pages with raw HTML and Liquid, members, projects, a research page
// like the seed, a bibliography and images.
func writeJekyllSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	write := func(rel, s string) {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("_config.yml", "title: Synthetic Lab\nurl: https://synthetic.example.org\nemail: lab@example.org\ngithub_username: synthetic\ncollections:\n  projects:\n    output: true\n")
	var bib strings.Builder
	for i := range 50 {
		fmt.Fprintf(&bib, "@article{author%d2020,\n  author = {Author%d, Ada and Other, Bo},\n  title = {Paper %d},\n  journal = {Journal},\n  year = {2020}\n}\n", i, i, i)
	}
	write("_bibliography/papers.bib", bib.String())
	write("images/figure.png", "png")
	write("research.md", `---
title: Synthetic Lab
permalink: /research/
---
### What we study

<header class="masthead" style="font-size:120%">
We study many things (Author1 et al. 2020, Author2 et al. 2020). See (Fig. 1a).
</header>
<div><center><img src="/images/figure.png"/>
<b>Figure 1: A figure.</b> (<b>a</b>) One. (<b>b</b>) Two.</center></div>
<h4 style="color:#919191;"><b>Theme one</b></h4>
<header class="masthead">Text of theme one.</header>
<h4 style="color:#C97B33;"><b>Theme two</b></h4>
<header class="masthead">Text of theme two.</header>
{% include footer.html %}
`)
	body := `Some **Markdown** text with a [link]({{ site.baseurl }}/about/) and a citation (Author%d et al. 2020).

<p style="color:#336699">A paragraph in <i>HTML</i>, with a <a href="/images/figure.png">file</a>.</p>
<ul><li>one</li><li>two</li></ul>

{%% highlight python %%}
print("hello")
{%% endhighlight %%}

{{ page.unknown }}
`
	kinds := 0
	for i := 0; kinds < n-1; i++ {
		switch i % 4 {
		case 0, 1:
			write(fmt.Sprintf("_posts/2024-01-%02d-post-%d.md", 1+i%28, i), fmt.Sprintf("---\ntitle: Post %d\ncategories: news lab\n---\n", i)+fmt.Sprintf(body, i%50))
		case 2:
			write(fmt.Sprintf("pages/page-%d.md", i), fmt.Sprintf("---\ntitle: Page %d\npermalink: /pages/%d/\nredirect_from: /old/%d.html\n---\n", i, i, i)+fmt.Sprintf(body, i%50))
		case 3:
			if i%8 == 3 {
				write(fmt.Sprintf("_members/member-%d.md", i), fmt.Sprintf("---\nname: Member Number%d\nrole: phd\nimage: images/figure.png\n---\nA member.\n", i))
			} else {
				write(fmt.Sprintf("_projects/project-%d.md", i), fmt.Sprintf("---\ntitle: Project %d\nimportance: %d\n---\n", i, i)+fmt.Sprintf(body, i%50))
			}
		}
		kinds++
	}
}

// BenchmarkImport1000 imports a 1,000-page Jekyll site (go test -bench
// Import1000 ./tools/internal/importer/jekyll; docs/BENCHMARKS.md). Each
// iteration also times, with the timer stopped, the floor: writing the
// same files through siteio without converting anything; x-floor is the
// ratio of the two. cpu-s/op is the CPU time (user and system) of one
// import, which a loaded machine does not inflate as it does wall time.
func BenchmarkImport1000(b *testing.B) {
	src := b.TempDir()
	writeJekyllSite(b, src, 1000)
	out := b.TempDir()
	var floor, cpu time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		site := filepath.Join(out, fmt.Sprint(i))
		cpuStart := cputime.Process()
		rep, err := Import(Options{Source: src, Site: site})
		cpu += cputime.Process() - cpuStart
		if err != nil {
			b.Fatal(err)
		}
		if got := rep.Counts.Pages + rep.Counts.Posts + rep.Counts.People + rep.Counts.Themes; got < 1000 {
			b.Fatalf("imported %d pages, want 1000", got)
		}
		b.StopTimer()
		floor += writeFloor(b, site, filepath.Join(out, fmt.Sprint(i, "-floor")))
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed())/float64(floor), "x-floor")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// writeFloor copies the files of the site at from into to, through siteio
// (atomic, flushed), eight at a time, as the import writes them.
func writeFloor(b *testing.B, from, to string) time.Duration {
	var files []string
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(from, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err := os.MkdirAll(to, 0o755); err != nil {
		b.Fatal(err)
	}
	dst, err := siteio.OpenDir(to)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	ch := make(chan string)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range ch {
				data, err := os.ReadFile(filepath.Join(from, filepath.FromSlash(rel)))
				if err == nil {
					err = dst.Write(rel, data, false)
				}
				if err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
	return time.Since(start)
}

// TestSyntheticSiteImports checks the benchmark's site imports, with
// every kind of content it holds.
func TestSyntheticSiteImports(t *testing.T) {
	src := t.TempDir()
	writeJekyllSite(t, src, 100)
	rep, err := Import(Options{Source: src, Site: filepath.Join(t.TempDir(), "site")})
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Counts
	if c.Posts == 0 || c.Pages == 0 || c.People == 0 || c.Themes < 3 || c.Bibliography != 50 || c.Assets != 1 {
		t.Errorf("counts = %+v", c)
	}
}

// Command bench measures Hugo's build of generated lab sites with the labsite
// theme against the bare reference theme (tools/bench/bare-theme: title,
// content and links only), the floor for the same content. For each size it
// writes the site once (tools/internal/sitegen), builds it once with each
// theme to warm the machine's caches, then alternates the two themes for
// -runs builds each, as Netlify builds (hugo --gc --minify, a fresh output
// and cache folder every time). It reports the median wall time and peak
// memory (maximum resident set size) of each, with the CPU time (user +
// system, which a machine shared with other work disturbs less than the
// wall time), the ratio to bare, and how
// time scales with the site's size; it draws an SVG plot, and with -doc
// writes both into docs/BENCHMARKS.md between the build-bench markers.
//
//	scripts/bench-build.sh                      # 1,000 and 10,000 files, 3 runs each
//	go run ./tools/bench -sizes 1000 -runs 3    # a quick look
//	go run ./tools/bench -theme /tmp/old/theme  # another version of the theme, e.g. from git archive
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neuralml/labsite/tools/internal/sitegen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// measure is one build's cost.
type measure struct {
	wall time.Duration
	cpu  time.Duration // user + system time
	rss  int64         // peak resident set size, bytes
}

// result is the medians of one theme at one size.
type result struct {
	files, pages int
	wall, cpu    time.Duration
	rss          int64
	runs         []measure
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizesFlag := fs.String("sizes", "1000,10000", "site sizes, in content files")
	runs := fs.Int("runs", 5, "measured builds per theme and size, after one warm-up build each")
	svg := fs.String("svg", "", "write the plot to this SVG file")
	doc := fs.String("doc", "", "rewrite the build-bench section of this Markdown file (docs/BENCHMARKS.md)")
	work := fs.String("work", "", "folder for the sites and builds (default: a temp folder, removed after)")
	themeDir := fs.String("theme", "", "measure this folder as the labsite theme, e.g. an earlier version from git archive (default: this checkout's theme/)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < sitegen.MinFiles {
			fmt.Fprintf(stderr, "bench: bad size %q (want at least %d)\n", s, sitegen.MinFiles)
			return 2
		}
		sizes = append(sizes, n)
	}
	if *runs < 1 || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 2
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "labsite-bench-"); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)
	}
	b := &bench{root: root, work: dir, runs: *runs, log: stderr}
	if *themeDir != "" {
		if b.theme, err = filepath.Abs(*themeDir); err == nil {
			_, err = os.Stat(filepath.Join(b.theme, "hugo.toml"))
		}
		if err != nil {
			fmt.Fprintf(stderr, "bench: -theme %s: not a theme folder (%v)\n", *themeDir, err)
			return 2
		}
	}
	if err := b.all(sizes); err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	table := b.table(sizes)
	fmt.Fprint(stdout, table)
	if *svg != "" {
		if err := os.WriteFile(*svg, b.plot(sizes), 0o644); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
	}
	if *doc != "" {
		img := ""
		if *svg != "" {
			rel, err := filepath.Rel(filepath.Dir(*doc), *svg)
			if err == nil {
				img = filepath.ToSlash(rel)
			}
		}
		if err := writeDoc(*doc, table, img); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
	}
	return 0
}

// repoRoot is the repository's root: the folder of go.mod, from the
// current folder up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "theme", "hugo.toml")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run it in the labsite repository (no theme/hugo.toml above the current folder)")
		}
		dir = parent
	}
}

// themes are the themes compared, in the order each round builds them.
var themes = []string{"labsite", "bare"}

type bench struct {
	root, work, hugo string
	// theme, when set, is measured as the labsite theme instead of
	// root/theme.
	theme   string
	runs    int
	log     io.Writer
	results map[string]map[int]*result // theme → size → result
	seq     int
}

func (b *bench) all(sizes []int) error {
	out, err := exec.Command("go", "tool", "-n", "hugo").Output()
	if err != nil {
		return fmt.Errorf("go tool -n hugo: %v", err)
	}
	b.hugo = strings.TrimSpace(string(out))
	b.results = map[string]map[int]*result{}
	for _, t := range themes {
		b.results[t] = map[int]*result{}
	}
	for _, n := range sizes {
		site := filepath.Join(b.work, fmt.Sprintf("site-%d", n))
		if err := os.RemoveAll(site); err != nil {
			return err
		}
		if err := sitegen.Write(site, n, sitegen.Options{Seed: 1, ThemePath: filepath.Join(b.root, "theme"), PublicationsFromBib: true}); err != nil {
			return err
		}
		for _, t := range themes {
			fmt.Fprintf(b.log, "warm-up: %d files, %s\n", n, t)
			m, pages, err := b.build(site, t)
			if err != nil {
				return err
			}
			b.results[t][n] = &result{files: n, pages: pages}
			fmt.Fprintf(b.log, "  %.2f s, %d MB\n", m.wall.Seconds(), m.rss>>20)
		}
		for i := range b.runs {
			for _, t := range themes {
				m, _, err := b.build(site, t)
				if err != nil {
					return err
				}
				r := b.results[t][n]
				r.runs = append(r.runs, m)
				fmt.Fprintf(b.log, "run %d: %d files, %-7s %.2f s (CPU %.2f s), %d MB\n", i+1, n, t, m.wall.Seconds(), m.cpu.Seconds(), m.rss>>20)
			}
		}
		for _, t := range themes {
			r := b.results[t][n]
			var walls, cpus []time.Duration
			var rss []int64
			for _, m := range r.runs {
				walls = append(walls, m.wall)
				cpus = append(cpus, m.cpu)
				rss = append(rss, m.rss)
			}
			r.wall, r.cpu, r.rss = median(walls), median(cpus), median(rss)
		}
	}
	return nil
}

var pagesRe = regexp.MustCompile(`Pages\s*│\s*(\d+)`)

// build builds the site with a theme into fresh output and cache folders,
// and returns its wall time, peak memory and page count.
func (b *bench) build(site, theme string) (measure, int, error) {
	b.seq++
	out := filepath.Join(b.work, fmt.Sprintf("public-%d", b.seq))
	defer os.RemoveAll(out)
	defer os.RemoveAll(out + ".cache")
	cmd := exec.Command(b.hugo, "--source", site, "--destination", out, "--cacheDir", out+".cache",
		"--noBuildLock", "--gc", "--minify")
	cmd.Env = append(os.Environ(), "GOPROXY=off", "HUGO_RESOURCEDIR="+out+".cache/resources")
	if theme == "bare" {
		cmd.Env = append(cmd.Env, "HUGO_MODULE_REPLACEMENTS=github.com/neuralml/labsite/theme->"+filepath.Join(b.root, "tools", "bench", "bare-theme"))
	} else if b.theme != "" {
		cmd.Env = append(cmd.Env, "HUGO_MODULE_REPLACEMENTS=github.com/neuralml/labsite/theme->"+b.theme)
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, 0, fmt.Errorf("hugo (%s theme) on %s: %v\n%s", theme, site, err, output.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	pages := 0
	if m := pagesRe.FindSubmatch(output.Bytes()); m != nil {
		pages, _ = strconv.Atoi(string(m[1]))
	}
	return measure{wall: wall, cpu: cpu, rss: rss}, pages, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// table is the Markdown report.
func (b *bench) table(sizes []int) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Measured on %s with Hugo from `go tool hugo`, %d measured builds per theme and size (after one warm-up each), alternating the themes; %s/%s, %d CPUs.\n\n",
		time.Now().UTC().Format(time.DateOnly), b.runs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	if b.theme != "" {
		fmt.Fprintf(&s, "The labsite theme measured is the one in %s.\n\n", b.theme)
	}
	s.WriteString("| files | pages (labsite / bare) | labsite: median time | bare: median time | ratio to bare | CPU time (labsite / bare) | CPU ratio | peak memory (labsite / bare) | memory ratio |\n")
	s.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, n := range sizes {
		l, bare := b.results["labsite"][n], b.results["bare"][n]
		fmt.Fprintf(&s, "| %s | %s / %s | %.2f s | %.2f s | %.2f× | %.2f s / %.2f s | %.2f× | %d MB / %d MB | %.2f× |\n",
			comma(n), comma(l.pages), comma(bare.pages), l.wall.Seconds(), bare.wall.Seconds(), l.wall.Seconds()/bare.wall.Seconds(),
			l.cpu.Seconds(), bare.cpu.Seconds(), l.cpu.Seconds()/bare.cpu.Seconds(),
			l.rss>>20, bare.rss>>20, float64(l.rss)/float64(bare.rss))
	}
	if len(sizes) >= 2 {
		first, last := sizes[0], sizes[len(sizes)-1]
		s.WriteString("\n")
		for _, t := range themes {
			a, z := b.results[t][first], b.results[t][last]
			fmt.Fprintf(&s, "- Scaling, %s theme: time(%s)/time(%s) = %.1f (CPU time: %.1f) for %.0f× the files.\n", t, comma(last), comma(first),
				z.wall.Seconds()/a.wall.Seconds(), z.cpu.Seconds()/a.cpu.Seconds(), float64(last)/float64(first))
		}
	}
	s.WriteString("\nEvery build, wall time (CPU time) in seconds:\n\n")
	for _, n := range sizes {
		for _, t := range themes {
			var walls []string
			for _, m := range b.results[t][n].runs {
				walls = append(walls, fmt.Sprintf("%.2f (%.2f)", m.wall.Seconds(), m.cpu.Seconds()))
			}
			fmt.Fprintf(&s, "- %s files, %s: %s\n", comma(n), t, strings.Join(walls, ", "))
		}
	}
	return s.String()
}

func comma(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plot draws the median build times as grouped bars, one group per size,
// with the ratio to bare above each group.
func (b *bench) plot(sizes []int) []byte {
	const w, h, left, bottom, top = 560, 320, 60, 40, 40
	maxT := 0.0
	for _, n := range sizes {
		for _, t := range themes {
			maxT = max(maxT, b.results[t][n].wall.Seconds())
		}
	}
	scale := float64(h-bottom-top) / (maxT * 1.1)
	colours := map[string]string{"labsite": "#c97b33", "bare": "#919191"}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", w, h, w, h)
	s.WriteString(`<title>Hugo build time, labsite theme against the bare reference theme</title>` + "\n")
	fmt.Fprintf(&s, `<rect width="%d" height="%d" fill="#fff"/>`+"\n", w, h)
	fmt.Fprintf(&s, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, h-bottom, w-10, h-bottom)
	fmt.Fprintf(&s, `<text x="12" y="%d" transform="rotate(-90 12 %d)" text-anchor="middle">median build time (s)</text>`+"\n", h/2, h/2)
	group := float64(w-left-20) / float64(len(sizes))
	bar := min(60, group/3)
	for i, n := range sizes {
		x0 := float64(left) + group*float64(i) + (group-2*bar)/2
		for j, t := range themes {
			r := b.results[t][n]
			bh := r.wall.Seconds() * scale
			x := x0 + float64(j)*bar
			y := float64(h-bottom) - bh
			fmt.Fprintf(&s, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x, y, bar-4, bh, colours[t])
			fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" text-anchor="middle">%.2f s</text>`+"\n", x+(bar-4)/2, y-4, r.wall.Seconds())
		}
		l, bare := b.results["labsite"][n], b.results["bare"][n]
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="middle">%s files (%.2f× bare)</text>`+"\n", x0+bar, h-bottom+18, comma(n), l.wall.Seconds()/bare.wall.Seconds())
	}
	for j, t := range themes {
		fmt.Fprintf(&s, `<rect x="%d" y="12" width="12" height="12" fill="%s"/><text x="%d" y="22">%s theme</text>`+"\n", left+j*140, colours[t], left+j*140+18, t)
	}
	s.WriteString("</svg>\n")
	return []byte(s.String())
}

var section = regexp.MustCompile(`(?s)<!-- build-bench:start -->.*<!-- build-bench:end -->`)

// writeDoc replaces the build-bench section of a Markdown file.
func writeDoc(name, table, img string) error {
	doc, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if !section.Match(doc) {
		return fmt.Errorf("%s has no <!-- build-bench:start --> … <!-- build-bench:end --> section", name)
	}
	body := "<!-- build-bench:start -->\n"
	if img != "" {
		body += fmt.Sprintf("![Median build time of each theme, per site size](%s)\n\n", img)
	}
	body += table + "<!-- build-bench:end -->"
	return os.WriteFile(name, section.ReplaceAllLiteral(doc, []byte(body)), 0o644)
}

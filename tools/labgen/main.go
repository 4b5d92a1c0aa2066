// Command labgen writes a synthetic lab site for benchmarks: N content files
// of every type (research themes, people, publications, news, section
// pages) with references between them, figures, citations, a bibliography
// and a .bib file, from tools/internal/sitegen. The publications are the
// entries of references.bib, imported into data/publications.json as
// labtool import bibtex does, so that their pages come from the theme's
// content adapter (-md-publications writes them as content files instead).
// The same -n and -seed give the same bytes.
//
//	go run ./tools/labgen -n 10000 -out /tmp/site10k
//	go tool hugo --source /tmp/site10k
//
// The site imports the theme as a Hugo Module replaced by a local folder
// (-theme, by default this checkout's theme/), so it builds offline. Hugo's
// HUGO_MODULE_REPLACEMENTS builds the same site with another theme, such
// as the bare reference theme in bench/bare-theme.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/neuralml/labsite/tools/internal/sitegen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("labgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of content files")
	out := fs.String("out", "", "folder to write the site to (must not exist, or be empty)")
	seed := fs.Uint64("seed", 1, "seed for names, words and numbers")
	theme := fs.String("theme", "", "the theme's folder (default: ./theme, when run from the repository's root)")
	mdPubs := fs.Bool("md-publications", false, "write each publication as content/publications/<slug>.md, not as an entry of references.bib imported into data/publications.json")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: labgen -n N -out DIR [-seed S] [-theme DIR] [-md-publications]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *n < sitegen.MinFiles {
		fmt.Fprintf(stderr, "labgen: -n must be at least %d\n", sitegen.MinFiles)
		return 2
	}
	themeDir := *theme
	if themeDir == "" {
		if _, err := os.Stat(filepath.Join("theme", "hugo.toml")); err != nil {
			fmt.Fprintln(stderr, "labgen: no ./theme folder here: run from the repository's root, or pass -theme DIR")
			return 2
		}
		themeDir = "theme"
	}
	abs, err := filepath.Abs(themeDir)
	if err != nil {
		fmt.Fprintf(stderr, "labgen: %v\n", err)
		return 1
	}
	if err := sitegen.Write(*out, *n, sitegen.Options{Seed: *seed, ThemePath: abs, PublicationsFromBib: !*mdPubs}); err != nil {
		fmt.Fprintf(stderr, "labgen: %v\n", err)
		return 1
	}
	c := sitegen.CountsFor(*n)
	pubs := fmt.Sprintf("%d publications", c.Publications)
	files := *n
	if !*mdPubs {
		pubs = fmt.Sprintf("and %d publications in references.bib, imported into data/publications.json", c.Publications)
		files -= c.Publications
	}
	fmt.Fprintf(stdout, "wrote %s: %d content files (%d section pages, %d research themes, %d people, %d news) %s\n",
		*out, files, c.Sections, c.Themes, c.People, c.News, pubs)
	return 0
}

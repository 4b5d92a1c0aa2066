package cli

import (
	"errors"
	"fmt"

	"github.com/neuralml/labsite/tools/internal/bibtex"
	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/spf13/cobra"
)

func newCmdImport(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "import",
		Short:                      "Bring content written for other tools into the site",
		Example:                    "  labtool import bibtex publications.bib\n  labtool import bibtex references.bib --bibliography\n  labtool import jekyll ../old-site --out mylab",
		Args:                       usageArgs(noSubcommand),
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2,
	}
	cmd.AddCommand(newCmdImportBibtex(ios), newCmdImportJekyll(ios))
	return cmd
}

// ImportBibtexOptions are the arguments of `labtool import bibtex`.
type ImportBibtexOptions struct {
	IO   *IO
	Site string
	// File is the .bib file, relative to the current folder.
	File string
	// Bibliography asks for data/bibliography.json (the works the site
	// cites) instead of data/publications.json (the lab's own).
	Bibliography bool
	// Members keeps only the entries with an author who is a lab member.
	Members bool
}

func newCmdImportBibtex(ios *IO) *cobra.Command {
	opts := &ImportBibtexOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "bibtex FILE [--members | --bibliography]",
		Short: "Write the lab's publications (or the site's bibliography) from a BibTeX file",
		Long: `Read the BibTeX file FILE and write one of two generated files:

  data/publications.json   the lab's own papers (the default): the theme
                           makes a page of each at build time, lists them on
                           the publications page and on their authors' pages.
  data/bibliography.json   with --bibliography: the works the site cites,
                           as CSL-JSON, for the cite shortcode.

Both are replaced every time: edit the .bib file, never the JSON. A page of
your own, content/publications/KEY.md, adds to the entry with that key
(a body, research themes, featured, links) and is never touched.

--members keeps only the entries with an author who is a lab member (a page
under content/people/), for a .bib that also holds works the lab only cites.

Problems in the .bib file are printed as FILE:LINE:COL: message. One bad
entry loses nothing else: the entries that parsed are written, and labtool
exits with status 1 so that scripts notice. When not one entry could be
read, the data file is left as it was. Authors that look like a member
but are not linked to one are reported as warnings, with the fix.`,
		Example: `  labtool import bibtex publications.bib
  labtool import bibtex references.bib --members
  labtool import bibtex references.bib --bibliography
  labtool import bibtex ../papers/lab.bib --site mylab`,
		Args: usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"bib"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.File = args[0]
			if opts.Bibliography && opts.Members {
				return &UsageError{errors.New("--members selects the lab's publications; --bibliography writes the works the site cites: give one of them")}
			}
			return importBibtexRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Bibliography, "bibliography", false, "write the works the site cites to data/bibliography.json (CSL-JSON), not the lab's publications")
	cmd.Flags().BoolVar(&opts.Members, "members", false, "keep only the entries with an author who is a lab member")
	return cmd
}

func importBibtexRun(opts *ImportBibtexOptions) error {
	site, err := siteio.Open(opts.Site)
	if err != nil {
		return scaffoldError(err)
	}
	var (
		path, target string
		written      int
		diags        []*bibtex.Error
		warnings     []*bibtex.Error
	)
	if opts.Bibliography {
		target = model.BibliographyFile
		res, err := importer.WriteBibliography(site, opts.File)
		if err != nil {
			return err
		}
		path, written, diags, warnings = res.Path, res.Entries, res.Diagnostics, res.Warnings
	} else {
		target = importer.PublicationsFile
		res, err := importer.BibTeX(site, opts.File, importer.Options{Members: opts.Members})
		if err != nil {
			return err
		}
		path, written, diags, warnings = res.Path, res.Entries, res.Diagnostics, res.Warnings
		for _, mp := range res.Matches {
			msg, hint := mp.Message()
			fmt.Fprintf(opts.IO.ErrOut, "%s:%d:1: warning: %s\n  hint: %s\n", opts.File, mp.Line, msg, hint)
		}
		if res.Skipped > 0 && path != "" {
			defer fmt.Fprintf(opts.IO.Out, "left out %d %s without a lab member among the authors (--members)\n", res.Skipped, plural(res.Skipped, "entry", "entries"))
		}
	}
	for _, d := range diags {
		fmt.Fprintln(opts.IO.ErrOut, d.Error())
	}
	for _, w := range warnings {
		fmt.Fprintln(opts.IO.ErrOut, w.Error())
	}
	if path == "" {
		return fmt.Errorf("no entry of %s could be read; %s was left as it was", opts.File, target)
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s (%d %s)\n", path, written, plural(written, "entry", "entries"))
	if n := len(diags); n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "%d %s in %s; the entries that could be read were written\n", n, plural(n, "problem", "problems"), opts.File)
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package cli

import (
	"errors"
	"fmt"

	"github.com/neuralml/labsite/tools/internal/importer"
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/spf13/cobra"
)

func newCmdImport(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "import",
		Short:                      "Bring content written for other tools into the site",
		Example:                    "  labtool import bibtex references.bib --bibliography\n  labtool import jekyll ../old-site --out mylab",
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
	// Bibliography asks for data/bibliography.json.
	Bibliography bool
}

func newCmdImportBibtex(ios *IO) *cobra.Command {
	opts := &ImportBibtexOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "bibtex FILE --bibliography",
		Short: "Write the site's bibliography (data/bibliography.json) from a BibTeX file",
		Long: `Read the BibTeX file FILE and write the site's data/bibliography.json:
its entries as CSL-JSON, which the cite shortcode reads for author–year
labels and reference lists. The file is generated, and replaced every time:
edit the .bib file, not the JSON.

Problems in the .bib file are printed as FILE:LINE:COL: message. One bad
entry loses nothing else: the entries that parsed are written, and labtool
exits with status 1 so that scripts notice. When not one entry could be
read, data/bibliography.json is left as it was.`,
		Example: `  labtool import bibtex references.bib --bibliography
  labtool import bibtex ../papers/lab.bib --bibliography --site mylab`,
		Args: usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"bib"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.File = args[0]
			if !opts.Bibliography {
				return &UsageError{errors.New("say what to import the BibTeX file as: --bibliography writes data/bibliography.json")}
			}
			return importBibtexRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Bibliography, "bibliography", false, "write the entries to the site's data/bibliography.json, as CSL-JSON")
	return cmd
}

func importBibtexRun(opts *ImportBibtexOptions) error {
	site, err := siteio.Open(opts.Site)
	if err != nil {
		return scaffoldError(err)
	}
	res, err := importer.WriteBibliography(site, opts.File)
	if err != nil {
		return err
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintln(opts.IO.ErrOut, d.Error())
	}
	if res.Path == "" {
		return fmt.Errorf("no entry of %s could be read; %s was left as it was", opts.File, model.BibliographyFile)
	}
	entries := "entries"
	if res.Entries == 1 {
		entries = "entry"
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s (%d %s)\n", res.Path, res.Entries, entries)
	if n := len(res.Diagnostics); n > 0 {
		problems := "problems"
		if n == 1 {
			problems = "problem"
		}
		fmt.Fprintf(opts.IO.ErrOut, "%d %s in %s; the entries that could be read were written\n", n, problems, opts.File)
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/neuralml/labsite/tools/internal/export"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

func newCmdExport(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "export",
		Short:                      "Write the site's content for other uses",
		Example:                    `  labtool export publications --person ada-lovelace --since 2020 --format markdown`,
		Args:                       usageArgs(noSubcommand),
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2,
	}
	cmd.AddCommand(newCmdExportPublications(ios))
	return cmd
}

// ExportPublicationsOptions are the arguments of `labtool export publications`.
type ExportPublicationsOptions struct {
	IO     *IO
	Site   string
	Filter export.Filter
	Format string
}

func newCmdExportPublications(ios *IO) *cobra.Command {
	opts := &ExportPublicationsOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "publications --format bibtex|csl-json|markdown [--person SLUG] [--theme SLUG] [--since YEAR] [--until YEAR]",
		Short: "Write one member's, one theme's or one period's publications, for grant reports and CVs",
		Long: `Write the lab's publications (data/publications.json, from the lab's .bib)
to standard output, newest first, as BibTeX, CSL-JSON or a Markdown list
by year with the lab's members in bold.

--person keeps the publications a person is an author of (as the site
shows on their page), --theme those on a research theme (named by the
publication's page or by the theme), --since and --until a range of years
(inclusive). The filters combine.`,
		Example: `  labtool export publications --format markdown --person ada-lovelace --since 2021
  labtool export publications --format bibtex --theme neuromodulation > neuromodulation.bib
  labtool export publications --format csl-json --since 2020 --until 2024`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Site = siteDir(cmd)
			if opts.Format == "" {
				return &UsageError{fmt.Errorf("--format is required: one of %s", strings.Join(export.Formats, ", "))}
			}
			if f := opts.Filter; f.Since > 0 && f.Until > 0 && f.Since > f.Until {
				return &UsageError{fmt.Errorf("--since %d is after --until %d", f.Since, f.Until)}
			}
			return exportPublicationsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", "bibtex, csl-json or markdown")
	cmd.Flags().StringVar(&opts.Filter.Person, "person", "", "only the publications of the person with this slug (content/people/SLUG.md)")
	cmd.Flags().StringVar(&opts.Filter.Theme, "theme", "", "only the publications on the research theme with this slug (content/research/SLUG.md)")
	cmd.Flags().IntVar(&opts.Filter.Since, "since", 0, "only publications from this year on")
	cmd.Flags().IntVar(&opts.Filter.Until, "until", 0, "only publications up to this year")
	cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return export.Formats, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func exportPublicationsRun(opts *ExportPublicationsOptions) error {
	site, err := siteio.Open(opts.Site)
	if err != nil {
		return scaffoldError(err)
	}
	res, err := export.Publications(site, opts.Filter, opts.Format, opts.IO.Out)
	var usage *export.UsageError
	if errors.As(err, &usage) {
		return &UsageError{err}
	}
	if err != nil {
		return err
	}
	if res.Stale {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s has changed since data/publications.json was written; run labtool import bibtex %s first\n", res.Source, res.Source)
	}
	fmt.Fprintf(opts.IO.ErrOut, "%d %s\n", res.Count, plural(res.Count, "publication", "publications"))
	return nil
}

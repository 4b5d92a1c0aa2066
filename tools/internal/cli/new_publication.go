package cli

import (
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// NewPublicationOptions are the arguments of `labtool new publication`.
type NewPublicationOptions struct {
	IO   *IO
	Site string
	scaffold.PublicationOptions
}

func newCmdNewPublication(ios *IO, runF func(*NewPublicationOptions) error) *cobra.Command {
	opts := &NewPublicationOptions{IO: ios}
	var common commonNewFlags
	var authors string
	var author []string
	cmd := &cobra.Command{
		Use:   "publication TITLE",
		Short: "Add a paper, preprint, book, thesis, software or dataset",
		Long: `Add content/publications/<slug>.md. Give the authors as a comma-separated
--authors list, or one --author at a time (for names that hold a comma);
the date defaults to today.`,
		Example: `  labtool new publication "A deep learning framework for neuroscience" \
    --authors "Blake A. Richards, Timothy P. Lillicrap" --date 2019-10-28 \
    --venue "Nature Neuroscience" --doi 10.1038/s41593-019-0520-2 --type article
  labtool new publication "Cerebellar networks" --author "Boven, Ellen" --author "Costa, Rui Ponte"`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.Title = args[0]
			opts.Slug, opts.Force = common.Slug, common.Force
			opts.Authors = append(splitList(authors), author...)
			date, err := dateFlag(opts.Date)
			if err != nil {
				return err
			}
			opts.Date = date
			if runF != nil {
				return runF(opts)
			}
			return newPublicationRun(opts)
		},
	}
	cmd.Flags().StringVar(&authors, "authors", "", `the authors in order, separated by commas ("A. Author, B. Author")`)
	cmd.Flags().StringArrayVar(&author, "author", nil, "an author (repeat the flag for each, in order)")
	cmd.Flags().StringVar(&opts.Date, "date", "", "the publication date, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVar(&opts.DOI, "doi", "", "the DOI (10.NNNN/suffix)")
	cmd.Flags().StringVar(&opts.Venue, "venue", "", "the journal, conference or publisher")
	cmd.Flags().StringVar(&opts.Type, "type", "", "the kind of publication: "+joinEnum(model.PublicationTypes))
	common.register(cmd)
	completeEnum(cmd, "type", model.PublicationTypes)
	return cmd
}

func newPublicationRun(opts *NewPublicationOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *scaffold.Site) (scaffold.Result, string, error) {
		res, err := scaffold.NewPublication(site, opts.PublicationOptions)
		return res, "", err
	})
}

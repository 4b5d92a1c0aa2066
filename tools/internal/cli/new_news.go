package cli

import (
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// NewNewsOptions are the arguments of `labtool new news`.
type NewNewsOptions struct {
	IO   *IO
	Site string
	scaffold.NewsOptions
}

func newCmdNewNews(ios *IO, runF func(*NewNewsOptions) error) *cobra.Command {
	opts := &NewNewsOptions{IO: ios}
	var common commonNewFlags
	cmd := &cobra.Command{
		Use:   "news TITLE",
		Short: "Add a dated news item",
		Long:  `Add content/news/<slug>.md: a news item, dated today unless --date says otherwise.`,
		Example: `  labtool new news "Our paper is out in Nature Neuroscience"
  labtool new news "Welcome, Ada!" --date 2026-01-15`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.Title = args[0]
			opts.Slug, opts.Force = common.Slug, common.Force
			date, err := dateFlag(opts.Date)
			if err != nil {
				return err
			}
			opts.Date = date
			if runF != nil {
				return runF(opts)
			}
			return newNewsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Date, "date", "", "the date of the news, YYYY-MM-DD (default: today)")
	common.register(cmd)
	return cmd
}

func newNewsRun(opts *NewNewsOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *scaffold.Site) (scaffold.Result, string, error) {
		res, err := scaffold.NewNews(site, opts.NewsOptions)
		return res, "", err
	})
}

package cli

import "github.com/spf13/cobra"

func newCmdNewNews(ios *IO, runF func(*NewEntryOptions) error) *cobra.Command {
	return newEntryCmd(ios, "news", runF, &cobra.Command{
		Use:   "news TITLE",
		Short: "Add a dated news item",
		Long:  `Add content/news/<slug>.md: a news item, dated today unless --date says otherwise.`,
		Example: `  labtool new news "Our paper is out in Nature Neuroscience"
  labtool new news "Welcome, Ada!" --date 2026-01-15`,
	})
}

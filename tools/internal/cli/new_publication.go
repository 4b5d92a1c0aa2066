package cli

import "github.com/spf13/cobra"

func newCmdNewPublication(ios *IO, runF func(*NewEntryOptions) error) *cobra.Command {
	return newEntryCmd(ios, "publication", runF, &cobra.Command{
		Use:   "publication TITLE",
		Short: "Add a paper, preprint, book, thesis, software or dataset",
		Long: `Add content/publications/<slug>.md. Give the authors as a comma-separated
--authors list, or one --author at a time (for names that hold a comma);
the date defaults to today.`,
		Example: `  labtool new publication "A deep learning framework for neuroscience" \
    --authors "Blake A. Richards, Timothy P. Lillicrap" --date 2019-10-28 \
    --venue "Nature Neuroscience" --doi 10.1038/s41593-019-0520-2 --type article
  labtool new publication "Cerebellar networks" --author "Boven, Ellen" --author "Costa, Rui Ponte"`,
	})
}

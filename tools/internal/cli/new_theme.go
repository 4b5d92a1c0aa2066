package cli

import (
	"fmt"

	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/spf13/cobra"
)

func newCmdNewTheme(ios *IO, runF func(*NewEntryOptions) error) *cobra.Command {
	if runF == nil {
		runF = newThemeRun
	}
	return newEntryCmd(ios, "theme", runF, &cobra.Command{
		Use:   "theme TITLE",
		Short: "Add a research theme: a coloured section of the research page",
		Long: `Add content/research/<slug>.md: a research theme, which appears on the
research page at its weight, under a heading in its colour, and has a page
of its own.

Without --weight the theme goes last (10 more than the highest weight of
the other themes); without --color it takes the first colour of the
palette ([params.labsite] palette in hugo.toml, or the theme's default)
that no other theme uses. The body is a placeholder paragraph: replace it.`,
		Example: `  labtool new theme "Cortical circuits for efficient credit assignment"
  labtool new theme "Neuromodulation of cortical credit assignment" --color "#c97b33" --weight 20
  labtool new theme "Émotions & décisions" --summary "How emotions bias decisions."   # content/research/emotions-decisions.md`,
	})
}

func newThemeRun(opts *NewEntryOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *siteio.Site) (scaffold.Result, string, error) {
		res, err := scaffold.NewTheme(site, opts.Options)
		return res.Result, fmt.Sprintf(" (weight %d, colour %s)", res.Weight, res.Color), err
	})
}

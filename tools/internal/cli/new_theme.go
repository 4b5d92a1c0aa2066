package cli

import (
	"fmt"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// NewThemeOptions are the arguments of `labtool new theme`.
type NewThemeOptions struct {
	IO   *IO
	Site string
	scaffold.ThemeOptions
}

func newCmdNewTheme(ios *IO, runF func(*NewThemeOptions) error) *cobra.Command {
	opts := &NewThemeOptions{IO: ios}
	var common commonNewFlags
	var weight int
	cmd := &cobra.Command{
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
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.Title = args[0]
			opts.Slug, opts.Force = common.Slug, common.Force
			if cmd.Flags().Changed("weight") {
				opts.Weight = &weight
			}
			if opts.Color != "" {
				if _, err := model.ParseHex(opts.Color); err != nil {
					return &UsageError{fmt.Errorf("--color: %w", err)}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return newThemeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Color, "color", "", "the theme's colour, #rrggbb (default: the next unused palette colour)")
	cmd.Flags().IntVar(&weight, "weight", 0, "the theme's position on the research page, lower first (default: last)")
	cmd.Flags().StringVar(&opts.Summary, "summary", "", "one sentence on the theme, for lists and link previews")
	common.register(cmd)
	completeEnum(cmd, "color", model.DefaultPalette)
	return cmd
}

func newThemeRun(opts *NewThemeOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *scaffold.Site) (scaffold.Result, string, error) {
		res, err := scaffold.NewTheme(site, opts.ThemeOptions)
		return res.Result, fmt.Sprintf(" (weight %d, colour %s)", res.Weight, res.Color), err
	})
}

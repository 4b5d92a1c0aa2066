package cli

import (
	"fmt"

	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// NewSiteOptions are the arguments of `labtool new site`.
type NewSiteOptions struct {
	IO  *IO
	Dir string
	scaffold.SiteOptions
}

func newCmdNewSite(ios *IO, runF func(*NewSiteOptions) error) *cobra.Command {
	opts := &NewSiteOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "site DIR",
		Short: "Start a new site that uses the labsite theme",
		Long: `Write a new, ready-to-serve site into DIR:

  hugo.toml      imports the theme as a Hugo Module; every theme setting
                 is listed, documented, under [params.labsite]; the main
                 menu; hugo server sends the same security headers as Netlify
  go.mod         Hugo downloads the theme module with Go (commit go.mod and
                 go.sum once the first build has filled them in)
  netlify.toml   builds the site and sends the security headers
  .gitignore     Hugo's output and caches
  content/       the home page, the research page (a masthead and a
                 figure), an example research theme, and the people,
                 publications and news sections

With --theme-path, hugo.toml replaces the theme module with a local folder
(a checkout of labsite's theme/), so the site builds offline. DIR must be
empty or not exist, unless --force is given.`,
		Example: `  labtool new site mylab --title "Neural & ML Group"
  cd mylab && hugo server

  # Work on the theme from a local checkout of labsite:
  labtool new site mylab --theme-path ../labsite/theme`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return newSiteRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Title, "title", "My Lab", "the site's title, also the lab's name in the header")
	cmd.Flags().StringVar(&opts.ThemePath, "theme-path", "", "a local folder holding the theme, used instead of downloading it")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "write into DIR even if it is not empty, replacing files of the same names")
	_ = cmd.MarkFlagDirname("theme-path")
	return cmd
}

func newSiteRun(opts *NewSiteOptions) error {
	res, err := scaffold.NewSite(opts.Dir, opts.SiteOptions)
	for _, f := range res.Files {
		fmt.Fprintf(opts.IO.Out, "wrote %s\n", f)
	}
	if err != nil {
		return scaffoldError(err)
	}
	fmt.Fprintf(opts.IO.Out, "\nNext:\n  cd %s\n  hugo server\n", opts.Dir)
	if res.Replacements == "" {
		fmt.Fprintln(opts.IO.Out, "The first build downloads the theme with Go; then commit go.mod and go.sum.")
	}
	return nil
}

package cli

import (
	"errors"
	"fmt"

	"github.com/neuralml/labsite/tools/internal/importer/jekyll"
	"github.com/spf13/cobra"
)

// ImportJekyllOptions are the arguments of `labtool import jekyll`.
type ImportJekyllOptions struct {
	IO *IO
	jekyll.Options
	Format string
}

func newCmdImportJekyll(ios *IO) *cobra.Command {
	opts := &ImportJekyllOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "jekyll SRC --out SITE",
		Short: "Move a Jekyll site to a new labsite site",
		Long: `Read the Jekyll site in SRC (its source folder; Ruby and Jekyll are not
needed) and write a labsite site into SITE, as labtool new site does:

  _config.yml              hugo.toml: title, description, baseURL (url and
                           baseurl), e-mail and social links, the posts'
                           permalink style, the time zone
  pages, _pages/           pages; permalink becomes url, redirect_from
                           aliases, categories and tags tags
  _posts/, _news/          news
  _projects/               research themes
  _members/, _people/,     people
  _data/team*.yml …
  _publications/           publications
  _bibliography/*.bib      the lab's papers: copied into the site and
                           imported as labtool import bibtex does
                           (data/publications.json)
  --bibliography FILE      the works the pages cite (data/bibliography.json;
                           default: the site's own .bib)
  other collections        plain sections
  images, PDFs             copied to static/ at the same path

A lab's research page becomes the theme's parts: the masthead <header> the
masthead shortcode, an image with a bold "Figure 1: …" caption a numbered
figure, "(Fig. 1a)" a figref, coloured headings research themes, and
author–year citations cite shortcodes where the bibliography has the work.
Liquid that has a Hugo equivalent is converted; inline styles and scripts
are removed, simple HTML becomes Markdown.

At the end a report lists what was imported and every item that needs a
human, as SOURCE-FILE:LINE: severity: message [rule]. labtool exits with
status 1 when an item is an error (the site will not build until it is
fixed), 0 otherwise. SITE must be empty or not exist, unless --force is
given; --dry-run writes nothing and lists what would be written.`,
		Example: `  labtool import jekyll ../old-site --out mylab
  labtool import jekyll ../old-site --out mylab --bibliography ../papers/lab.bib
  labtool import jekyll ../old-site --out mylab --dry-run --format json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Source = args[0]
			if opts.Site == "" {
				return &UsageError{errors.New("say where to write the new site: --out SITE")}
			}
			if opts.Format != "text" && opts.Format != "json" {
				return &UsageError{fmt.Errorf("--format %q: want text or json", opts.Format)}
			}
			return importJekyllRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Site, "out", "o", "", "the folder to write the new site into")
	cmd.Flags().StringVar(&opts.Bibliography, "bibliography", "", "the .bib of the works the pages cite (default: the site's _bibliography/*.bib)")
	cmd.Flags().StringVar(&opts.ThemePath, "theme-path", "", "a local folder holding the theme, used instead of downloading it")
	cmd.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "write nothing; list what would be written and what needs a human")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "write into SITE even if it is not empty, replacing files of the same names")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "the report's format: text or json")
	_ = cmd.MarkFlagDirname("out")
	_ = cmd.MarkFlagDirname("theme-path")
	_ = cmd.MarkFlagFilename("bibliography", "bib")
	return cmd
}

func importJekyllRun(opts *ImportJekyllOptions) error {
	rep, err := jekyll.Import(opts.Options)
	if err != nil {
		return scaffoldError(err)
	}
	if opts.Format == "json" {
		err = rep.WriteJSON(opts.IO.Out)
	} else {
		if opts.DryRun {
			for _, f := range rep.Files {
				fmt.Fprintf(opts.IO.Out, "would write %s\n", f)
			}
		}
		err = rep.WriteText(opts.IO.Out)
		if err == nil && !opts.DryRun {
			fmt.Fprintf(opts.IO.Out, "\nNext:\n  cd %s\n  labtool validate\n  hugo server\n", opts.Site)
			if opts.ThemePath == "" {
				fmt.Fprintln(opts.IO.Out, "The first build downloads the theme with Go; then commit go.mod and go.sum.")
			}
		}
	}
	if err != nil {
		return err
	}
	if rep.Errors() > 0 {
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

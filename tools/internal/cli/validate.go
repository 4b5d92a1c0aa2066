package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/neuralml/labsite/tools/internal/validate"
	"github.com/spf13/cobra"
)

// ValidateOptions are the arguments of `labtool validate`.
type ValidateOptions struct {
	IO   *IO
	Site string
	// Format is text, json or github.
	Format string
	Strict bool
	// Snippets is auto (when writing to a terminal), always or never.
	Snippets string
}

func newCmdValidate(ios *IO) *cobra.Command {
	opts := &ValidateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "validate [SITE]",
		Short: "Check every content file of a site and report each problem at file:line:col",
		Long: `Check every content file of the site against the content model and report
every problem in one run, sorted, like a compiler:

  content/research/neuromodulation.md:4:8: error: color "orang" is not a colour (want #rrggbb) [color]

On a terminal each diagnostic also shows its source line with a caret under
the column (--snippets), then a hint when there is one. The last line
counts the problems: "3 errors, 1 warning in 42 files".

validate reads YAML, TOML and JSON front matter, drafts included, and checks
the required fields, types, dates Hugo can parse, colours and their
contrast, URLs, DOIs, ORCID iDs, e-mail addresses, allowed values,
references to people and research themes, images and files, duplicate URLs
and theme weights, figure, figref and cite shortcodes, and the site's .bib
files. docs/labtool.md describes every rule, named in [brackets].

SITE, or --site, is the site's folder (SITE wins when both are given); the
default is the current folder.

Exit status: 0 when there is no error, 1 when there are errors (or
warnings, with --strict), 2 for a usage error (a bad flag, or a folder
without content/).`,
		Example: `  labtool validate
  labtool validate exampleSite --strict
  labtool validate --format json > problems.json
  labtool validate --format github    # annotations in GitHub Actions`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			if len(args) == 1 {
				opts.Site = args[0]
			}
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			switch opts.Snippets {
			case "auto", "always", "never":
			default:
				return &UsageError{fmt.Errorf("--snippets must be auto, always or never, not %q", opts.Snippets)}
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors")
	cmd.Flags().StringVar(&opts.Snippets, "snippets", "auto", "show the source line under each problem: auto (on a terminal), always or never")
	return cmd
}

func validateRun(opts *ValidateOptions) error {
	if fi, err := os.Stat(opts.Site); err != nil || !fi.IsDir() {
		return &UsageError{fmt.Errorf("%s is not a folder", opts.Site)}
	}
	report, err := validate.Site(opts.Site, validate.Options{Strict: opts.Strict})
	if errors.Is(err, validate.ErrNoContent) {
		return &UsageError{fmt.Errorf("%s has no content/ folder: is it a Hugo site?", opts.Site)}
	}
	if err != nil {
		return err
	}
	out := opts.IO.Out
	switch opts.Format {
	case "json":
		err = validate.WriteJSON(out, report)
	case "github":
		prefix := ""
		if !filepath.IsAbs(opts.Site) {
			prefix = filepath.ToSlash(filepath.Clean(opts.Site))
		}
		err = validate.WriteGitHub(out, report, prefix)
	default:
		snippets := opts.Snippets == "always" || opts.Snippets == "auto" && isTerminal(out)
		err = validate.WriteText(out, report, snippets)
	}
	if err != nil {
		return err
	}
	if report.Errors > 0 {
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

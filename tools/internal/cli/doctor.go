package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/neuralml/labsite/tools/internal/doctor"
	"github.com/spf13/cobra"
)

// DoctorOptions are the arguments of `labtool doctor`.
type DoctorOptions struct {
	IO   *IO
	Site string
	// Hugo is the hugo command to ask for its version and deprecations.
	Hugo string
	// Format is text, json or github.
	Format string
}

func newCmdDoctor(ios *IO) *cobra.Command {
	opts := &DoctorOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "doctor [SITE]",
		Short: "Check a site's set-up before and after upgrading the theme or Hugo, and say how to fix each problem",
		Long: `Check the set-up of the site, the things that break on an upgrade rather
than in a content file, and say how to fix each problem:

  hugo-version      the Hugo you run, and the HUGO_VERSION of netlify.toml,
                    against the theme's minimum (module.hugoVersion.min)
  markup            the Markdown settings the figures need
  headers           hugo server's headers ([server] of hugo.toml) against
                    Netlify's (netlify.toml), so a preview behaves as production
  deprecated        settings Hugo deprecated or dropped, theme settings outside
                    [params.labsite] or unknown to the theme, and what Hugo
                    itself reports as deprecated when it builds the site
  template-changed  templates the site overrides (layouts/) that have changed
                    in the theme since they were copied (theme/templates.sum)

The theme is found the way Hugo finds it: a module replacement, the version
go.mod requires (in Go's module cache), or a copy in themes/.

Exit status: 0 when all is well, 1 when there are problems (errors or
warnings), 2 for a usage error (a bad flag, or a folder that is not a Hugo
site). Notes say what could not be checked; they do not fail.`,
		Example: `  labtool doctor
  labtool doctor exampleSite
  labtool doctor --format github       # annotations in GitHub Actions
  hugo mod get -u && labtool doctor    # after upgrading the theme`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			if len(args) == 1 {
				opts.Site = args[0]
			}
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			return doctorRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Hugo, "hugo", "hugo", "the hugo command")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	return cmd
}

func doctorRun(opts *DoctorOptions) error {
	if fi, err := os.Stat(opts.Site); err != nil || !fi.IsDir() {
		return &UsageError{fmt.Errorf("%s is not a folder", opts.Site)}
	}
	hugo, err := exec.LookPath(opts.Hugo)
	if err != nil {
		hugo = ""
	}
	report, err := doctor.Site(opts.Site, doctor.Options{Hugo: hugo})
	if errors.Is(err, doctor.ErrNoSite) {
		return &UsageError{fmt.Errorf("%s has no hugo.toml (or other Hugo configuration): is it a Hugo site?", opts.Site)}
	}
	if err != nil {
		return err
	}
	prefix := ""
	if !filepath.IsAbs(opts.Site) {
		prefix = filepath.ToSlash(filepath.Clean(opts.Site))
	}
	switch opts.Format {
	case "json":
		err = doctor.WriteJSON(opts.IO.Out, report)
	case "github":
		err = doctor.WriteGitHub(opts.IO.Out, report, prefix)
	default:
		err = doctor.WriteText(opts.IO.Out, report, prefix)
	}
	if err != nil {
		return err
	}
	if len(report.Findings) > 0 {
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"

	"github.com/neuralml/labsite/tools/internal/sitecheck"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
	"github.com/spf13/cobra"
)

// CheckOptions are the arguments of `labtool check`.
type CheckOptions struct {
	IO *IO
	// Public is the built site's folder.
	Public string
	// Site is the Hugo site that was built, for naming content files; ""
	// when there is none.
	Site    string
	BaseURL string
	// Format is text, json or github.
	Format string
	// Hugo is the hugo command that maps pages to content files.
	Hugo string
}

func newCmdCheck(ios *IO) *cobra.Command {
	opts := &CheckOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "check [PUBLIC_DIR]",
		Short: "Check a built site for broken links, missing #fragments, images, stylesheets and feeds",
		Long: `Check the site Hugo built (PUBLIC_DIR, by default the site's public/
folder) for references that lead nowhere: links to pages that do not
exist, #fragments that no element's id names, and missing images, srcset
candidates, stylesheets, feeds, icons, scripts and media. Links to other
sites are not followed.

References are resolved as a browser resolves them, against the page's URL
under the site's base URL, which is read from the home page's canonical
link (--base-url sets it): build with hugo -b https://example.org/lab/ and
check the result, and a link that forgot the /lab/ base path is an error.

Each problem is reported at the HTML file, line and column, then at the
content file that made the page and where it writes the reference, when
it does. The content files come from Hugo itself (hugo list all, run in the
site's folder: --site, or the folder that holds PUBLIC_DIR); --hugo names
the hugo command.

Exit status: 0 when every reference leads somewhere, 1 when some do not, 2
for a usage error (a bad flag, or a folder that is not a built site).`,
		Example: `  hugo && labtool check
  hugo -b https://example.org/lab/ && labtool check
  labtool check exampleSite/public --format github`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			site := siteDir(cmd)
			opts.Public = filepath.Join(site, "public")
			if len(args) == 1 {
				opts.Public = args[0]
				if !cmd.Flags().Changed("site") {
					site = filepath.Dir(filepath.Clean(args[0]))
					if !siteconfig.IsSite(site) {
						site = "."
					}
				}
			}
			if siteconfig.IsSite(site) {
				opts.Site = site
			}
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	cmd.Flags().StringVar(&opts.BaseURL, "base-url", "", "the URL the site is published at (default: the home page's canonical URL)")
	cmd.Flags().StringVar(&opts.Hugo, "hugo", "hugo", "the hugo command, to name the content file of each problem")
	return cmd
}

func checkRun(opts *CheckOptions) error {
	report, err := sitecheck.Check(opts.Public, sitecheck.Options{BaseURL: opts.BaseURL})
	if errors.Is(err, sitecheck.ErrNoSite) || errors.Is(err, fs.ErrNotExist) {
		return &UsageError{fmt.Errorf("%s is not a built site: run hugo first, or name the folder it wrote", opts.Public)}
	}
	if err != nil {
		return err
	}
	if len(report.Problems) > 0 && opts.Site != "" {
		if hugo, err := exec.LookPath(opts.Hugo); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "note: %s not found; with Hugo installed (or --hugo PATH), problems also name their content file\n", opts.Hugo)
		} else if sources, err := sitecheck.HugoSources(hugo, opts.Site); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "note: problems name no content file: %v\n", err)
		} else {
			sitecheck.AttachSources(report, opts.Site, sources)
		}
	}
	ps := sitecheck.Paths{Public: displayPath(opts.Public), Site: displayPath(opts.Site)}
	switch opts.Format {
	case "json":
		err = sitecheck.WriteJSON(opts.IO.Out, report)
	case "github":
		err = sitecheck.WriteGitHub(opts.IO.Out, report, ps)
	default:
		err = sitecheck.WriteText(opts.IO.Out, report, ps)
	}
	if err != nil {
		return err
	}
	if len(report.Problems) > 0 {
		return &SilentError{Code: ExitProblems}
	}
	return nil
}

// displayPath is how output names a folder the user gave: as given, with
// forward slashes, when it is relative.
func displayPath(dir string) string {
	if dir == "" || filepath.IsAbs(dir) {
		return dir
	}
	return filepath.ToSlash(filepath.Clean(dir))
}

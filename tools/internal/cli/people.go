package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/neuralml/labsite/tools/internal/people"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/siteconfig"
	"github.com/neuralml/labsite/tools/internal/siteio"
)

func newCmdPeople(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "people",
		Short:                      "Change the lab's people pages",
		Example:                    `  labtool people graduate ada-lovelace --left 2026-09-30 --now-at "University of Bristol"`,
		Args:                       usageArgs(noSubcommand),
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2,
	}
	cmd.AddCommand(newCmdPeopleGraduate(ios))
	return cmd
}

// PeopleGraduateOptions are the arguments of `labtool people graduate`.
type PeopleGraduateOptions struct {
	IO    *IO
	Site  string
	Slug  string
	Left  string
	NowAt string
}

func newCmdPeopleGraduate(ios *IO) *cobra.Command {
	opts := &PeopleGraduateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "graduate SLUG --left DATE [--now-at TEXT]",
		Short: "Record that a member has left the lab",
		Long: `Set left (and now_at) in content/people/SLUG.md, editing its front matter
in place: every other field keeps its place, its comments and its quotes,
and the body is untouched. The file is replaced atomically.

The people page lists the person under Alumni once the date has passed;
a date in the future keeps them with the current members until then.`,
		Example: `  labtool people graduate ada-lovelace --left 2026-09-30
  labtool people graduate ada-lovelace --left 2026-09-30 --now-at "University of Bristol"`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.Slug = args[0]
			if opts.Left == "" {
				return &UsageError{errors.New("--left DATE is required: the day the person leaves, as YYYY-MM-DD")}
			}
			if _, err := time.Parse(time.DateOnly, opts.Left); err != nil {
				return &UsageError{fmt.Errorf("--left %q is not a date (want YYYY-MM-DD)", opts.Left)}
			}
			return peopleGraduateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Left, "left", "", "the day the person leaves the lab, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.NowAt, "now-at", "", "where they go next, for the alumni list")
	return cmd
}

func peopleGraduateRun(opts *PeopleGraduateOptions) error {
	site, err := siteio.Open(opts.Site)
	if err != nil {
		return scaffoldError(err)
	}
	now, err := scaffold.Now()
	if err != nil {
		return err
	}
	loc, err := siteconfig.Location(site.Root())
	if err != nil {
		return err
	}
	ch, err := people.Graduate(site, opts.Slug, opts.Left, opts.NowAt, now.In(loc))
	var notFound *people.NotFoundError
	if errors.As(err, &notFound) {
		return &UsageError{err}
	}
	if err != nil {
		return err
	}
	was := ""
	if ch.OldLeft != "" {
		was = fmt.Sprintf(" (was %s)", ch.OldLeft)
	}
	fmt.Fprintf(opts.IO.Out, "updated %s: left %s%s\n", site.Path(ch.Path), opts.Left, was)
	if ch.Future {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s stays with the current members until %s, then the people page lists them as alumni\n", ch.Name, opts.Left)
	}
	return nil
}

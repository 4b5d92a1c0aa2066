package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

func newCmdNew(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Add a site, research theme, person, publication or news item",
		Long: `Add content that is valid from the start: the file holds the fields you
give, and the content model's example for every other required field.

new never overwrites a file: it exits with status 1 and leaves the file as
it was, unless you pass --force. Titles are kept verbatim; the file name is
the title's slug ("Émotions & décisions" gives emotions-decisions.md), or
--slug.`,
		Example: `  labtool new site mylab --title "Neural & ML Group"
  labtool new theme "Neuromodulation of cortical credit assignment" --color "#c97b33"
  labtool new person "Ada Lovelace" --role phd
  labtool new publication "A deep learning framework for neuroscience" --authors "Blake Richards, Timothy Lillicrap" --date 2019-10-28
  labtool new news "Our paper is out"`,
		Args:                       usageArgs(noSubcommand),
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2,
	}
	cmd.AddCommand(
		newCmdNewSite(ios, nil),
		newCmdNewTheme(ios, nil),
		newCmdNewPerson(ios, nil),
		newCmdNewPublication(ios, nil),
		newCmdNewNews(ios, nil),
	)
	return cmd
}

// noSubcommand rejects an argument to a command that only groups others:
// it is a subcommand name that does not exist.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return errors.New(msg)
}

// commonNewFlags are the flags every `new` subcommand for a page takes.
type commonNewFlags struct {
	Slug  string
	Force bool
}

func (c *commonNewFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.Slug, "slug", "", "the file name, without .md (default: the title's slug)")
	cmd.Flags().BoolVarP(&c.Force, "force", "f", false, "overwrite the file if it exists")
}

// scaffoldError turns the scaffold's errors about what the user typed (a
// title, a value, a folder that is not a site) into usage errors (exit code
// 2); others (a file that exists, a folder outside the site) stay problems
// (exit code 1).
func scaffoldError(err error) error {
	var name *scaffold.NameError
	var site *scaffold.SiteError
	if errors.As(err, &name) || errors.As(err, &site) {
		return &UsageError{err}
	}
	var value *scaffold.ValueError
	if errors.As(err, &value) {
		return &UsageError{fmt.Errorf("--%s: %w", flagOf(value.Field), value.Err)}
	}
	return err
}

// flagOf returns the flag that sets a front-matter field: the field's own
// name, except pubtype, which --type sets.
func flagOf(field string) string {
	if field == "pubtype" {
		return "type"
	}
	return field
}

// printWritten reports a new page, with a note for each required field that
// holds the model's example because the user gave no value.
// writeNew opens the site, writes one new content file with write and
// reports it, with extra after the file's name.
func writeNew(ios *IO, siteDir string, write func(*scaffold.Site) (res scaffold.Result, extra string, err error)) error {
	site, err := scaffold.OpenSite(siteDir)
	if err != nil {
		return scaffoldError(err)
	}
	res, extra, err := write(site)
	if err != nil {
		return scaffoldError(err)
	}
	printWritten(ios, res, extra)
	return nil
}

func printWritten(ios *IO, res scaffold.Result, extra string) {
	fmt.Fprintf(ios.Out, "wrote %s%s\n", res.Path, extra)
	for _, f := range res.Examples {
		fmt.Fprintf(ios.ErrOut, "note: %s is the example %s; edit it in %s, or pass --%s\n", f.Name, exampleText(f), res.Path, flagOf(f.Name))
	}
}

func exampleText(f model.Field) string {
	if f.Kind == model.Int {
		return f.Example
	}
	return strconv.Quote(f.Example)
}

// now is the current time, or the time SOURCE_DATE_EPOCH gives (seconds
// since 1970, UTC), the reproducible-builds convention that scripts and
// tests use to get fixed dates.
func now() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now(), nil
}

// dateFlag returns the --date value, checked, or today's date.
func dateFlag(date string) (string, error) {
	if date != "" {
		if _, err := scaffold.ParseDate(date); err != nil {
			return "", &UsageError{fmt.Errorf("--date: %w", err)}
		}
		return date, nil
	}
	t, err := now()
	if err != nil {
		return "", err
	}
	return scaffold.Today(t), nil
}

// completeEnum completes a flag with the values of a model field's enum.
func completeEnum(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// joinEnum lists an enum's values for help text.
func joinEnum(values []string) string { return strings.Join(values, ", ") }

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/siteio"
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

// NewEntryOptions are the arguments of `labtool new theme|person|publication|news`.
type NewEntryOptions struct {
	IO   *IO
	Site string
	Type *model.Type
	scaffold.Options
}

// newEntryCmd completes cmd, a `new` subcommand for the content type
// typeName, whose one argument is the title: its flags come from the
// content model, plus --slug and --force. runF, when nil, writes the page
// with scaffold.New.
func newEntryCmd(ios *IO, typeName string, runF func(*NewEntryOptions) error, cmd *cobra.Command) *cobra.Command {
	opts := &NewEntryOptions{IO: ios, Type: model.TypeNamed(typeName), Options: scaffold.Options{Values: map[string]any{}}}
	if runF == nil {
		runF = newEntryRun
	}
	cmd.Args = usageArgs(cobra.ExactArgs(1))
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		opts.Site = siteDir(cmd)
		opts.Title = args[0]
		return runF(opts)
	}
	addFieldFlags(cmd, opts.Type, opts.Values)
	cmd.Flags().StringVar(&opts.Slug, "slug", "", "the file name, without .md (default: the title's slug)")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "overwrite the file if it exists")
	return cmd
}

func newEntryRun(opts *NewEntryOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *siteio.Site) (scaffold.Result, string, error) {
		res, err := scaffold.New(site, opts.Type, opts.Options)
		return res, "", err
	})
}

// scaffoldError turns the scaffold's errors about what the user typed (a
// title or slug, a flag's value, a folder that is not a site) into usage errors (exit code
// 2); others (a file that exists, a folder outside the site) stay problems
// (exit code 1).
func scaffoldError(err error) error {
	var name *scaffold.NameError
	var site *siteio.SiteError
	if errors.As(err, &name) || errors.As(err, &site) {
		return &UsageError{err}
	}
	var value *scaffold.ValueError // new site's --theme-path
	if errors.As(err, &value) {
		return &UsageError{fmt.Errorf("--%s", err)}
	}
	return err
}

// writeNew opens the site, writes one new content file with write and
// reports it, with extra after the file's name.
func writeNew(ios *IO, siteDir string, write func(*siteio.Site) (res scaffold.Result, extra string, err error)) error {
	site, err := siteio.Open(siteDir)
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

// printWritten reports a new page, with a note for each required field that
// holds the model's example because the user gave no value.
func printWritten(ios *IO, res scaffold.Result, extra string) {
	fmt.Fprintf(ios.Out, "wrote %s%s\n", res.Path, extra)
	for _, f := range res.Examples {
		fmt.Fprintf(ios.ErrOut, "note: %s is the example %s; edit it in %s", f.Name, exampleText(f), res.Path)
		if f.Flag != "" {
			fmt.Fprintf(ios.ErrOut, ", or pass --%s", f.Flag)
		}
		fmt.Fprintln(ios.ErrOut)
	}
}

func exampleText(f model.Field) string {
	if f.Kind == model.Int {
		return f.Example
	}
	return strconv.Quote(f.Example)
}

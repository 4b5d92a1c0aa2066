// Package cli wires labtool's Cobra commands. It holds no logic of its own:
// each command parses its flags into an options struct and calls a domain
// package (content, scaffold, validate, importer).
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes, the same for every command.
const (
	ExitOK       = 0 // success; validate found nothing
	ExitProblems = 1 // the command failed, or validate found problems
	ExitUsage    = 2 // bad flags or arguments
)

// IO is where commands read and write, injected so tests capture it.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// UsageError marks a mistake in how the command was called: exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// SilentError ends a command with Code after it has already printed what the
// user needs to know (validate's diagnostics, for example).
type SilentError struct{ Code int }

func (e *SilentError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// Main runs labtool with args and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ios := &IO{In: stdin, Out: stdout, ErrOut: stderr}
	root := NewRootCmd(ios)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	return exitCode(ios, cmd, err)
}

// exitCode maps a command's error to an exit code, printing it unless it
// is silent. It is the one place where errors become exit codes.
func exitCode(ios *IO, cmd *cobra.Command, err error) int {
	if err == nil {
		return ExitOK
	}
	var silent *SilentError
	if errors.As(err, &silent) {
		return silent.Code
	}
	fmt.Fprintf(ios.ErrOut, "labtool: %v\n", err)
	var usage *UsageError
	if errors.As(err, &usage) || isCobraUsageError(err) {
		if cmd != nil {
			fmt.Fprintf(ios.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
		return ExitUsage
	}
	return ExitProblems
}

// NewRootCmd builds the labtool command tree.
func NewRootCmd(ios *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "labtool",
		Short: "Scaffold, validate and import the content of a labsite research-group website",
		Long: `labtool works on the labsite Hugo site in the current folder, or the one
given with --site. It adds research themes, people, publications and news
that are valid from the start, checks every content file in one run, and
imports BibTeX.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().String("site", ".", "the site's root folder")
	root.AddCommand(
		newCmdNew(ios),
		newCmdValidate(ios),
		newCmdCheck(ios),
		newCmdDoctor(ios),
		newCmdSchema(ios),
		newCmdImport(ios),
		newCmdPeople(ios),
		newCmdExport(ios),
		newCmdVersion(ios),
	)
	// Cobra's completion command shows its help for a shell it does not
	// know; make that a usage error instead.
	root.InitDefaultCompletionCmd()
	if completion, _, err := root.Find([]string{"completion"}); err == nil && completion != root {
		completion.Args = usageArgs(cobra.NoArgs)
		completion.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
	return root
}

// flagError makes a bad flag a usage error (exit code 2). A value the
// content model rejects says so as validate would: "--role: …".
func flagError(_ *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		if _, ok := invalid.GetFlag().Value.(*fieldFlag); ok {
			err = fmt.Errorf("--%s: %w", invalid.GetFlag().Name, invalid.Unwrap())
		}
	}
	return &UsageError{err}
}

// checkFormat checks the --format flag of validate, check and doctor.
func checkFormat(format string) error {
	switch format {
	case "text", "json", "github":
		return nil
	}
	return &UsageError{fmt.Errorf("--format must be text, json or github, not %q", format)}
}

// usageArgs wraps a Cobra argument check so that its failure is a usage
// error (exit code 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &UsageError{err}
		}
		return nil
	}
}

// isCobraUsageError reports errors Cobra raises itself, before any command
// runs, for a command name it does not know.
func isCobraUsageError(err error) bool {
	return strings.HasPrefix(err.Error(), "unknown command ")
}

// siteDir returns the --site flag's value.
func siteDir(cmd *cobra.Command) string {
	dir, _ := cmd.Flags().GetString("site")
	return dir
}

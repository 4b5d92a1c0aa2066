package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// fieldFlag is the one flag type of the new commands: it sets a field of
// the content model, and the model checks and normalises each value as the
// flag is parsed (scaffold.CheckValue), so a bad value is a usage error
// before anything runs and the CLI checks nothing itself.
type fieldFlag struct {
	f      model.Field
	values map[string]any
	// item is set on a list's ItemFlag: the value is one item, commas and
	// all, where the list's own flag splits its value at commas.
	item bool
}

func (v *fieldFlag) String() string { return "" }

func (v *fieldFlag) Type() string {
	switch {
	case v.item:
		return "string"
	case len(v.f.Enum) > 0:
		return "enum"
	}
	switch v.f.Kind {
	case model.Int:
		return "int"
	case model.Date:
		return "date"
	case model.StringList:
		return "list"
	}
	return "string"
}

func (v *fieldFlag) Set(s string) error {
	var val any = s
	switch v.f.Kind {
	case model.Int:
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%q is not a whole number", s)
		}
		val = n
	case model.StringList:
		items := []string{s}
		if !v.item {
			items = splitList(s)
		}
		old, _ := v.values[v.f.Name].([]string)
		val = append(old, items...)
	}
	checked, err := scaffold.CheckValue(v.f, val)
	if err != nil {
		var value *scaffold.ValueError
		if errors.As(err, &value) {
			return value.Err
		}
		return err
	}
	v.values[v.f.Name] = checked
	return nil
}

// addFieldFlags gives cmd a flag for each field of t that the model offers
// to labtool new, with help and completions from the model, setting values.
func addFieldFlags(cmd *cobra.Command, t *model.Type, values map[string]any) {
	for _, f := range t.Fields {
		if f.Flag == "" {
			continue
		}
		cmd.Flags().Var(&fieldFlag{f: f, values: values}, f.Flag, flagHelp(f))
		if f.ItemFlag != "" {
			cmd.Flags().Var(&fieldFlag{f: f, values: values, item: true}, f.ItemFlag,
				fmt.Sprintf("one of the %s, commas and all (repeat the flag for each, in order)", f.Name))
		}
		completions := f.Enum
		if f.Format == model.Color {
			completions = model.DefaultPalette
		}
		if completions != nil {
			_ = cmd.RegisterFlagCompletionFunc(f.Flag, cobra.FixedCompletions(completions, cobra.ShellCompDirectiveNoFileComp))
		}
	}
}

// flagHelp is a field's documentation as a flag's help: the model's
// sentence, and what values the flag takes.
func flagHelp(f model.Field) string {
	help := strings.TrimSuffix(f.Doc, ".")
	if len(help) > 1 && unicode.IsLower(rune(help[1])) {
		help = strings.ToLower(help[:1]) + help[1:] // "The DOI" → "the DOI"
	}
	switch {
	case len(f.Enum) > 0:
		help += ": " + strings.Join(f.Enum, ", ")
	case f.Kind == model.Date && f.Required:
		help += ", YYYY-MM-DD (default: today)"
	case f.Kind == model.StringList:
		help += ", separated by commas"
	}
	return help
}

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

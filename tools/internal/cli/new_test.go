package cli

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/spf13/cobra"
)

// runSub runs one `new` subcommand under a root that has the --site flag,
// with args, and returns its error.
func runSub(t *testing.T, cmd *cobra.Command, args ...string) error {
	t.Helper()
	root := &cobra.Command{Use: "labtool", SilenceErrors: true, SilenceUsage: true}
	root.PersistentFlags().String("site", ".", "")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(cmd)
	root.SetArgs(append([]string{cmd.Name()}, args...))
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&bytes.Buffer{})
	return root.Execute()
}

func testIO() *IO { return &IO{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}} }

func TestNewPublicationFlags(t *testing.T) {
	var got *NewEntryOptions
	cmd := newCmdNewPublication(testIO(), func(o *NewEntryOptions) error { got = o; return nil })
	err := runSub(t, cmd, "Title", "--authors", "A. Author, B. Author,", "--author", "Costa, Rui Ponte", "--site", "lab", "--type", "preprint", "--doi", "https://doi.org/10.1000/X")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A. Author", "B. Author", "Costa, Rui Ponte"}; !slices.Equal(got.Values["authors"].([]string), want) {
		t.Errorf("authors %q, want %q", got.Values["authors"], want)
	}
	// The model normalises as the flag is parsed: a DOI link is written bare.
	if got.Site != "lab" || got.Title != "Title" || got.Values["pubtype"] != "preprint" || got.Values["doi"] != "10.1000/X" {
		t.Errorf("options %+v", got)
	}
}

// --weight 0 is a weight, not the absence of one.
func TestNewThemeWeightFlag(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		weight any
	}{
		{[]string{"T"}, nil},
		{[]string{"T", "--weight", "0"}, 0},
		{[]string{"T", "--weight", "-5"}, -5},
	} {
		var got *NewEntryOptions
		cmd := newCmdNewTheme(testIO(), func(o *NewEntryOptions) error { got = o; return nil })
		if err := runSub(t, cmd, tc.args...); err != nil {
			t.Fatal(err)
		}
		if w := got.Values["weight"]; w != tc.weight {
			t.Errorf("%v: weight %v, want %v", tc.args, w, tc.weight)
		}
	}
}

// A value the model rejects is a usage error before anything runs, for
// every kind of flag the model makes.
func TestNewBadFlagValues(t *testing.T) {
	for _, tc := range []struct {
		cmd  func(*IO, func(*NewEntryOptions) error) *cobra.Command
		args []string
	}{
		{newCmdNewTheme, []string{"T", "--color", "#12345"}},
		{newCmdNewTheme, []string{"T", "--weight", "first"}},
		{newCmdNewPerson, []string{"A", "--role", "boss"}},
		{newCmdNewPerson, []string{"A", "--email", "ada at example"}},
		{newCmdNewPublication, []string{"T", "--date", "4 March 2026"}},
		{newCmdNewPublication, []string{"T", "--type", "blog"}},
		{newCmdNewPublication, []string{"T", "--author", " "}},
		{newCmdNewNews, []string{"T", "--date", "31/01/2026"}},
	} {
		ran := false
		err := runSub(t, tc.cmd(testIO(), func(*NewEntryOptions) error { ran = true; return nil }), tc.args...)
		var usage *UsageError
		if !errors.As(err, &usage) || ran {
			t.Errorf("%v: got %v (ran %v), want a usage error", tc.args, err, ran)
		}
	}
}

// Every field the model offers to labtool new is a flag of its command,
// with the model's documentation as help and its enum as completions.
func TestNewFlagsComeFromTheModel(t *testing.T) {
	for _, tc := range []struct {
		cmd  func(*IO, func(*NewEntryOptions) error) *cobra.Command
		name string
	}{
		{newCmdNewTheme, "theme"}, {newCmdNewPerson, "person"}, {newCmdNewPublication, "publication"}, {newCmdNewNews, "news"},
	} {
		cmd := tc.cmd(testIO(), nil)
		for _, f := range model.TypeNamed(tc.name).Fields {
			if f.Flag == "" {
				continue
			}
			fl := cmd.Flags().Lookup(f.Flag)
			if fl == nil {
				t.Errorf("new %s has no --%s", tc.name, f.Flag)
				continue
			}
			if !strings.HasPrefix(strings.ToLower(fl.Usage), strings.ToLower(strings.TrimSuffix(f.Doc, "."))) {
				t.Errorf("new %s --%s: help %q, want the model's %q", tc.name, f.Flag, fl.Usage, f.Doc)
			}
			if len(f.Enum) > 0 {
				fn, ok := cmd.GetFlagCompletionFunc(f.Flag)
				if !ok {
					t.Errorf("new %s --%s: no completions", tc.name, f.Flag)
					continue
				}
				if got, _ := fn(cmd, nil, ""); !slices.Equal(got, f.Enum) {
					t.Errorf("new %s --%s completes %q, want %q", tc.name, f.Flag, got, f.Enum)
				}
			}
		}
	}
}

func TestNewSiteNewsPersonFlags(t *testing.T) {
	var site *NewSiteOptions
	if err := runSub(t, newCmdNewSite(testIO(), func(o *NewSiteOptions) error { site = o; return nil }), "mylab", "--theme-path", "../theme"); err != nil {
		t.Fatal(err)
	}
	if site.Dir != "mylab" || site.Title != "My Lab" || site.ThemePath != "../theme" || site.Force {
		t.Errorf("new site options %+v", site)
	}
	var news *NewEntryOptions
	if err := runSub(t, newCmdNewNews(testIO(), func(o *NewEntryOptions) error { news = o; return nil }), "Out now", "--slug", "out", "-f"); err != nil {
		t.Fatal(err)
	}
	if news.Title != "Out now" || news.Slug != "out" || !news.Force || len(news.Values) != 0 {
		t.Errorf("new news options %+v", news)
	}
	var person *NewEntryOptions
	if err := runSub(t, newCmdNewPerson(testIO(), func(o *NewEntryOptions) error { person = o; return nil }), "Ada", "--role", "pi", "--email", "a@b.org"); err != nil {
		t.Fatal(err)
	}
	if person.Title != "Ada" || person.Values["role"] != "pi" || person.Values["email"] != "a@b.org" || person.Site != "." {
		t.Errorf("new person options %+v", person)
	}
}

package cli

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// runSub runs one `new` subcommand under a root that has the --site flag,
// with args, and returns its error.
func runSub(t *testing.T, cmd *cobra.Command, args ...string) error {
	t.Helper()
	root := &cobra.Command{Use: "labtool", SilenceErrors: true, SilenceUsage: true}
	root.PersistentFlags().String("site", ".", "")
	root.AddCommand(cmd)
	root.SetArgs(append([]string{cmd.Name()}, args...))
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&bytes.Buffer{})
	return root.Execute()
}

func testIO() *IO { return &IO{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}} }

func TestNewPublicationFlags(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
	var got *NewPublicationOptions
	cmd := newCmdNewPublication(testIO(), func(o *NewPublicationOptions) error { got = o; return nil })
	err := runSub(t, cmd, "Title", "--authors", "A. Author, B. Author,", "--author", "Costa, Rui Ponte", "--site", "lab", "--type", "preprint")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A. Author", "B. Author", "Costa, Rui Ponte"}; !slices.Equal(got.Authors, want) {
		t.Errorf("authors %q, want %q", got.Authors, want)
	}
	if got.Date != "2026-01-01" || got.Site != "lab" || got.Title != "Title" || got.Type != "preprint" {
		t.Errorf("options %+v", got)
	}
}

// --weight 0 is a weight, not the absence of one.
func TestNewThemeWeightFlag(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		weight *int
	}{
		{[]string{"T"}, nil},
		{[]string{"T", "--weight", "0"}, new(0)},
		{[]string{"T", "--weight", "-5"}, new(-5)},
	} {
		var got *NewThemeOptions
		cmd := newCmdNewTheme(testIO(), func(o *NewThemeOptions) error { got = o; return nil })
		if err := runSub(t, cmd, tc.args...); err != nil {
			t.Fatal(err)
		}
		if (got.Weight == nil) != (tc.weight == nil) || (got.Weight != nil && *got.Weight != *tc.weight) {
			t.Errorf("%v: weight %v, want %v", tc.args, got.Weight, tc.weight)
		}
	}
}

// A bad colour is a usage error before anything runs.
func TestNewThemeBadColour(t *testing.T) {
	ran := false
	cmd := newCmdNewTheme(testIO(), func(*NewThemeOptions) error { ran = true; return nil })
	err := runSub(t, cmd, "T", "--color", "#12345")
	var usage *UsageError
	if !errors.As(err, &usage) || ran {
		t.Errorf("got %v (ran %v), want a usage error", err, ran)
	}
}

func TestDateFlag(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225599") // 2025-12-31T23:59:59Z
	if d, err := dateFlag(""); err != nil || d != "2025-12-31" {
		t.Errorf("default date %q, %v", d, err)
	}
	if d, err := dateFlag("2026-03-04"); err != nil || d != "2026-03-04" {
		t.Errorf("given date %q, %v", d, err)
	}
	var usage *UsageError
	if _, err := dateFlag("4 March 2026"); !errors.As(err, &usage) {
		t.Errorf("bad date: %v", err)
	}
}

func TestNewSiteNewsPersonFlags(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	var site *NewSiteOptions
	if err := runSub(t, newCmdNewSite(testIO(), func(o *NewSiteOptions) error { site = o; return nil }), "mylab", "--theme-path", "../theme"); err != nil {
		t.Fatal(err)
	}
	if site.Dir != "mylab" || site.Title != "My Lab" || site.ThemePath != "../theme" || site.Force {
		t.Errorf("new site options %+v", site)
	}
	var news *NewNewsOptions
	if err := runSub(t, newCmdNewNews(testIO(), func(o *NewNewsOptions) error { news = o; return nil }), "Out now", "--slug", "out", "-f"); err != nil {
		t.Fatal(err)
	}
	if news.Title != "Out now" || news.Date != "2026-01-01" || news.Slug != "out" || !news.Force {
		t.Errorf("new news options %+v", news)
	}
	var person *NewPersonOptions
	if err := runSub(t, newCmdNewPerson(testIO(), func(o *NewPersonOptions) error { person = o; return nil }), "Ada", "--role", "pi", "--email", "a@b.org"); err != nil {
		t.Fatal(err)
	}
	if person.Name != "Ada" || person.Role != "pi" || person.Email != "a@b.org" || person.Site != "." {
		t.Errorf("new person options %+v", person)
	}
}

package validate

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A date without a zone is read in the site's timeZone, as Hugo reads it:
// the same text is in the future in UTC and in the past twelve hours
// east of it.
func TestFutureDateUsesSiteTimeZone(t *testing.T) {
	inAnHour := time.Now().UTC().Add(time.Hour).Format("2006-01-02T15:04:05")
	for _, tc := range []struct {
		config string
		warn   bool
	}{
		{`title = "Lab"`, true},
		{"title = \"Lab\"\ntimeZone = \"Etc/GMT+12\"", true},
		{"title = \"Lab\"\ntimeZone = \"Etc/GMT-12\"", false},
	} {
		dir := t.TempDir()
		for name, text := range map[string]string{
			"hugo.toml":         tc.config,
			"content/news/a.md": "---\ntitle: A\ndate: " + inAnHour + "\n---\n",
		} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r, err := Site(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		warned := len(r.Diagnostics) == 1 && r.Diagnostics[0].Rule == RuleFutureDate
		if warned != tc.warn || len(r.Diagnostics) > 1 {
			t.Errorf("%s, date %s: diagnostics %v, want a future-date warning: %v", tc.config, inAnHour, r.Diagnostics, tc.warn)
		}
	}
}

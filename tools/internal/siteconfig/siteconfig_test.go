package siteconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLocation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
		err   string
	}{
		{"none", map[string]string{"hugo.toml": `title = "x"`}, "UTC", ""},
		{"root toml", map[string]string{"hugo.toml": `timeZone = "Pacific/Auckland"`}, "Pacific/Auckland", ""},
		{"any case, yaml", map[string]string{"hugo.yaml": "timezone: Asia/Tokyo\n"}, "Asia/Tokyo", ""},
		{"config/_default wins", map[string]string{"hugo.toml": `timeZone = "Asia/Tokyo"`, "config/_default/hugo.toml": `timeZone = "America/New_York"`}, "America/New_York", ""},
		{"not a zone", map[string]string{"hugo.toml": `timeZone = "Mars/Olympus"`}, "", `hugo.toml: timeZone "Mars/Olympus" is not a time zone`},
		{"broken file", map[string]string{"hugo.toml": `timeZone = `}, "", `hugo.toml:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tc.files {
				write(t, dir, name, text)
			}
			loc, err := Location(dir)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if loc.String() != tc.want {
				t.Errorf("location %s, want %s", loc, tc.want)
			}
		})
	}
}

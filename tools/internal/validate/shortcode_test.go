package validate

import (
	"maps"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugoShortcodes checks the built-in shortcodes validate knows, and
// which of them take inner content, against the templates embedded in the
// pinned Hugo module.
func TestHugoShortcodes(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/gohugoio/hugo").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	got := map[string]bool{}
	readShortcodes(filepath.Join(strings.TrimSpace(string(out)), "tpl", "tplimpl", "embedded", "templates", "_shortcodes"), got)
	// Hugo's partial for its own *_simple shortcodes' CSS.
	delete(got, "1__h_simple_assets")
	if !maps.Equal(got, hugoShortcodes) {
		t.Errorf("Hugo's shortcodes are\n%v\nvalidate knows\n%v", got, hugoShortcodes)
	}
}

// TestThemeShortcodes checks the labsite theme's shortcodes validate
// knows against theme/layouts/_shortcodes.
func TestThemeShortcodes(t *testing.T) {
	got := map[string]bool{}
	readShortcodes(filepath.Join("..", "..", "..", "theme", "layouts", "_shortcodes"), got)
	if !maps.Equal(got, themeShortcodes) {
		t.Errorf("the theme's shortcodes are\n%v\nvalidate knows\n%v", got, themeShortcodes)
	}
}

// TestReadsInner checks how a template is found to take inner content:
// as Hugo finds it, from a field or variable named Inner or InnerDeindent
// in a command, wherever the command is.
func TestReadsInner(t *testing.T) {
	for text, want := range map[string]bool{
		`{{ .Inner }}`: true,
		`{{ with .Get "x" }}{{ $.InnerDeindent }}{{ end }}`: true,
		`{{ .Inner | markdownify }}`:                        true,
		`{{ partial "x" (dict "c" .Inner) }}`:               true,
		`{{ if true }}{{ else }}{{ .Inner }}{{ end }}`:      true,
		`{{ .Get "Inner" }}`:                                false,
		`{{/* .Inner */}}<p>{{ .Get 0 }}</p>`:               false,
		`{{ .Page.Title }}`:                                 false,
	} {
		if got := readsInner(text); got != want {
			t.Errorf("readsInner(%q) = %v, want %v", text, got, want)
		}
	}
}

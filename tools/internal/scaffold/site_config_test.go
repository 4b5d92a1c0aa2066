package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/model"

	"github.com/pelletier/go-toml/v2"
)

// A site brought over from another tool (labtool import jekyll) keeps its
// settings in hugo.toml, encoded by go-toml, and gets no example content.
func TestNewSiteBareWithConfig(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	res, err := NewSite(dir, SiteOptions{
		Title: `Lab "quoted" \ name`,
		Bare:  true,
		Config: SiteConfig{
			BaseURL:    "https://lab.example.org/sub/",
			TimeZone:   "Europe/Lisbon",
			Permalinks: map[string]string{"news": "/:year/:month/:slug/"},
			Menu:       []MenuEntry{{Name: `About "us"`, PageRef: "/about", Weight: 50}},
			Labsite: map[string]any{
				"name":   `Lab "quoted" \ name`,
				"email":  "lab@example.org",
				"social": []map[string]string{{"name": "GitHub", "url": "https://github.com/x"}},
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 4 {
		t.Errorf("a bare site has hugo.toml, go.mod, netlify.toml and .gitignore; wrote %v", res.Files)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		t.Error("a bare site has no content skeleton")
	}
	data, err := os.ReadFile(filepath.Join(dir, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		BaseURL    string            `toml:"baseURL"`
		TimeZone   string            `toml:"timeZone"`
		Title      string            `toml:"title"`
		Permalinks map[string]string `toml:"permalinks"`
		Menus      struct {
			Main []MenuEntry `toml:"main"`
		} `toml:"menus"`
		Params struct {
			Labsite struct {
				Name   string              `toml:"name"`
				Email  string              `toml:"email"`
				Social []map[string]string `toml:"social"`
			} `toml:"labsite"`
		} `toml:"params"`
	}
	if err := toml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("hugo.toml does not parse: %v\n%s", err, data)
	}
	if cfg.BaseURL != "https://lab.example.org/sub/" || cfg.TimeZone != "Europe/Lisbon" || cfg.Title != `Lab "quoted" \ name` {
		t.Errorf("baseURL, timeZone, title = %q, %q, %q", cfg.BaseURL, cfg.TimeZone, cfg.Title)
	}
	if m := cfg.Menus.Main; len(m) != 5 || m[4] != (MenuEntry{Name: `About "us"`, PageRef: "/about", Weight: 50}) {
		t.Errorf("menus.main = %+v, want labsite's four entries and About \"us\"", m)
	}
	if cfg.Permalinks["news"] != "/:year/:month/:slug/" {
		t.Errorf("permalinks = %v", cfg.Permalinks)
	}
	l := cfg.Params.Labsite
	if l.Name != `Lab "quoted" \ name` || l.Email != "lab@example.org" || !reflect.DeepEqual(l.Social, []map[string]string{{"name": "GitHub", "url": "https://github.com/x"}}) {
		t.Errorf("params.labsite = %+v", l)
	}
}

// A page that extends a data entry gets no example for the required
// fields it lacks: the entry gives them.
func TestEntryExtendsHasNoExamples(t *testing.T) {
	e := Entry{Type: model.TypeNamed("publication"), Title: "A paper", Body: "More on it.", Extends: true}
	data, examples, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) != 0 || strings.Contains(string(data), "authors") || strings.Contains(string(data), "date") {
		t.Errorf("examples %v in:\n%s", examples, data)
	}
	e.Extends = false
	if _, examples, _ := e.Render(); len(examples) == 0 {
		t.Error("without Extends, the required authors and date hold examples")
	}
}

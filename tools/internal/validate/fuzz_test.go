package validate

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/frontmatter"
)

// fuzzPaths are the files FuzzValidateFile checks its input as: one of
// each content type, a section page and a bundle.
var fuzzPaths = []string{
	"content/research/planning.md",
	"content/people/ada/index.md",
	"content/publications/paper.md",
	"content/news/out.md",
	"content/research/_index.md",
	"content/about.md",
}

// fuzzSite is a small site for the per-file rules to look things up in.
func fuzzSite() *site {
	return &site{
		files:       map[string]bool{"assets/a.svg": true, "static/cv.pdf": true, "content/people/ada/portrait.svg": true},
		assetDirs:   []string{"assets", "static"},
		leafBundles: map[string]bool{"content/people/ada": true},
		slugs: map[string]map[string]bool{
			"person": {"ada": true, "grace-hopper": true},
			"theme":  {"planning": true},
		},
		bib:        map[string]bool{"landhuis2017": true, "lauer2021": true},
		shortcodes: siteShortcodes(".", nil),
	}
}

// FuzzValidateFile runs front-matter parsing and every per-file rule on
// arbitrary bytes, as any of the paths in fuzzPaths, then the rules that
// compare files. It must never panic, and every diagnostic must point into
// the file, name a known rule and carry the text of its line. A lazy read
// (frontmatter.Parser.Lazy) must find a problem whenever a full read does.
//
//	go test ./tools/internal/validate -run '^$' -fuzz FuzzValidateFile -fuzztime 2m
func FuzzValidateFile(f *testing.F) {
	f.Add(uint8(0), []byte("---\ntitle: Planning\ncolor: \"#538d5f\"\nweight: 10\npeople: [ada]\n---\nText {{< cite \"landhuis2017\" >}}.\n"))
	f.Add(uint8(2), []byte("+++\ntitle = \"Paper\"\nauthors = [\"Ada\"]\ndate = 2026-01-05\n+++\n"))
	f.Add(uint8(1), []byte("{\"title\": \"Ada\", \"role\": \"pi\", \"image\": \"portrait.svg\"}\n"))
	s := fuzzSite()
	var parser frontmatter.Parser
	ids := map[string]bool{}
	for _, r := range Rules {
		ids[r.ID] = true
	}
	lazy := frontmatter.Parser{Lazy: true}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		rel := fuzzPaths[int(kind)%len(fuzzPaths)]
		res := s.checkFile(&parser, rel, data)
		// Site reads a file lazily first, and fully only if that finds
		// something.
		if quick := s.checkFile(&lazy, rel, data); len(quick.diags) == 0 && len(res.diags) > 0 {
			t.Fatalf("read lazily, the file has no problem; read fully, %v", res.diags[0])
		}
		text := bytes.TrimPrefix(data, []byte("\uFEFF"))
		lines := bytes.Count(text, []byte{'\n'}) + 1
		diags := slices.Concat(res.diags,
			duplicateURLs([]string{rel, rel + ".copy"}, []fileResult{res, res}),
			duplicateWeights([]string{rel, rel + ".copy"}, []fileResult{res, res}))
		for _, d := range diags {
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("%v is outside the file's %d lines", d, lines)
			}
			if !ids[d.Rule] || d.Message == "" || !strings.HasPrefix(d.Path, rel) {
				t.Fatalf("malformed diagnostic %+v", d)
			}
			// An empty file has nothing to show.
			if line, ok := frontmatter.LineText(text, d.Line); ok && d.Rule != RuleEmptyFile && d.source != strings.ToValidUTF8(line, "\uFFFD") {
				t.Fatalf("%v carries the source %q, not line %d %q", d, d.source, d.Line, line)
			}
		}
	})
}

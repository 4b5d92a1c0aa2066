package jekyll

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzConvertBody feeds any text to the body converter, as a Markdown and
// as an HTML page: it must not panic, and what it writes must keep no
// HTML element a visitor would lose (everything becomes Markdown, a
// shortcode, or text).
func FuzzConvertBody(f *testing.F) {
	for _, seed := range []string{
		"<header>a (Smith et al. 2020) <br><br> b (Fig. 1a)</header>",
		"<div><img src=x.png><b>Figure 1: T.</b> (<b>a</b>) x</div>",
		"<h4 style=\"color:#abc\">T</h4><header>x</header><hr>{% include footer.html %}",
		"{% raw %}{{ x }}{% endraw %} {% highlight go %}x{% endhighlight %} {% comment %}c{% endcomment %}",
		"{% for p in site.posts %}{{ p.title }}{% endfor %} {{ 'a' | relative_url }}",
		"<ul><li>a<ol><li>b</li></ol></li></ul><table><tr><td>x</td></tr></table>",
		"```\n<div>code</div>\n```\n`<b>` <https://x.org> [a](/b \"t\") ![](c.png)",
		"{% include figure.html path=\"a.png\" caption=\"c\" %}{% link a.md %}{% post_url 2020-01-01-x %}",
		"(A 2020; B and C 2021a) D et al. (2019) {% cite k1 k2 %} {: .x}",
		"<script>x</script><style>y</style><iframe src=v></iframe><span style=\"color:red\">s</span>",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	for _, name := range []string{"seed/src/research.md", "al-folio/src/_projects/1_project.md", "academicpages/src/_talks/2013-03-01-talk-2.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), false)
	}
	f.Fuzz(func(t *testing.T, body string, isHTML bool) {
		imp := &importer{
			src: t.TempDir(), report: &Report{}, byBase: map[string][]string{},
			out: map[string][]byte{}, origin: map[string]string{}, assets: map[string]string{}, assetUse: map[string]int{},
			dest: map[string]string{}, posts: map[string]string{}, urls: map[string]string{}, people: map[string]*personPage{},
		}
		s := &source{rel: "page.md", body: body, bodyLine: 1, html: isHTML, used: map[string]bool{}}
		c := imp.convertBody(s, bodyOptions{research: true})
		for _, out := range append([]string{c.body}, themeBodies(c)...) {
			if strings.ContainsRune(out, '\uE000') || strings.ContainsRune(out, '\uE001') {
				t.Errorf("a placeholder is left in the output:\n%q", out)
			}
		}
		for _, it := range imp.report.Items {
			if it.Line < 0 || it.Line > strings.Count(body, "\n")+1 {
				t.Errorf("item at line %d of a %d-line body: %s", it.Line, strings.Count(body, "\n")+1, it)
			}
		}
	})
}

func themeBodies(c converted) []string {
	var out []string
	for _, th := range c.themes {
		out = append(out, th.body)
	}
	return out
}

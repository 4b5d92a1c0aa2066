package browser

import "testing"

// TestExampleSite builds the exampleSite once and checks it in Chromium:
// the research page's layout, colours and screenshots; citations that
// lead to their references; axe-core on every page.
func TestExampleSite(t *testing.T) {
	requireChromium(t) // before the build: no browser, nothing to check it in
	s := buildSite(t)
	t.Run("research", func(t *testing.T) { testResearch(t, s) })
	t.Run("citations", func(t *testing.T) { testCitations(t, s) })
	t.Run("axe", func(t *testing.T) { testAxe(t, s) })
}

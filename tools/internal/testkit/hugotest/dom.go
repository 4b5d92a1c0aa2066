package hugotest

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Doc is a parsed HTML page.
type Doc struct {
	*html.Node
	// Name is the page's path in the built site, for messages.
	Name string
}

// Element is one HTML element.
type Element struct{ *html.Node }

// All returns every element of the tree below n (n included) that match
// accepts, in document order.
func All(n *html.Node, match func(Element) bool) []Element {
	var out []Element
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(Element{n}) {
			out = append(out, Element{n})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// Tag matches elements by tag name.
func Tag(name string) func(Element) bool {
	return func(e Element) bool { return e.Data == name }
}

// Class matches elements carrying the class.
func Class(name string) func(Element) bool {
	return func(e Element) bool { return e.HasClass(name) }
}

// Find returns the elements of the page that match.
func (d *Doc) Find(match func(Element) bool) []Element { return All(d.Node, match) }

// Find returns the elements below e that match.
func (e Element) Find(match func(Element) bool) []Element {
	var out []Element
	for c := e.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, All(c, match)...)
	}
	return out
}

// Attr returns the attribute's value and whether it is present.
func (e Element) Attr(name string) (string, bool) {
	for _, a := range e.Node.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// HasClass reports whether the element's class list holds name.
func (e Element) HasClass(name string) bool {
	class, _ := e.Attr("class")
	return slices.Contains(strings.Fields(class), name)
}

// Text returns the element's text with white space collapsed.
func (e Element) Text() string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(e.Node)
	return strings.Join(strings.Fields(b.String()), " ")
}

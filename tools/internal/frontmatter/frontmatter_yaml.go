package frontmatter

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/gohugoio/hugo/parser/metadecoders"
	yaml "go.yaml.in/yaml/v3"
)

// parseYAML parses YAML front matter with go.yaml.in/yaml/v3.
func (d *Document) parseYAML() error {
	node, err := d.yamlNode()
	if err != nil {
		return d.finish(Errors{d.yamlError(err)})
	}
	d.node = node
	conv := yamlConverter{d: d}
	root := node
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	// Anything but a mapping Hugo's decoder refuses, or reads as no front
	// matter (an empty block, a null).
	if root.Kind == yaml.MappingNode {
		d.Entries = conv.entries(root)
	}
	return d.finish(conv.errs)
}

// YAMLNode returns the YAML front matter as a go.yaml.in/yaml/v3 document
// node, comments and key order kept, for editing in place; its lines are
// the file's lines. It is nil for other formats. The node is parsed on the
// first call and kept.
func (d *Document) YAMLNode() (*yaml.Node, error) {
	if d.Format != YAMLFrontMatter {
		return nil, nil
	}
	if d.node != nil {
		return d.node, nil
	}
	node, err := d.yamlNode()
	if err != nil {
		return nil, Errors{d.yamlError(err)}
	}
	d.node = node
	return node, nil
}

// yamlNode parses Raw and moves every node to its position in the file.
func (d *Document) yamlNode() (*yaml.Node, error) {
	var node yaml.Node
	if err := yaml.Unmarshal(d.Raw, &node); err != nil {
		return nil, err
	}
	lines := yamlLineStarts(d.Raw)
	cur := newCursor(d.Src)
	seen := map[*yaml.Node]bool{}
	var move func(n *yaml.Node)
	move = func(n *yaml.Node) {
		if seen[n] {
			return
		}
		seen[n] = true
		if n.Line > 0 {
			p := d.yamlPos(cur, lines, n.Line, n.Column)
			n.Line, n.Column = p.Line, p.Col
		}
		for _, c := range n.Content {
			move(c)
		}
	}
	move(&node)
	return &node, nil
}

// yamlLineStarts returns the offsets in raw where the YAML parser's lines
// start. Besides "\n" it breaks lines at a lone "\r" and at U+0085, U+2028
// and U+2029, which files do not count as line breaks.
func yamlLineStarts(raw []byte) []int {
	starts := []int{0}
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		switch {
		case r == '\r' && i+1 < len(raw) && raw[i+1] == '\n':
			size = 2
			fallthrough
		case r == '\r', r == '\n', r == 0x85, r == 0x2028, r == 0x2029:
			starts = append(starts, i+size)
		}
		i += size
	}
	return starts
}

// yamlPos converts a line and column of the YAML parser, 1-based, to a
// position in the file.
func (d *Document) yamlPos(cur *cursor, lines []int, line, col int) Pos {
	if line < 1 {
		line = 1
	}
	if line > len(lines) {
		return cur.at(d.RawOffset + len(d.Raw))
	}
	off := lines[line-1]
	for ; col > 1 && off < len(d.Raw); col-- {
		_, size := utf8.DecodeRune(d.Raw[off:])
		off += size
	}
	return cur.at(d.RawOffset + off)
}

// yamlError turns a go.yaml.in/yaml/v3 error into an Error: Hugo's own
// error, at its line and column, when Hugo refuses the front matter too.
func (d *Document) yamlError(err error) *Error {
	if _, herr := metadecoders.Default.UnmarshalToMap(d.Raw, metadecoders.YAML); herr != nil {
		return d.hugoError(herr)
	}
	return &Error{Kind: SyntaxError, Pos: Pos{d.RawLine, 1}, Msg: "invalid YAML front matter: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

// maxYAMLValues bounds the values one front matter may expand to through
// aliases, as Hugo bounds them, against a "billion laughs" document.
const maxYAMLValues = 100_000

var errTooManyValues = errors.New("too many values: aliases expand the front matter beyond 100000 values")

// yamlConverter turns yaml.v3 nodes into Values, collecting errors.
type yamlConverter struct {
	d      *Document
	errs   Errors
	values int
}

func (c *yamlConverter) entries(n *yaml.Node) []*Entry {
	entries := make([]*Entry, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			continue // Hugo's decoder refuses it
		}
		val := c.value(v, 0)
		if val == nil {
			return entries
		}
		entries = append(entries, &Entry{Key: k.Value, KeyPos: Pos{k.Line, k.Column}, Value: val})
	}
	return entries
}

// value converts n; nil after an error that stops the conversion.
func (c *yamlConverter) value(n *yaml.Node, depth int) *Value {
	c.values++
	if c.values > maxYAMLValues || depth > 1000 {
		if c.values <= maxYAMLValues+1 {
			c.errs = append(c.errs, &Error{Kind: SyntaxError, Pos: Pos{n.Line, n.Column},
				Msg: "invalid YAML front matter: " + errTooManyValues.Error()})
		}
		c.values = maxYAMLValues + 2
		return nil
	}
	pos := Pos{n.Line, n.Column}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return &Value{Kind: NullValue, Pos: pos}
		}
		v := c.value(n.Alias, depth+1)
		if v == nil {
			return nil
		}
		alias := *v
		alias.Pos = pos
		return &alias
	case yaml.SequenceNode:
		v := &Value{Kind: ListValue, Pos: pos, Items: make([]*Value, 0, len(n.Content))}
		for _, item := range n.Content {
			it := c.value(item, depth+1)
			if it == nil {
				return nil
			}
			v.Items = append(v.Items, it)
		}
		return v
	case yaml.MappingNode:
		v := &Value{Kind: MapValue, Pos: pos}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				continue // Hugo's decoder refuses it
			}
			val := c.value(n.Content[i+1], depth+1)
			if val == nil {
				return nil
			}
			v.Entries = append(v.Entries, &Entry{Key: k.Value, KeyPos: Pos{k.Line, k.Column}, Value: val})
		}
		return v
	}
	v := &Value{Pos: pos, Text: n.Value,
		Plain: n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0}
	switch n.ShortTag() {
	case "!!null":
		v.Kind = NullValue
	case "!!bool":
		v.Kind = BoolValue
	case "!!int":
		v.Kind = IntValue
	case "!!float":
		v.Kind = FloatValue
	case "!!timestamp":
		v.Kind = TimestampValue
	default:
		v.Kind = StringValue
	}
	return v
}

package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
)

// json reads JSON front matter: a JSON object at offset start. Like Hugo,
// it ends at the "}" that balances the first "{", counting braces outside
// strings.
func (d *Document) json(start int) error {
	src := d.Src
	d.Open = d.PosAt(start)
	d.RawOffset, d.RawLine = start, d.Open.Line
	level, inString := 0, false
	for i := start; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\': // as Hugo's lexer, outside strings too
			i++
		case c == '"':
			inString = !inString
		case c == '{' && !inString:
			level++
		case c == '}' && !inString:
			level--
		}
		if level == 0 {
			d.Raw = src[start : i+1]
			d.Close = d.PosAt(i)
			body := i + 1
			if body+1 < len(src) && src[body] == '\r' && src[body+1] == '\n' {
				body += 2
			} else if body < len(src) && (src[body] == '\n' || src[body] == '\r') {
				body++
			}
			d.setBody(body)
			return d.parseJSON()
		}
	}
	d.Raw = src[start:]
	d.setBody(len(src))
	return Errors{{Kind: UnclosedError, Pos: d.Open,
		Msg: "JSON front matter is never closed: no } balances its opening {"}}
}

// parseJSON reads the JSON object in Raw with encoding/json's tokenizer,
// taking each token's position from the decoder's input offset.
func (d *Document) parseJSON() error {
	p := jsonParser{d: d, dec: json.NewDecoder(bytes.NewReader(d.Raw)), cur: newCursor(d.Src)}
	p.dec.UseNumber()
	v, err := p.value(0)
	if err != nil {
		// The tokenizer's offsets are relative to the value it was in;
		// Unmarshal's, which Hugo uses, to the object.
		var v any
		if uerr := json.Unmarshal(d.Raw, &v); uerr != nil {
			err = uerr
		}
		return Errors{d.hugoError(err)}
	}
	d.Entries = v.Entries
	return d.finish(nil)
}

type jsonParser struct {
	d   *Document
	dec *json.Decoder
	cur *cursor
}

// start returns the position where the next token starts.
func (p *jsonParser) start() Pos {
	raw := p.d.Raw
	off := int(p.dec.InputOffset())
	for off < len(raw) {
		switch raw[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return p.cur.at(p.d.RawOffset + off)
}

func (p *jsonParser) value(depth int) (*Value, error) {
	if depth > 10000 {
		return nil, errors.New("nested too deeply")
	}
	pos := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			v := &Value{Kind: ListValue, Pos: pos, Items: []*Value{}}
			for p.dec.More() {
				item, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.Items = append(v.Items, item)
			}
			_, err := p.dec.Token()
			return v, err
		}
		v := &Value{Kind: MapValue, Pos: pos}
		for p.dec.More() {
			keyPos := p.start()
			key, err := p.dec.Token()
			if err != nil {
				return nil, err
			}
			val, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.Entries = append(v.Entries, &Entry{Key: key.(string), KeyPos: keyPos, Value: val})
		}
		_, err := p.dec.Token()
		return v, err
	case string:
		return &Value{Kind: StringValue, Pos: pos, Text: t}, nil
	case json.Number:
		kind := IntValue
		if bytes.ContainsAny([]byte(t), ".eE") {
			kind = FloatValue
		}
		return &Value{Kind: kind, Pos: pos, Text: string(t), Plain: true}, nil
	case bool:
		text := "false"
		if t {
			text = "true"
		}
		return &Value{Kind: BoolValue, Pos: pos, Text: text, Plain: true}, nil
	}
	return &Value{Kind: NullValue, Pos: pos, Text: "null", Plain: true}, nil
}

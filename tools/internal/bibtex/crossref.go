package bibtex

import "strings"

// notInherited are the fields a child never takes from its crossref parent:
// those biber keeps to the parent (abridged to the ones seen in practice),
// and those that identify the parent itself rather than what it contains
// (a proceedings' DOI, URL or page range is not its papers').
var notInherited = map[string]bool{
	"crossref": true, "xref": true, "ids": true, "entryset": true,
	"label": true, "shorthand": true, "sortkey": true, "key": true,
	"doi": true, "url": true, "urldate": true, "eprint": true, "eprinttype": true,
	"eprintclass": true, "archiveprefix": true, "primaryclass": true,
	"pages": true, "abstract": true, "file": true,
}

// titleField maps the type of a parent whose title names the container of
// its children (a proceedings, a book…) to the field of the child that takes
// that title. The parent's title fields are then not inherited as such.
var titleField = map[string]string{
	"proceedings": "booktitle", "mvproceedings": "booktitle",
	"book": "booktitle", "mvbook": "booktitle",
	"collection": "booktitle", "mvcollection": "booktitle",
	"reference": "booktitle", "mvreference": "booktitle",
	"periodical": "journaltitle",
}

// parentTitles are the title fields of such a parent.
var parentTitles = map[string]bool{
	"title": true, "subtitle": true, "titleaddon": true, "shorttitle": true,
	"sorttitle": true, "indextitle": true, "indexsorttitle": true,
}

// resolveCrossrefs copies into each entry with a crossref field the fields it
// lacks from its parent, parents first, whatever their order in the file.
func (p *parser) resolveCrossrefs() {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make(map[*Entry]int, len(p.file.Entries))
	var resolve func(e *Entry)
	resolve = func(e *Entry) {
		state[e] = visiting
		defer func() { state[e] = done }()
		f := e.Field("crossref")
		if f == nil {
			return
		}
		key := strings.TrimSpace(f.Value)
		parent := p.keys[strings.ToLower(key)]
		switch {
		case parent == nil:
			p.errorAt(f.ValuePos, "crossref %q in entry %q does not match any entry", key, e.Key)
			return
		case state[parent] == visiting:
			p.errorAt(f.ValuePos, "crossref %q in entry %q forms a cycle", key, e.Key)
			return
		case state[parent] == unvisited:
			resolve(parent)
		}
		inherit(e, parent)
	}
	for _, e := range p.file.Entries {
		if state[e] == unvisited {
			resolve(e)
		}
	}
}

// inherit appends to child the fields of parent it lacks.
func inherit(child, parent *Entry) {
	target := titleField[parent.Type]
	has := make(map[string]bool, len(child.Fields)+len(parent.Fields))
	for _, f := range child.Fields {
		has[f.Name] = true
	}
	for _, f := range parent.Fields {
		name := f.Name
		switch {
		case notInherited[name]:
			continue
		case target != "" && name == "title":
			name = target
		case target != "" && parentTitles[name]:
			continue
		}
		if has[name] {
			continue
		}
		has[name] = true
		from := f.From
		if from == "" {
			from = parent.Key
		}
		child.Fields = append(child.Fields, &Field{Name: name, Value: f.Value, Pos: f.Pos, ValuePos: f.ValuePos, From: from})
	}
}

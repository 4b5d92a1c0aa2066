package validate

import (
	"strings"
	"sync"

	"github.com/neuralml/labsite/tools/internal/content"
)

// typeInfo is what the rules look up in a content type for every file,
// computed once per type.
type typeInfo struct {
	// fields maps each field's lower-cased name to the field: Hugo ignores
	// case in front-matter keys.
	fields   map[string]content.Field
	required []content.Field
	names    []string
	own      string
}

var (
	typeInfoOnce sync.Once
	typeInfos    map[*content.Type]*typeInfo
)

// infoOf returns t's typeInfo.
func infoOf(t *content.Type) *typeInfo {
	typeInfoOnce.Do(func() {
		typeInfos = map[*content.Type]*typeInfo{}
		for _, t := range content.Types {
			ti := &typeInfo{fields: map[string]content.Field{}, names: t.FieldNames(), own: ownFields(t)}
			for _, f := range t.AllFields() {
				ti.fields[strings.ToLower(f.Name)] = f
				if f.Required {
					ti.required = append(ti.required, f)
				}
			}
			typeInfos[t] = ti
		}
	})
	return typeInfos[t]
}

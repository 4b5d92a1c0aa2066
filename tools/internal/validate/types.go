package validate

import (
	"strings"
	"sync"

	"github.com/neuralml/labsite/tools/internal/model"
)

// typeInfo is what the rules look up in a content type for every file,
// computed once per type.
type typeInfo struct {
	// fields maps each field's lower-cased name to the field: Hugo ignores
	// case in front-matter keys.
	fields   map[string]model.Field
	required []model.Field
	names    []string
	own      string
}

var (
	typeInfoOnce sync.Once
	typeInfos    map[*model.Type]*typeInfo
)

// infoOf returns t's typeInfo.
func infoOf(t *model.Type) *typeInfo {
	typeInfoOnce.Do(func() {
		typeInfos = map[*model.Type]*typeInfo{}
		for _, t := range model.Types {
			ti := &typeInfo{fields: map[string]model.Field{}, names: t.FieldNames(), own: ownFields(t)}
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

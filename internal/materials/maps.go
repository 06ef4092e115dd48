package materials

import (
	"fmt"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/selectors"
)

// MapFile is the page map whose fields hold the upload limits.
const MapFile = "materials.yaml"

// keyPrefix is how the page map names a slot: degree.materials.photo.
const keyPrefix = "degree.materials."

// SlotsFrom returns the upload slots with the limits and labels of the
// materials page map in fsys (a copy of selectors/). The map is read only
// for what this package needs; internal/pagemap checks the rest of it.
func SlotsFrom(fsys fs.FS) ([]Slot, error) {
	data, err := fs.ReadFile(fsys, MapFile)
	if err != nil {
		return nil, err
	}
	var m struct {
		Fields []struct {
			Key    string  `yaml:"key"`
			Label  string  `yaml:"label"`
			Upload *Limits `yaml:"upload"`
		} `yaml:"fields"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", MapFile, err)
	}
	out := make([]Slot, 0, len(ours))
	var probs []string
	for _, s := range ours {
		found := false
		for _, f := range m.Fields {
			if f.Key != keyPrefix+s.Key {
				continue
			}
			found = true
			if f.Upload == nil {
				probs = append(probs, fmt.Sprintf("field %s has no upload: limits (type, max_size, max_files)", f.Key))
				break
			}
			if ps := f.Upload.Problems(); len(ps) > 0 {
				probs = append(probs, fmt.Sprintf("field %s: %s", f.Key, strings.Join(ps, "; ")))
				break
			}
			s.Label, s.Type, s.MaxFiles = f.Label, f.Upload.Type, f.Upload.MaxFiles
			s.MaxBytes, _ = f.Upload.Bytes()
		}
		if !found {
			probs = append(probs, fmt.Sprintf("no field %s%s", keyPrefix, s.Key))
		}
		out = append(out, s)
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("%s: %s", MapFile, strings.Join(probs, "; "))
	}
	return out, nil
}

// Slots lists the upload slots in page order, with the built-in maps'
// limits. A broken built-in map is a bug every test shows.
var Slots = func() []Slot {
	s, err := SlotsFrom(selectors.FS)
	if err != nil {
		panic("selectors/" + err.Error())
	}
	return s
}()

package profile

import (
	"path/filepath"
	"time"
)

// CheckData is CheckAt for YAML that is not (yet) in a file: data as if it
// were saved at path, which need not exist. The interview of `autofill
// init` checks each answer this way, with the same rules as validate.
func CheckData(path string, data []byte, now time.Time) (*Profile, []Problem) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p, list := parse(data, "yaml", filepath.Dir(abs), false) // the interview never applies AUTOFILL_<KEY>
	if p == nil {
		return nil, list
	}
	p.Path = abs
	return p, withValidation(p, list, now)
}

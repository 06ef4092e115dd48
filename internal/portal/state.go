package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cscse-tools/autofill/internal/accountstate"
	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// State is what a run remembers in its run directory so the next run of the
// same command continues instead of starting over: the page it reached and
// the pages it completed.
type State struct {
	Degree  string               `json:"degree"`
	LastURL string               `json:"last_url,omitempty"`
	Pages   map[string]time.Time `json:"pages_done,omitempty"`
	Ready   bool                 `json:"ready"`
	Updated time.Time            `json:"updated"`

	path  string
	write accountstate.WriteFunc // nil: atomicfile.Write
}

const stateFile = "state.json"

func loadState(dir, degree string) (*State, error) {
	s := &State{Degree: degree, Pages: map[string]time.Time{}, path: filepath.Join(dir, stateFile)}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("%s is damaged (%v); delete it to start this degree afresh", s.path, err)
	}
	if s.Degree != degree {
		return nil, fmt.Errorf("%s belongs to degree %q, not %q; use another --run-dir", s.path, s.Degree, degree)
	}
	if s.Pages == nil {
		s.Pages = map[string]time.Time{}
	}
	return s, nil
}

// save writes the state atomically (a crash leaves the old or the new file,
// never half of one), readable by the owner only.
func (s *State) save() error {
	if s.path == "" {
		return nil // Open keeps no state: it only logs in
	}
	s.Updated = time.Now()
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if s.write != nil {
		return s.write(s.path, b, 0o600)
	}
	return atomicfile.Write(s.path, b, 0o600)
}

package accountstate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// State is what one account remembers, by degree id.
type State struct {
	Degrees map[string]*Degree `json:"degrees"`

	path  string
	write WriteFunc
}

// Degree is one degree's application on the portal.
type Degree struct {
	App     string            `json:"application,omitempty"` // its id as 我的申请 shows it
	Pages   map[string]string `json:"pages,omitempty"`       // page → fingerprint of the values it was filled from
	Updated time.Time         `json:"updated"`
}

// WriteFunc writes a file whole; tests inject failures through it.
type WriteFunc func(path string, data []byte, perm os.FileMode) error

const stateFile = "state.json"

// Load reads the account's state in dir; a missing file is an empty state.
// write is how Save writes (nil: atomicfile.Write).
func Load(dir string, write WriteFunc) (*State, error) {
	if write == nil {
		write = atomicfile.Write
	}
	s := &State{Degrees: map[string]*Degree{}, path: filepath.Join(dir, stateFile), write: write}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("%s is damaged (%v); delete it (autofill then finds the drafts on 我的申请 again)", s.path, err)
	}
	if s.Degrees == nil {
		s.Degrees = map[string]*Degree{}
	}
	return s, nil
}

// Degree returns the record of degree id, creating it.
func (s *State) Degree(id string) *Degree {
	d := s.Degrees[id]
	if d == nil {
		d = &Degree{Pages: map[string]string{}}
		s.Degrees[id] = d
	}
	if d.Pages == nil {
		d.Pages = map[string]string{}
	}
	return d
}

// Others lists the applications remembered for degrees other than id.
func (s *State) Others(id string) []string {
	var out []string
	for k, d := range s.Degrees {
		if k != id && d.App != "" {
			out = append(out, d.App)
		}
	}
	return out
}

// Save writes the state atomically, readable by the owner only.
func (s *State) Save() error {
	for _, d := range s.Degrees {
		if d.Updated.IsZero() {
			d.Updated = time.Now()
		}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	if err := s.write(s.path, b, 0o600); err != nil {
		return fmt.Errorf("saving the account state: %w", err)
	}
	return nil
}

// Package interview is the guided interview of `autofill init`: the
// questions as data (Plan), the answers and their draft file, the profile
// they make (Render, the commented template filled in), the check of each
// answer with the validator's own rules (Check), and the terminal form that
// asks them (Run, with charmbracelet/huh).
package interview

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// Answers holds what was answered, by question ID.
type Answers map[string]string

// Has reports whether the question was answered (an empty answer counts).
func (a Answers) Has(id string) bool {
	_, ok := a[id]
	return ok
}

// with returns a copy of a with one more answer.
func (a Answers) with(id, value string) Answers {
	b := make(Answers, len(a)+1)
	for k, v := range a {
		b[k] = v
	}
	b[id] = value
	return b
}

// DraftPath is where the answers to an interview for file are kept until it
// is finished: me.yaml.draft beside me.yaml.
func DraftPath(file string) string { return file + ".draft" }

type draft struct {
	Note    string  `yaml:"note"`
	Answers Answers `yaml:"answers"`
}

// SaveDraft writes the answers so far, readable by the user only: they hold
// an ID number.
func SaveDraft(path string, a Answers) error {
	b, err := yaml.Marshal(draft{Note: "autofill init: answers so far; run autofill init again to continue", Answers: a})
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}

// LoadDraft reads a draft; a missing one is no answers and no error.
func LoadDraft(path string) (Answers, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var d draft
	if err := yaml.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if d.Answers == nil {
		d.Answers = Answers{}
	}
	return d.Answers, nil
}

package aftercare

import (
	"encoding/json"
	"path/filepath"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// ReportFile is the report every after-submission command leaves in its
// run directory.
const ReportFile = "report.json"

// Report is what one command did for one applicant: what it read, what it
// uploaded or saved, and what the person must still do. It holds no
// passwords and no identity numbers (applications carry institution,
// degree and the portal's own texts).
type Report struct {
	Command      string         `json:"command"`
	Profile      string         `json:"profile"`
	Degree       string         `json:"degree,omitempty"`
	Started      time.Time      `json:"started"`
	Finished     time.Time      `json:"finished"`
	Applications []*Application `json:"applications,omitempty"`
	Supplement   *Answer        `json:"supplement,omitempty"`
	Review       *ReviewDraft   `json:"review,omitempty"`
	Certificates []Certificate  `json:"certificates,omitempty"`
	Screenshots  []string       `json:"screenshots,omitempty"`
	Left         []string       `json:"left,omitempty"` // what the person must still do
	Error        string         `json:"error,omitempty"`
}

// Write saves the report as dir/report.json (0600).
func (r *Report) Write(dir string) error {
	r.Finished = time.Now()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, ReportFile), append(b, '\n'), 0o600)
}

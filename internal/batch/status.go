package batch

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// StatusFile is the job's status in its run directory, rewritten atomically
// at every change, so a batch killed at any moment knows on the next run
// what is finished (skipped) and what is not (resumed).
const StatusFile = "status.json"

// State is where a job stands.
type State string

// The states of a job. The waiting ones are "parked" once the job has
// stopped waiting (exit 4): a re-run, or a code typed at the table, resumes
// them.
const (
	Queued          State = "queued"
	Running         State = "running"
	WaitingFace     State = "waiting_face_scan" // 实人认证: the applicant scans the QR code with 微留服
	WaitingCode     State = "waiting_code"      // the 8-digit 移民局12367 code
	WaitingLogin    State = "waiting_login"     // captcha or password typed in the browser
	WaitingPassword State = "waiting_password"  // no password in the passwords file
	WaitingPerson   State = "waiting_person"    // the agreement, or an unknown page
	Ready           State = "ready"
	Failed          State = "failed"
	Invalid         State = "invalid_profile"
	Interrupted     State = "interrupted"
)

// Waiting reports whether the state waits for a person.
func (s State) Waiting() bool {
	switch s {
	case WaitingFace, WaitingCode, WaitingLogin, WaitingPassword, WaitingPerson:
		return true
	}
	return false
}

// Status is one job's row: in status.json, the summary and the table.
// Personal data in it is masked.
type Status struct {
	N         int       `json:"n"`
	Job       string    `json:"job"`
	Profile   string    `json:"profile"`
	Applicant string    `json:"applicant"`
	Degree    string    `json:"degree"`
	State     State     `json:"state"`
	Reason    string    `json:"reason,omitempty"`
	Page      string    `json:"page,omitempty"`       // page id (selectors/flow.yaml)
	PageTitle string    `json:"page_title,omitempty"` // as the portal names it
	QR        string    `json:"qr,omitempty"`         // the 实人认证 QR code to forward to the applicant
	RunDir    string    `json:"run_dir,omitempty"`
	ExitCode  int       `json:"exit_code"`
	Attempts  int       `json:"attempts"`
	Started   time.Time `json:"started,omitzero"`
	Updated   time.Time `json:"updated,omitzero"`

	// Portal is where the draft is ("dry-run" or the base URL): a draft
	// made on the simulator is not one on the live portal.
	Portal string `json:"portal,omitempty"`
	// Identity fingerprints the applicant and degree (plan.go).
	Identity string `json:"identity,omitempty"`
	// Values fingerprints the profile's values for the job (plan.go): a
	// draft ready in an earlier run is skipped only while they are the same.
	Values string `json:"values,omitempty"`
}

// Text is the status as the summary states it: ready, waiting for face
// scan, waiting for code, failed: reason, invalid profile, ….
func (s Status) Text() string {
	switch s.State {
	case Ready:
		return "ready"
	case WaitingFace:
		return "waiting for face scan"
	case WaitingCode:
		return "waiting for code"
	case WaitingLogin:
		return "waiting for login"
	case WaitingPassword:
		return "waiting for password"
	case WaitingPerson:
		if s.Reason != "" {
			return "waiting for a person: " + s.Reason
		}
		return "waiting for a person"
	case Failed:
		return "failed: " + s.Reason
	case Invalid:
		return "invalid profile"
	case Interrupted:
		return "interrupted"
	case Running:
		return "running"
	}
	return string(s.State)
}

func (s *Status) save() error {
	if s.RunDir == "" {
		return nil
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(s.RunDir, StatusFile), append(b, '\n'), 0o600)
}

// loadStatus reads a job's status; none yet is (nil, nil).
func loadStatus(dir string) (*Status, error) {
	b, err := os.ReadFile(filepath.Join(dir, StatusFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s Status
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

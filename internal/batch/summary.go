package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/exitcode"
)

// The batch's summary files in its directory: one row per degree.
const (
	SummaryCSV  = "summary.csv"
	SummaryJSON = "summary.json"
)

// Counts tallies rows by how they ended (or stand).
type Counts struct {
	Ready       int `json:"ready"`
	Waiting     int `json:"waiting"`
	Failed      int `json:"failed"`
	Invalid     int `json:"invalid"`
	Interrupted int `json:"interrupted"`
	Running     int `json:"running"`
	Queued      int `json:"queued"`
}

// Count tallies rows.
func Count(rows []Row) Counts {
	var c Counts
	for _, r := range rows {
		switch {
		case r.State == Ready:
			c.Ready++
		case r.State.Waiting():
			c.Waiting++
		case r.State == Failed:
			c.Failed++
		case r.State == Invalid:
			c.Invalid++
		case r.State == Interrupted:
			c.Interrupted++
		case r.State == Running:
			c.Running++
		default:
			c.Queued++
		}
	}
	return c
}

// ExitCode is the batch's exit status: 0 when every job is ready, 4 when
// the rest wait for a person, 1 when any failed or has an invalid profile,
// 2 when no profile was valid, 130 when the batch was interrupted.
func ExitCode(rows []Row) int {
	c := Count(rows)
	switch {
	case c.Interrupted > 0 || c.Running > 0 || c.Queued > 0:
		return exitcode.Interrupted
	case len(rows) > 0 && c.Invalid == len(rows):
		return exitcode.BadInput
	case c.Failed > 0 || c.Invalid > 0:
		return exitcode.Failure
	case c.Waiting > 0:
		return exitcode.Parked
	}
	return exitcode.OK
}

// summaryRow is one line of summary.csv and summary.json.
type summaryRow struct {
	N         int    `json:"n"`
	Profile   string `json:"profile"`
	Applicant string `json:"applicant"`
	Degree    string `json:"degree"`
	Status    string `json:"status"`
	State     State  `json:"state"`
	Page      string `json:"page,omitempty"`
	QR        string `json:"qr,omitempty"`
	RunDir    string `json:"run_dir"`
	ExitCode  int    `json:"exit_code"`
	Attempts  int    `json:"attempts"`
}

// WriteSummary writes summary.csv and summary.json into dir (0600: they
// name the applicants), atomically.
func WriteSummary(dir string, rows []Row) error {
	list := make([]summaryRow, len(rows))
	for i, r := range rows {
		list[i] = summaryRow{N: r.N, Profile: r.Profile, Applicant: r.Applicant, Degree: r.Degree,
			Status: r.Text(), State: r.State, Page: r.Page, RunDir: r.RunDir, ExitCode: r.ExitCode, Attempts: r.Attempts}
		if r.State.Waiting() {
			list[i].QR = r.QR
		}
	}
	c := Count(rows)
	doc := struct {
		Written  time.Time    `json:"written"`
		ExitCode int          `json:"exit_code"`
		Counts   Counts       `json:"counts"`
		Jobs     []summaryRow `json:"jobs"`
	}{time.Now(), ExitCode(rows), c, list}
	js, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, SummaryJSON), append(js, '\n'), 0o600); err != nil {
		return err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"n", "profile", "applicant", "degree", "status", "page", "qr", "run_dir"})
	for _, r := range list {
		_ = w.Write([]string{strconv.Itoa(r.N), cell(r.Profile), cell(r.Applicant), cell(r.Degree),
			cell(r.Status), r.Page, cell(r.QR), cell(r.RunDir)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, SummaryCSV), buf.Bytes(), 0o600)
}

// cell keeps a spreadsheet from reading a value as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

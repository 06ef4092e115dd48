package progressui

import (
	"fmt"

	"github.com/cscse-tools/autofill/internal/batch"
)

// BatchLines is the batch as a line per row, for logs and pipes where a
// redrawn table would be noise: a plain Region prints the lines that
// changed. A queued row has none.
func BatchLines(rows []batch.Row) []string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = lineFor(r)
	}
	return lines
}

func lineFor(r batch.Row) string {
	who := fmt.Sprintf("#%d %s %s:", r.N, r.Applicant, r.Degree)
	switch {
	case r.State == batch.Queued:
		return ""
	case r.State == batch.Ready && r.Earlier:
		return who + " ready (in an earlier run; skipped)"
	case r.State.Waiting() && r.Live:
		s := who + " " + r.Text()
		if r.QR != "" && r.State == batch.WaitingFace {
			s += " — send the applicant the QR code " + r.QR
		}
		if !r.Deadline.IsZero() {
			s += " (parks at " + r.Deadline.Format("15:04") + ")"
		}
		return s
	case r.State.Waiting():
		return who + " parked, " + r.Text() + "; run the batch again once the applicant has done it"
	case r.State == batch.Invalid:
		return who + " invalid profile: " + r.Reason
	}
	return who + " " + r.Text()
}

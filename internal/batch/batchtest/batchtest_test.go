package batchtest_test

import (
	"testing"

	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/profile"
)

// Generated applicants validate without a single problem and differ in
// every personal number.
func TestApplicantsAreValidAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range batchtest.Write(t, t.TempDir(), "x", 23) {
		p, list := profile.Check(a.File)
		for _, q := range list {
			t.Errorf("%s: %s", a.File, q)
		}
		for _, v := range []string{p.Applicant.IDNumber, p.Applicant.Phone, p.Applicant.Email, p.Account.Username, p.Applicant.Name} {
			if seen[v] {
				t.Errorf("%s: %s repeats", a.File, v)
			}
			seen[v] = true
		}
	}
}

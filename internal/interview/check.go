package interview

import (
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/profile"
)

// Check renders the answers with value as the answer to q, as if saved at
// target, runs the validator on the whole profile and returns the problems
// that belong to q (its Paths, and their items), errors and warnings apart.
// Problems of questions not yet asked are not q's and are left out.
func Check(a Answers, q Question, value, target string, now time.Time) (errs, warns []profile.Problem) {
	b := a.with(q.ID, value)
	paths := q.Paths
	// The answer may move its row: a study_history row takes its place by date.
	for _, q2 := range Plan(b) {
		if q2.ID == q.ID {
			paths = q2.Paths
		}
	}
	_, list := profile.CheckData(target, Render(b), now)
	for _, p := range list {
		if !belongs(p.Path, paths) {
			continue
		}
		if p.Severity == profile.Error {
			errs = append(errs, p)
		} else {
			warns = append(warns, p)
		}
	}
	return errs, warns
}

func belongs(path string, paths []string) bool {
	for _, q := range paths {
		if path == q || strings.HasPrefix(path, q+"[") || strings.HasPrefix(path, q+".") {
			return true
		}
	}
	return false
}

// Describe formats problems for the person at the prompt: the validator's
// message, then its hint.
func Describe(list []profile.Problem) string {
	var b strings.Builder
	for i, p := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Severity == profile.Warning {
			b.WriteString("warning: ")
		}
		b.WriteString(p.Path + ": " + p.Message)
		if p.Hint != "" {
			b.WriteString("\n  hint: " + strings.ReplaceAll(p.Hint, "\n", "\n        "))
		}
	}
	return b.String()
}

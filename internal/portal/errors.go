package portal

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/steps"
)

// DriftError says the portal no longer matches a page map: a control is gone
// or cannot be told apart from another. Exit code 3.
type DriftError struct {
	Page, Key, Label string
	Detail           string
}

func (e *DriftError) Error() string {
	s := fmt.Sprintf("page %s, field %s (%s): %s", e.Page, e.Label, e.Key, e.Detail)
	return s + "; the portal may have changed: run `autofill check`, re-record the page (`autofill record`) and update selectors/" + e.Page + ".yaml"
}

// MismatchError says a value read back differs from what was entered: the
// worst failure this tool can have, so the page stops.
type MismatchError struct {
	Page, Label, Want, Got string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("page %s, field %s: entered %q but the page shows %q; fix it by hand or re-run, and report it if it repeats", e.Page, e.Label, e.Want, e.Got)
}

// ClearedError says the portal emptied fields after they were entered and
// verified, and again after they were entered once more: the portal's
// fault, not the profile's. Exit code 1.
type ClearedError struct {
	Page   string
	Labels []string
}

func (e *ClearedError) Error() string {
	return fmt.Sprintf("page %s: the portal cleared %s after it was entered (twice; the profile is not at fault); nothing was saved — look at the browser window, and report it if it repeats",
		e.Page, strings.Join(e.Labels, ", "))
}

// SummaryError says the portal's own summary on 确认提交 differs from the
// profile: what it saved is not what the pages showed. The draft is not
// ready.
type SummaryError struct {
	Diffs []SummaryDiff
}

// SummaryDiff is one value of the 确认提交 summary that differs.
type SummaryDiff struct {
	Page, Label, Want, Got string
}

func (e *SummaryError) Error() string {
	parts := make([]string, len(e.Diffs))
	for i, d := range e.Diffs {
		got := fmt.Sprintf("%q", d.Got)
		if d.Got == "" {
			got = "nothing"
		}
		want := fmt.Sprintf("%q", d.Want)
		if d.Want == "" {
			want = "nothing"
		}
		parts[i] = fmt.Sprintf("%s %s: the profile has %s, the portal saved %s", d.Page, d.Label, want, got)
	}
	return fmt.Sprintf("确认提交 shows what the portal saved, and %d value(s) differ from the profile: %s; the draft is NOT ready — correct them by hand (返回修改) or run again, and report it if it repeats",
		len(e.Diffs), strings.Join(parts, "; "))
}

// IdentityError says the logged-in account is not the profile's applicant.
type IdentityError struct {
	Diffs []string // "证件号码: page 1101**…, profile 4403**…" (masked)
	// FormOnly: the only difference is the name's form (· or spaces), which
	// the person may confirm (--accept-name-form); an ID number never is.
	FormOnly bool
}

func (e *IdentityError) Error() string {
	if e.FormOnly {
		return "the name registered with this account differs from the profile's in form only; nothing was filled. " + strings.Join(e.Diffs, "; ")
	}
	return "this account belongs to someone else; nothing was filled. " + strings.Join(e.Diffs, "; ") +
		". Log out and log in with the applicant's own account (account.username in the profile)"
}

// ValidationError carries what the portal said when it refused a page.
type ValidationError struct {
	Page   string
	Fields []FormError
	Toast  string
}

// FormError is one message under a field.
type FormError struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

func (e *ValidationError) Error() string {
	var parts []string
	for _, f := range e.Fields {
		parts = append(parts, fmt.Sprintf("%s: %s", f.Label, f.Text))
	}
	if e.Toast != "" {
		parts = append(parts, "portal says: "+e.Toast)
	}
	return fmt.Sprintf("page %s was refused: %s; correct the profile (autofill validate) and re-run", e.Page, strings.Join(parts, "; "))
}

// ForbiddenClick is returned when something asked to click a submit or pay
// control. The tool never does; this is a bug or a changed page.
type ForbiddenClick struct {
	Page, Text, Why string
}

func (e *ForbiddenClick) Error() string {
	return fmt.Sprintf("refused to click %q on page %s (%s): autofill never submits or pays", e.Text, e.Page, e.Why)
}

// ParkedError says a person is needed and did not act in time.
type ParkedError struct {
	Step   steps.Step
	Page   string
	Waited string
}

func (e *ParkedError) Error() string {
	return fmt.Sprintf("waiting for a person on page %s (%s) for %s; run the same command again to continue", e.Page, e.Step, e.Waited)
}

func drift(e *DriftError) error              { return exitcode.With(exitcode.Drift, e) }
func failure(err error) error                { return exitcode.With(exitcode.Failure, err) }
func parked(e *ParkedError) error            { return exitcode.With(exitcode.Parked, e) }
func badInput(format string, a ...any) error { return exitcode.Errorf(exitcode.BadInput, format, a...) }

// fault records a page function that threw. Logged and listed in the
// result even when its caller could go on without the answer, which would
// otherwise hide it.
func (r *runner) fault(e *page.ScriptError) {
	msg := r.red.String(e.Error())
	r.opts.Log.Warn().Str("func", e.Func).Msg(msg)
	r.faultMu.Lock()
	r.res.Faults = append(r.res.Faults, msg)
	r.faultMu.Unlock()
}

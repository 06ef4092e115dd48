package portal

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// saveOutcome is how one save (下一步, the 学习经历 dialog's 确定, an upload)
// ended, as classifySave reads it from what the page showed.
type saveOutcome int

const (
	savePending     saveOutcome = iota // nothing decisive yet: keep watching
	saveMoved                          // the browser left the page: saved and moved on (or sent to the login page)
	saveDone                           // the save's own sign of success: the dialog closed, the file is listed
	saveRejected                       // the portal refused the values: form errors, a 4xx, an error toast
	saveServerError                    // the portal failed (5xx) without naming a field: retry after a pause
	saveExpired                        // the session expired (401): log in again, then come back
	saveStrayDialog                    // a dialog the map does not know: stop, never click in it
)

func (o saveOutcome) String() string {
	return [...]string{"pending", "moved", "done", "rejected", "server error", "expired", "stray dialog"}[o]
}

// saveSignals is what the page showed since the save's click.
type saveSignals struct {
	Left    bool // the page's detect rule no longer matches
	Done    bool // the save's own success condition holds
	Dialogs []dialog
	// Settled: no request in flight and no upload pending; before that,
	// errors are not final (a retry of the page's own may still succeed).
	Settled    bool
	FormErrors []FormError
	Responses  []response
	Toasts     []toast
	// AtLogin: a 401 answers the login itself (a wrong password), not an
	// expired session.
	AtLogin bool
}

// classifySave decides how a save ended from the signals the page showed.
// The order matters: leaving the page or the save's own success outrank
// whatever error came before it (a 5xx the page retried itself), and a
// stray dialog stops everything before its errors are read.
func classifySave(s saveSignals) saveOutcome {
	switch {
	case s.Left:
		return saveMoved
	case s.Done:
		return saveDone
	case len(s.Dialogs) > 0:
		return saveStrayDialog
	case !s.Settled:
		return savePending
	}
	bad := failedResponse(s.Responses)
	switch {
	case bad != nil && bad.Status == 401 && !s.AtLogin:
		return saveExpired
	case bad != nil && bad.Status >= 500 && len(s.FormErrors) == 0:
		return saveServerError
	case len(s.FormErrors) > 0 || bad != nil || hasError(s.Toasts):
		return saveRejected
	}
	return savePending
}

// saveOp is one save: how to start it and how to watch it.
type saveOp struct {
	what string // for messages: "下一步 on page degree", "upload of x.pdf"
	// act clicks (or hands over files); called once per attempt.
	act func(ctx context.Context) error
	// observe reads the page's signals of responses, toasts and errors
	// newer than seq (the helpers' sequence number before act).
	observe func(ctx context.Context, seq mark) (saveSignals, error)
}

// errSaveTimeout says a save showed no outcome within its deadline.
var errSaveTimeout = errors.New("no outcome")

// save runs op until it ends in an outcome other than a server error, or
// the retries run out: act, watch until classifySave decides, back off and
// act again on a 5xx. The caller turns the outcome into what it means for
// its page (an expired session is the loop's: it logs in again and comes
// back to the page).
func (r *runner) save(ctx context.Context, op saveOp) (saveOutcome, saveSignals, error) {
	for attempt := 0; ; attempt++ {
		seq := r.toastSeq(ctx)
		if err := op.act(ctx); err != nil {
			return savePending, saveSignals{}, err
		}
		var sig saveSignals
		out := savePending
		err := waitFor(ctx, 2*r.opts.StepTimeout, op.what, func() (bool, error) {
			var err error
			sig, err = op.observe(ctx, seq)
			if err != nil {
				return false, err
			}
			out = classifySave(sig)
			return out != savePending, nil
		})
		if err != nil {
			if errors.Is(err, errTimeout) {
				return savePending, sig, fmt.Errorf("%w: %w", errSaveTimeout, err)
			}
			return savePending, sig, err
		}
		if out != saveServerError || attempt >= r.opts.Retries {
			return out, sig, nil
		}
		bad := failedResponse(sig.Responses)
		r.emit(Event{Type: EvWarning, Message: fmt.Sprintf("%s: the portal answered HTTP %d (%s); retrying", op.what, bad.Status, toastText(sig.Toasts))})
		if err := backoff(ctx, attempt); err != nil {
			return out, sig, err
		}
	}
}

// backoff paces retries against a busy server: 0.5 s, 1 s, 2 s, … up to 8 s,
// with jitter so a batch of applicants does not retry in lockstep. This is
// the one deliberate delay of the engine; it waits for the server to
// recover, not for the page.
func backoff(ctx context.Context, attempt int) error {
	d := min(500*time.Millisecond<<attempt, 8*time.Second)
	d = d/2 + rand.N(d/2+1)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

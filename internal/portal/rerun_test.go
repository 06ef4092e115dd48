package portal_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/accountstate"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
)

// runUntil runs p and stops the run, as a kill would, once page stopAt shows.
func (h *harness) runUntil(p *profile.Profile, stopAt string) error {
	h.t.Helper()
	h.register(p)
	tab, cancel := h.b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	pw := h.pw[p.Account.Username]
	_, err := portal.Run(ctx, portal.Options{
		Profile: p, Maps: h.maps, BaseURL: h.sim.URL + "/", RunDir: h.t.TempDir(),
		Password: func(context.Context) (string, error) { return pw, nil }, Wait: time.Minute,
		Sink: portal.SinkFunc(func(e portal.Event) {
			if e.Type == portal.EvPage && e.Page == stopAt {
				stop()
			}
		}),
	})
	return err
}

// Re-runs of one degree, whatever happened before, keep one application that
// equals the current profile. One simulator and one browser for all steps;
// each step plays its own applicant.
func TestRerunsKeepOneApplicationEqualToTheProfile(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	user := func(name string) func(*profile.Profile) {
		return func(p *profile.Profile) { p.Account.Username = name }
	}

	// Stopped right after the agreement (as by a kill), then the same
	// command from another run directory: the blank draft is continued.
	p := example(t, user("rerun@example.com"))
	if err := h.runUntil(p, "verify"); err == nil {
		t.Fatal("the stopped run succeeded")
	}
	if n := len(h.sim.State(p.Account.Username).Applications); n != 1 {
		t.Fatalf("after the stopped run: %d applications, want 1", n)
	}
	res, _, err := h.run(p, nil)
	mustReady(t, res, err)
	h.assertAccepted(p)

	// The profile's degree name is corrected: the remembered draft is
	// continued (its row still shows the old name), the value refilled.
	edited := example(t, func(p *profile.Profile) {
		user("rerun@example.com")(p)
		p.Degrees[0].DegreeName = "Master of Science in Artificial Intelligence"
	})
	res, rec, err := h.run(edited, nil)
	mustReady(t, res, err)
	h.assertAccepted(edited)
	refilled := false
	for _, e := range rec.Events() {
		if e.Field != nil && e.Field.Key == "degree.degree_name" && strings.HasPrefix(e.Field.Note, "refilled") {
			refilled = true
		}
	}
	if !refilled {
		t.Error("the corrected degree name was not reported as refilled")
	}

	// An upload replaced and a study-history row dropped from the profile:
	// both are listed as in the draft, not in the profile, and not ready.
	dir := t.TempDir()
	b, err := os.ReadFile(edited.Degrees[0].Materials.Transcript[0])
	if err != nil {
		t.Fatal(err)
	}
	replaced := filepath.Join(dir, "transcript-2.jpg")
	if err := os.WriteFile(replaced, b, 0o600); err != nil {
		t.Fatal(err)
	}
	pruned := example(t, func(p *profile.Profile) {
		user("rerun@example.com")(p)
		p.Degrees[0].DegreeName = edited.Degrees[0].DegreeName
		p.Degrees[0].Materials.Transcript = []string{replaced}
		p.StudyHistory = append(p.StudyHistory[:1], p.StudyHistory[2:]...)
	})
	res, _, err = h.run(pruned, nil)
	var xe *portal.ExtrasError
	if !errors.As(err, &xe) || res.Ready {
		t.Fatalf("with extras in the draft: ready %v, err %v; want an ExtrasError", res.Ready, err)
	}
	got := xe.Error()
	for _, want := range []string{"transcript-1.jpg", "北京大学", "--prune"} {
		if !strings.Contains(got, want) {
			t.Errorf("the extras do not name %q: %s", want, got)
		}
	}
	if n := len(h.sim.State(p.Account.Username).Applications); n != 1 {
		t.Errorf("%d applications, want 1", n)
	}

	// --prune deletes them after listing them: the draft equals the profile.
	res, rec, err = h.run(pruned, func(o *portal.Options) { o.Prune = true })
	mustReady(t, res, err)
	h.assertAccepted(pruned)
	if len(res.Pruned) != 2 || len(res.Extras) != 0 {
		t.Errorf("pruned %v, extras left %v; want the transcript and the row pruned", res.Pruned, res.Extras)
	}
	listed := false
	for _, e := range rec.Events() {
		if e.Type == portal.EvWarning && strings.Contains(e.Message, "--prune: deleting it") {
			listed = true
		}
	}
	if !listed {
		t.Error("--prune deleted without listing first")
	}

	// A state file that cannot be written (a full disk) ends the run failed.
	full := func(string, []byte, os.FileMode) error { return errors.New("no space left on device") }
	edited2 := example(t, func(p *profile.Profile) {
		*p = *pruned
		p.Applicant.Email = "zhang.san.new@example.com"
	})
	res, _, err = h.run(edited2, func(o *portal.Options) { o.WriteFile = full })
	if err == nil || res.Ready || exitcode.Of(err) != exitcode.Failure || !strings.Contains(err.Error(), "no space") {
		t.Errorf("with a full disk: ready %v, err %v (exit %d); want failed, exit 1", res.Ready, err, exitcode.Of(err))
	}

	// The person pressed 提交 but has not paid: the draft waits on 在线支付.
	// A re-run clicks nothing, says so, and is no failure.
	before := h.sim.State(p.Account.Username)
	h.sim.Advance(portalsim.Advance{Account: p.Account.Username, To: portalsim.StatusAwaitingPayment})
	res, _, err = h.run(edited2, nil)
	if err != nil || !res.Submitted || res.Ready {
		t.Errorf("a draft waiting on payment: submitted %v, ready %v, err %v; want submitted, no error", res.Submitted, res.Ready, err)
	}
	after := h.sim.State(p.Account.Username)
	if len(after.Applications) != len(before.Applications) || after.PaymentAttempts != 0 || after.SubmitAttempts != 0 {
		t.Errorf("a draft waiting on payment was touched: %d → %d applications, %d payment attempts",
			len(before.Applications), len(after.Applications), after.PaymentAttempts)
	}

	// Two runs of one account at once: the second is told who holds it.
	q := example(t, user("twice@example.com"))
	h.register(q)
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		res, _, err := h.run(q, func(o *portal.Options) {
			rec := o.Sink
			o.Sink = portal.SinkFunc(func(e portal.Event) {
				if e.Type == portal.EvStart {
					close(started)
				}
				rec.Emit(e)
			})
		})
		if err == nil && !res.Ready {
			err = errors.New("not ready at " + res.Page)
		}
		done <- err
	}()
	<-started
	_, err = portal.Run(context.Background(), portal.Options{Profile: q, Maps: h.maps, BaseURL: h.sim.URL + "/", RunDir: t.TempDir()})
	var held *accountstate.HeldError
	if !errors.As(err, &held) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("the second run at once: %v; want a HeldError naming the first", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the first run: %v", err)
	}
	h.assertAccepted(q)
}

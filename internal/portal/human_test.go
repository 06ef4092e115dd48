package portal_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/steps"
)

// newLiveHarness is a simulator that behaves like the live portal at the
// human steps: nobody completes the face scan or the code but a person.
func newLiveHarness(t *testing.T, captcha bool) *harness {
	return startHarness(t, portalsim.Options{Captcha: &captcha})
}

// The person scans the QR code (the hook plays the phone) and types the
// 12367 code at the terminal; the run goes on by itself.
func TestVerifyTakesTheCodeFromTheTerminal(t *testing.T) {
	h := newLiveHarness(t, false)
	p := example(t, nil)
	codes := make(chan string, 1)
	var qr string
	var mu sync.Mutex
	var stages []string // the face scan's stages, then "resume" when the engine asks to go on
	res, _, err := h.run(p, func(o *portal.Options) {
		o.Codes = codes
		o.Sink = portal.SinkFunc(func(e portal.Event) {
			if e.Human != steps.FaceAndCode {
				return
			}
			mu.Lock()
			stages = append(stages, string(e.Stage))
			mu.Unlock()
			if e.Type == portal.EvHuman {
				qr = e.File
				h.sim.Hook("POST", "/__sim/verify?step=face&user="+p.Account.Username, nil, nil)
				codes <- "12345678"
			}
		})
		o.BeforeResume = func(_ context.Context, step steps.Step) error {
			if step == steps.FaceAndCode {
				mu.Lock()
				stages = append(stages, "resume")
				mu.Unlock()
			}
			return nil
		}
	})
	mustReady(t, res, err)
	h.assertAccepted(p)
	// The batch learns each of these from a typed event, not from words.
	mu.Lock()
	got := strings.Join(slices.DeleteFunc(stages, func(s string) bool { return s == string(steps.Waiting) }), " ")
	mu.Unlock()
	if got != "started code_asked done resume" {
		t.Errorf("face scan stages: %s, want started code_asked done resume", got)
	}
	if st, err := os.Stat(qr); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("QR code not saved privately: %v %v", st, err)
	}
}

// Nobody does the face scan: the run stops after --wait with exit 4 and
// keeps the QR code for the person; a later run, from any folder, continues.
func TestNobodyAtTheFaceScanParks(t *testing.T) {
	h := newLiveHarness(t, false)
	p := example(t, nil)
	dir := t.TempDir()
	res, _, err := h.run(p, func(o *portal.Options) { o.Wait = 2 * time.Second; o.RunDir = dir })
	var pe *portal.ParkedError
	if !errors.As(err, &pe) || exitcode.Of(err) != exitcode.Parked {
		t.Fatalf("want parked (exit 4), got %v (exit %d)", err, exitcode.Of(err))
	}
	if res.Page != "verify" {
		t.Errorf("parked on %s", res.Page)
	}
	if _, err := os.Stat(filepath.Join(dir, "verify-qr.png")); err != nil {
		t.Error("no QR code for the person:", err)
	}
	h.sim.Verify(p.Account.Username)
	// The same command from another folder (a new run directory): the
	// draft remembered for the account is continued, no second one made.
	res, _, err = h.run(p, nil)
	mustReady(t, res, err)
	h.assertAccepted(p)
}

// With a captcha the tool fills user name and password and waits; the
// person types the captcha and logs in.
func TestCaptchaIsLeftToThePerson(t *testing.T) {
	h := newLiveHarness(t, true)
	p := example(t, nil)
	done := make(chan error, 1)
	res, _, err := h.run(p, func(o *portal.Options) {
		o.Sink = portal.SinkFunc(func(e portal.Event) {
			if e.Type == portal.EvHuman && e.Human == "face_and_code" {
				h.sim.Verify(p.Account.Username) // not under test here
			}
			if e.Type == portal.EvHuman && e.Human == "captcha" {
				go func() {
					// The person: read the captcha, type it, click 登录.
					done <- chromedp.Do(h.tab,
						chromedp.SendKeys(chromedp.CSS(".fi-captcha input"), h.sim.Captcha()),
						chromedp.Click(chromedp.CSS(".btn-login")),
					)
				}()
			}
		})
	})
	if herr := <-done; herr != nil {
		t.Fatal("the person could not log in:", herr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !res.Ready {
		t.Fatal("not ready")
	}
}

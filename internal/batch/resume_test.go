package batch

import (
	"context"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/steps"
)

// The batch's sink only takes notes: a human step frees the job's slot at
// once, and its end never blocks the engine's events. Getting back in
// line for a slot is the engine's BeforeResume question, which waits.
func TestSinkNeverBlocksAndResumeWaitsForASlot(t *testing.T) {
	b := New(Options{Parallel: 1})
	r := &run{row: Row{Status: Status{N: 1, State: Running}, Live: true}, codes: make(chan string, 1)}
	b.runs = []*run{r}
	ctx := context.Background()
	mine := &slot{pool: b.slots}
	if !mine.acquire(ctx) {
		t.Fatal("no slot for the job")
	}
	tr := &tracker{b: b, r: r, slot: mine, ctx: ctx, wait: time.Minute}
	tr.touch()

	tr.Emit(portal.Event{Type: portal.EvHuman, Human: steps.FaceAndCode, Stage: steps.Started, File: "qr.png"})
	if got := b.Rows()[0]; got.State != WaitingFace || got.QR != "qr.png" {
		t.Fatalf("face scan asked: %s (QR %q)", got.Text(), got.QR)
	}
	other := &slot{pool: b.slots}
	if !other.acquire(ctx) { // the freed slot serves someone else
		t.Fatal("the waiting job kept its slot")
	}
	tr.Emit(portal.Event{Type: portal.EvHumanStage, Human: steps.FaceAndCode, Stage: steps.CodeAsked})
	if got := b.Rows()[0]; got.State != WaitingCode {
		t.Errorf("face scan done, code asked: %s", got.Text())
	}

	emitted := make(chan struct{})
	go func() { // with every slot taken, the sink still returns at once
		tr.Emit(portal.Event{Type: portal.EvHumanDone, Human: steps.FaceAndCode, Stage: steps.Done})
		close(emitted)
	}()
	select {
	case <-emitted:
	case <-time.After(10 * time.Second):
		t.Fatal("Emit blocked on a slot")
	}

	resumed := make(chan error, 1)
	go func() { resumed <- tr.beforeResume(ctx, steps.FaceAndCode) }()
	select {
	case err := <-resumed:
		t.Fatalf("resumed without a slot (err %v)", err)
	case <-time.After(50 * time.Millisecond): // no slot free: still waiting, as it must
	}
	if tr.idle() != 0 {
		t.Error("a job waiting for a slot counts as hung")
	}
	other.release()
	if err := <-resumed; err != nil {
		t.Fatal(err)
	}
	if got := b.Rows()[0]; got.State != Running || !got.Deadline.IsZero() {
		t.Errorf("resumed: %s, deadline %v", got.Text(), got.Deadline)
	}

	// A batch that is stopped does not wait for a slot.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	mine.release()
	other.acquire(ctx)
	if err := tr.beforeResume(cctx, steps.FaceAndCode); err == nil {
		t.Error("resumed after the batch was stopped")
	}
}

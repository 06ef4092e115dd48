package page

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Response is one answer to a request of the page's scripts (XHR or
// fetch): whether a save failed with a server error (retry), an expired
// session (log in again) or a validation error (stop and say why).
type Response struct {
	Seq    int    `json:"seq"`
	Method string `json:"method"`
	URL    string `json:"url"`
	Status int    `json:"status"` // 0: failed without an answer
}

// netState follows one tab's requests from CDP Network events.
type netState struct {
	mu        sync.Mutex
	inflight  map[network.RequestID]string // id → method
	responses []Response
	seq       int
	changed   chan struct{} // closed and replaced on every change
}

var nets sync.Map // *chromedp.Target → *netState

// WatchNetwork starts following the tab's requests (once per tab).
func WatchNetwork(ctx context.Context) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return
	}
	n := &netState{inflight: map[network.RequestID]string{}, changed: make(chan struct{})}
	if _, loaded := nets.LoadOrStore(c.Target, n); loaded {
		return
	}
	_ = chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if e.Type == network.ResourceTypeXHR || e.Type == network.ResourceTypeFetch {
				n.update(func() { n.inflight[e.RequestID] = strings.ToUpper(e.Request.Method) })
			}
		case *network.EventResponseReceived:
			n.update(func() {
				if m, ok := n.inflight[e.RequestID]; ok {
					n.seq++
					n.responses = append(n.responses, Response{Seq: n.seq, Method: m, URL: e.Response.URL, Status: int(e.Response.Status)})
					if len(n.responses) > 200 {
						n.responses = n.responses[1:]
					}
				}
			})
		case *network.EventLoadingFinished:
			n.update(func() { delete(n.inflight, e.RequestID) })
		case *network.EventLoadingFailed:
			n.update(func() {
				if m, ok := n.inflight[e.RequestID]; ok {
					n.seq++
					n.responses = append(n.responses, Response{Seq: n.seq, Method: m, Status: 0})
					delete(n.inflight, e.RequestID)
				}
			})
		}
	})
}

func (n *netState) update(f func()) {
	n.mu.Lock()
	defer n.mu.Unlock()
	f()
	close(n.changed)
	n.changed = make(chan struct{})
}

func netOf(ctx context.Context) *netState {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return nil
	}
	v, ok := nets.Load(c.Target)
	if !ok {
		return nil
	}
	return v.(*netState)
}

// Idle reports that no request of the page's scripts is in flight (true
// when the tab is not watched).
func Idle(ctx context.Context) bool {
	n := netOf(ctx)
	if n == nil {
		return true
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.inflight) == 0
}

// NetworkIdle waits until no request of the page's scripts is in flight.
func NetworkIdle(ctx context.Context, timeout time.Duration) error {
	n := netOf(ctx)
	if n == nil {
		return nil
	}
	t := time.NewTimer(max(timeout, 0))
	defer t.Stop()
	for {
		n.mu.Lock()
		busy, ch := len(n.inflight), n.changed
		n.mu.Unlock()
		if busy == 0 {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			return &TimeoutError{What: "the page's requests to finish", After: timeout, Last: "requests are in flight"}
		}
	}
}

// ResponseSeq is the number of the last response seen.
func ResponseSeq(ctx context.Context) int {
	n := netOf(ctx)
	if n == nil {
		return 0
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.seq
}

// ResponsesSince lists the responses after seq.
func ResponsesSince(ctx context.Context, seq int) []Response {
	n := netOf(ctx)
	if n == nil {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []Response
	for _, r := range n.responses {
		if r.Seq > seq {
			out = append(out, r)
		}
	}
	return out
}

package page

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
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

type request struct {
	method, url string
	loader      cdp.LoaderID
}

// netState follows one tab's requests from CDP Network events.
type netState struct {
	mu        sync.Mutex
	inflight  map[network.RequestID]request
	responses []Response
	seq       int
	changed   chan struct{} // closed and replaced on every change
}

var nets sync.Map // *chromedp.Target → *netState (dropped with the tab: tabs.go)

// WatchNetwork starts following the tab's requests (once per tab).
func WatchNetwork(ctx context.Context) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return
	}
	n := &netState{inflight: map[network.RequestID]request{}, changed: make(chan struct{})}
	if _, loaded := nets.LoadOrStore(c.Target, n); loaded {
		return
	}
	// The listener below ends with ctx: so does the state it keeps.
	dropWithTab(ctx, &nets, n)
	top := c.Target.TargetID // the top frame's id is the tab's
	_ = chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			switch e.Type {
			case network.ResourceTypeXHR, network.ResourceTypeFetch:
				n.update(func() {
					n.inflight[e.RequestID] = request{strings.ToUpper(e.Request.Method), e.Request.URL, e.LoaderID}
				})
			case network.ResourceTypeDocument:
				if string(e.FrameID) != string(top) {
					break // an iframe's document
				}
				// A new document: the previous one's requests end with it
				// (a fetch whose body nobody read never reports finishing).
				n.update(func() {
					for id, r := range n.inflight {
						if r.loader != e.LoaderID {
							delete(n.inflight, id)
						}
					}
				})
			}
		case *network.EventResponseReceived:
			n.update(func() {
				if m, ok := n.inflight[e.RequestID]; ok {
					n.seq++
					n.responses = append(n.responses, Response{Seq: n.seq, Method: m.method, URL: e.Response.URL, Status: int(e.Response.Status)})
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
					n.responses = append(n.responses, Response{Seq: n.seq, Method: m.method, URL: m.url, Status: 0})
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
		var some string
		for _, r := range n.inflight {
			some = r.method + " " + r.url
			break
		}
		n.mu.Unlock()
		if busy == 0 {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			return &TimeoutError{What: "the page's requests to finish", After: timeout, Last: fmt.Sprintf("%d requests in flight, such as %s", busy, some)}
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

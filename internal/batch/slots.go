package batch

import (
	"context"
	"slices"
	"sync"
)

// pool shares the Parallel filling slots. Applicants who already have a
// tab open — back from a person's step, or on to their next degree — go
// before those yet to start, so tabs do not pile up at the human steps
// while new applicants keep opening more. Within each group, first come,
// first served.
type pool struct {
	mu    sync.Mutex
	free  int
	open  []chan struct{} // waiting, with a tab open
	fresh []chan struct{} // waiting to start
}

func newPool(n int) *pool { return &pool{free: n} }

// acquire waits for a slot; it reports false when ctx ends first.
func (p *pool) acquire(ctx context.Context, hasTab bool) bool {
	if ctx.Err() != nil {
		return false
	}
	p.mu.Lock()
	if p.free > 0 && len(p.open) == 0 && (hasTab || len(p.fresh) == 0) {
		p.free--
		p.mu.Unlock()
		return true
	}
	ch := make(chan struct{})
	if hasTab {
		p.open = append(p.open, ch)
	} else {
		p.fresh = append(p.fresh, ch)
	}
	p.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		p.mu.Lock()
		if i := slices.Index(p.open, ch); i >= 0 {
			p.open = slices.Delete(p.open, i, i+1)
		} else if i := slices.Index(p.fresh, ch); i >= 0 {
			p.fresh = slices.Delete(p.fresh, i, i+1)
		} else { // granted as ctx ended: hand it on
			p.mu.Unlock()
			p.release()
			return false
		}
		p.mu.Unlock()
		return false
	}
}

// release hands the slot to the next in line, or frees it.
func (p *pool) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case len(p.open) > 0:
		close(p.open[0])
		p.open = p.open[1:]
	case len(p.fresh) > 0:
		close(p.fresh[0])
		p.fresh = p.fresh[1:]
	default:
		p.free++
	}
}

// slot is one applicant's share of the pool.
type slot struct {
	pool   *pool
	mu     sync.Mutex
	held   bool
	hasTab bool // the applicant's tab is open: first in line
}

func (s *slot) acquire(ctx context.Context) bool {
	s.mu.Lock()
	held, hasTab := s.held, s.hasTab
	s.mu.Unlock()
	if held {
		return true
	}
	if !s.pool.acquire(ctx, hasTab) {
		return false
	}
	s.mu.Lock()
	s.held = true
	s.mu.Unlock()
	return true
}

func (s *slot) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held {
		s.pool.release()
		s.held = false
	}
}

func (s *slot) tabOpen() {
	s.mu.Lock()
	s.hasTab = true
	s.mu.Unlock()
}

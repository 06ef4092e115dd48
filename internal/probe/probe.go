package probe

import (
	"context"
	"os"

	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// Result is what one probe found.
type Result struct {
	Visits    []Visit           `json:"visits"`
	Report    *pagecheck.Report `json:"drift"`
	Proposals []Proposal        `json:"proposals"`
	Decisions []Decision        `json:"needs_decision"`
}

// Unknown lists the visits no map placed.
func (r *Result) Unknown() []Visit {
	var out []Visit
	for _, v := range r.Visits {
		if v.Unknown {
			out = append(out, v)
		}
	}
	return out
}

// Probe walks the portal (Walk), checks every map against what it
// recorded (pagecheck, in the same tab once the walk is done) and proposes
// what would make the maps fit. It writes only the recordings.
func Probe(ctx context.Context, o Options) (*Result, error) {
	visits, err := Walk(ctx, o)
	res := &Result{Visits: visits}
	if err != nil {
		return res, err
	}
	rep, err := pagecheck.Check(ctx, o.Maps, os.DirFS(o.Recordings), o.Recordings)
	if err != nil {
		return res, err
	}
	res.Report = rep
	res.Proposals, res.Decisions = Propose(o.Maps, rep, visits)
	return res, nil
}

// Apply returns maps with the proposals applied
// in memory: what the next run would load.
func Apply(maps *pagemap.Set, props []Proposal) (*pagemap.Set, error) {
	out := &pagemap.Set{Maps: map[string]*pagemap.Map{}, Order: maps.Order}
	for k, v := range maps.Maps {
		out.Maps[k] = v
	}
	dir, err := os.MkdirTemp("", "autofill-probe-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if _, err := WriteOverrides(dir, maps, props, ""); err != nil {
		return nil, err
	}
	if _, err := out.Overlay(os.DirFS(dir), dir); err != nil {
		return nil, err
	}
	return out, nil
}

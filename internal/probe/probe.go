package probe

import (
	"context"
	"fmt"
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
	props, decs := Propose(o.Maps, rep, visits)
	// Only what fits the recorded pages once applied is proposed: check the
	// changed maps again, and leave a change that still misfits to a person.
	if len(props) > 0 {
		applied, err := Apply(o.Maps, props)
		if err != nil {
			return res, err
		}
		again, err := pagecheck.Check(ctx, applied, os.DirFS(o.Recordings), o.Recordings)
		if err != nil {
			return res, err
		}
		props, decs = settled(props, decs, again)
	}
	res.Proposals, res.Decisions = props, decs
	return res, nil
}

// settled moves each proposal whose item still has a problem after the
// change into the decisions.
func settled(props []Proposal, decs []Decision, again *pagecheck.Report) ([]Proposal, []Decision) {
	still := map[string]string{}
	for _, pr := range again.Pages {
		for _, q := range pr.Problems {
			still[q.Page+"|"+q.What+"|"+q.Key] = q.Message
		}
	}
	var keep []Proposal
	for _, p := range props {
		if msg, bad := still[p.Page+"|"+p.What+"|"+p.Key]; bad {
			decs = append(decs, Decision{Page: p.Page, Where: p.Where, What: p.What, Key: p.Key, Label: p.Old,
				Message: fmt.Sprintf("changing %s %q to %q does not make it fit (%s)", p.Change, p.Old, p.New, msg)})
			continue
		}
		keep = append(keep, p)
	}
	return keep, decs
}

// Apply returns maps with the proposals applied
// in memory: what the next run would load.
func Apply(maps *pagemap.Set, props []Proposal) (*pagemap.Set, error) {
	out := &pagemap.Set{Maps: map[string]*pagemap.Map{}, Order: maps.Order, Flow: maps.Flow}
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

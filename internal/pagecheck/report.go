// Package pagecheck tests the page maps (selectors/) against recorded pages
// (recordings/) in a real browser, with the engine's own in-page helpers:
// every selector finds exactly one element of the right kind, every label is
// the one beside its control, every mapped option is offered, every detect
// rule recognises its own page and no other. When the portal changes, the
// report names each broken field and proposes a selector anchored on its
// label. Profile does the same for one applicant's values: which fields a
// run would find and whether the profile's choices are offered.
package pagecheck

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

// Problem is one way a map no longer fits its recording.
type Problem struct {
	Page     string `json:"page"`
	Where    string `json:"where"`              // the map's file:line
	What     string `json:"what"`               // field, action next, detect, never_click, …
	Key      string `json:"key,omitempty"`      // the field's profile key
	Label    string `json:"label,omitempty"`    // the field's label, or the target's text
	Selector string `json:"selector,omitempty"` // the selector that failed
	Message  string `json:"message"`
	Proposal string `json:"proposal,omitempty"` // a selector that finds the control by its label
	// Found is what the page shows where the map expected its own text:
	// the form item's label, the button's text.
	Found string `json:"found,omitempty"`
	// Candidates are the selectors of every control that could be meant
	// when more than one has the field's label (a person decides).
	Candidates []string `json:"candidates,omitempty"`
	// Missing: the selector matches nothing on the page (Proposal then
	// replaces it).
	Missing bool `json:"missing,omitempty"`
	// Unrecognised: the map's detect rule does not recognise its own
	// recorded page (What is "detect").
	Unrecognised bool `json:"unrecognised,omitempty"`
}

// String reads like a compiler error: where, what, how to fix.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Where + ": ")
	switch {
	case p.Key != "":
		fmt.Fprintf(&b, "%s %s (%s): ", p.What, p.Key, p.Label)
	case p.Label != "":
		fmt.Fprintf(&b, "%s (%s): ", p.What, p.Label)
	default:
		b.WriteString(p.What + ": ")
	}
	b.WriteString(p.Message)
	if p.Proposal != "" {
		fmt.Fprintf(&b, "; proposed selector: %s", p.Proposal)
	}
	return b.String()
}

// PageResult is the outcome for one page map.
type PageResult struct {
	Page      string    `json:"page"`
	Title     string    `json:"title"`
	Recording string    `json:"recording"` // the file checked against, "" when none
	Source    string    `json:"source,omitempty"`
	Fields    int       `json:"fields"`    // fields checked (dialog, manual and code fields included)
	Selectors int       `json:"selectors"` // selectors checked, fields included
	Problems  []Problem `json:"problems"`
	Notes     []string  `json:"notes,omitempty"` // what could not be checked and why
}

// Report is the outcome of Check.
type Report struct {
	Recordings string       `json:"recordings"`
	Pages      []PageResult `json:"pages"`
	Notes      []string     `json:"notes,omitempty"`
}

// Problems counts the problems of every page.
func (r *Report) Problems() int {
	n := 0
	for _, p := range r.Pages {
		n += len(p.Problems)
	}
	return n
}

// Err is nil when every map fits its recording, else a drift error (exit
// code 3) summing up.
func (r *Report) Err() error {
	n := r.Problems()
	if n == 0 {
		return nil
	}
	var pages []string
	for _, p := range r.Pages {
		if len(p.Problems) > 0 {
			pages = append(pages, p.Page)
		}
	}
	return exitcode.Errorf(exitcode.Drift, "%d problem(s) on %s: the page maps no longer fit the recorded pages; fix selectors/ (see the proposals), or re-record the pages if the portal changed (`autofill record`)",
		n, strings.Join(pages, ", "))
}

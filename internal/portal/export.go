package portal

import (
	"context"
	"fmt"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/profile"
)

// HelpersJS returns the old in-page helper script (window.__af), for the
// tools that have not moved to internal/page yet.
func HelpersJS() string { return helpersJS }

// InstallHelpers prepares a tab for the tools outside the engine that still
// call the old helper script (after-care's session): the page layer, plus
// window.__af in the current document and every document loaded later.
// The engine installs only the page layer.
func InstallHelpers(ctx context.Context) error {
	if err := installHelpers(ctx); err != nil {
		return err
	}
	return bounded(ctx, callTimeout, "installing page helpers", func(ctx context.Context) error {
		if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument,
			cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: helpersJS}); err != nil {
			return fmt.Errorf("installing page helpers: %w", err)
		}
		return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS))
	})
}

// Lookup answers the page maps' profile keys for one degree of a profile,
// exactly as a run would (degree.same_school derived, study.* empty).
func Lookup(p *profile.Profile, d *profile.Degree) func(key string) (any, bool) {
	return LookupRow(p, d, nil)
}

// LookupRow is Lookup while the study-history dialog fills row s: study.*
// keys answer from s, every other key as in Lookup.
func LookupRow(p *profile.Profile, d *profile.Degree, s *profile.Study) func(key string) (any, bool) {
	v := &values{p: p, d: d, study: s}
	return v.get
}

package portal

import (
	"context"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// installHelpers prepares the tab for the page layer (the toast recorder,
// the watch on its requests). Nothing else is installed in the portal.
func installHelpers(ctx context.Context) error { return page.Install(ctx) }

// Deadlines of single exchanges with the browser. Waits for the page have
// their own deadlines; these bound one evaluation, click, key press or
// screenshot, so that a frozen tab ends the run with a clear error.
const (
	callTimeout = page.CallTimeout
	navTimeout  = 90 * time.Second // the portal is slow in graduation season
)

// bounded is page.Bounded: one exchange with the browser, with a deadline.
var bounded = page.Bounded

// location returns the tab's URL ("" when the tab does not answer).
func location(ctx context.Context) string { return page.Location(ctx) }

// The page functions the engine uses, typed: each is one file under
// internal/page/js, called by value. Elements are page-layer handles.

func visibleCount(ctx context.Context, css string) (int, error) {
	return page.Call[int](ctx, "visible_count", css)
}

func textOf(ctx context.Context, css string) (string, error) {
	return page.Call[string](ctx, "text", css)
}

func tableRows(ctx context.Context, rows string) ([][]string, error) {
	return page.Call[[][]string](ctx, "table_rows", rows)
}

func tableHeaders(ctx context.Context, table string) ([]string, error) {
	return page.Call[[]string](ctx, "table_headers", table)
}

func formErrors(ctx context.Context, scope string) ([]FormError, error) {
	return page.Call[[]FormError](ctx, "form_errors", scope)
}

func openDialogs(ctx context.Context, known []string) ([]dialog, error) {
	return page.Call[[]dialog](ctx, "dialogs", known)
}

func detectPages(ctx context.Context, rules []pagemap.DetectRule) ([]string, error) {
	return page.Call[[]string](ctx, "detect", rules)
}

func summaryPairs(ctx context.Context, section, label, value string) ([]summaryPair, error) {
	return page.Call[[]summaryPair](ctx, "pairs", section, label, value)
}

func buttonTexts(ctx context.Context, scope string) ([]string, error) {
	return page.Call[[]string](ctx, "buttons", scope)
}

// unknownRequired lists the labels of required fields in scope that no
// map field names.
func unknownRequired(ctx context.Context, known []string, scope string) ([]string, error) {
	id, err := page.Identify(ctx, nil, known, scope)
	return id.Unknown, err
}

// rowButton finds, in row i of rows, the button matching css and text.
func rowButton(ctx context.Context, rows string, i int, css, text string) (string, error) {
	_, b, err := page.Locate[struct{}](ctx, "", "row_button", rows, i, css, text)
	return string(b), err
}

// uploadItem finds the list item of an upload control that shows name.
func uploadItem(ctx context.Context, upload, name string) (string, error) {
	_, n, err := page.Locate[struct{}](ctx, page.Element(upload), "upload_item", name)
	return string(n), err
}

// readAll reads many controls in one page call: ids are (handle, kind).
func readAll(ctx context.Context, ids [][2]string) ([]readResult, error) {
	els, kinds := make([]page.Element, len(ids)), make([]string, len(ids))
	for i, x := range ids {
		els[i], kinds[i] = page.Element(x[0]), x[1]
	}
	return page.ReadAll(ctx, els, kinds)
}

// idle reports, without waiting long, that the page is ready to be read:
// no request in flight, and the page settled for two animation frames.
func idle(ctx context.Context) (bool, error) {
	if !page.Idle(ctx) {
		return false, nil
	}
	st, err := page.Call[struct {
		OK bool `json:"ok"`
	}](ctx, "settled", 100)
	return st.OK && err == nil, err
}

// A mark is where the page's toasts and responses stood at a moment; a
// save asks for what came after it.
type mark struct{ toast, net int }

func markNow(ctx context.Context) mark {
	return mark{page.ToastSeq(ctx), page.ResponseSeq(ctx)}
}

func responsesSince(ctx context.Context, m mark) []response {
	return page.ResponsesSince(ctx, m.net)
}

// The page layer's wait for conditions that live in Go, and its timeout,
// under the engine's short names.
var (
	waitFor    = page.WaitFor
	errTimeout = page.ErrTimeout
)

package portal

import (
	"context"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// ReadCommitted reads the value the control css committed, as the engine's
// read-back does (tests only).
func ReadCommitted(ctx context.Context, css string, kind pagemap.Kind) (string, error) {
	el, err := page.Query(ctx, css)
	if err != nil {
		return "", err
	}
	got, err := read(ctx, string(el), kind)
	return got.Value, err
}

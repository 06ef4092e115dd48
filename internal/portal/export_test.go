package portal

import (
	"context"
	"fmt"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// ReadCommitted reads the value the control css committed, as the engine's
// read-back does (tests only).
func ReadCommitted(ctx context.Context, css string, kind pagemap.Kind) (string, error) {
	id, err := evalJS[string](ctx, fmt.Sprintf("__af.tag(document.querySelector(%q))", css))
	if err != nil {
		return "", err
	}
	got, err := read(ctx, id, kind)
	return got.Value, err
}

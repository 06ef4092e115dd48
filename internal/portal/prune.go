package portal

import (
	"context"
	"fmt"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// pruneUpload deletes one uploaded file of an upload control (--prune):
// Element UI deletes the focused file of its list on the Delete key, the
// way a keyboard user does; a click on the file's name focuses it.
func (r *runner) pruneUpload(ctx context.Context, m *pagemap.Map, f pagemap.Field, id, name string) error {
	nid, err := uploadItem(ctx, id, name)
	if err != nil {
		return err
	}
	if nid == "" {
		return nil // already gone
	}
	if err := r.clickID(ctx, nid, name); err != nil {
		return err
	}
	if err := key(ctx, "Delete", 46); err != nil {
		return err
	}
	if err := waitFor(ctx, r.opts.StepTimeout, "the portal to delete "+name, func() (bool, error) {
		cur, err := read(ctx, id, pagemap.Upload)
		return err == nil && !contains(cur.List, name) && len(cur.Pending) == 0, err
	}); err != nil {
		return failure(fmt.Errorf("page %s, %s: --prune could not delete %s: %w; delete it on the portal yourself", m.Page, f.Label, name, err))
	}
	r.pruned(m, f.Label, name)
	return nil
}

// pruneRow deletes row j of a table (--prune) through its delete button and
// the confirmation, and waits until the table has one row less.
func (r *runner) pruneRow(ctx context.Context, m *pagemap.Map, f pagemap.Field, j int, text string) error {
	t := f.Table
	if t.Delete.CSS == "" {
		return drift(&DriftError{Page: m.Page, Key: f.Key + ".table.delete", Label: "删除", Detail: "the map has no delete button for --prune"})
	}
	before, err := visibleCount(ctx, t.Rows)
	if err != nil {
		return err
	}
	bid, err := rowButton(ctx, t.Rows, j, t.Delete.CSS, t.Delete.Text)
	if err != nil {
		return err
	}
	if bid == "" {
		return drift(&DriftError{Page: m.Page, Key: f.Key + ".table.delete", Label: t.Delete.Text,
			Detail: fmt.Sprintf("row %q has no %q button (%s)", text, t.Delete.Text, t.Delete.CSS)})
	}
	if err := r.clickID(ctx, bid, t.Delete.Text); err != nil {
		return err
	}
	if t.ConfirmDelete.CSS != "" {
		if err := r.clickTarget(ctx, m, f.Key+".table.confirm_delete", t.ConfirmDelete); err != nil {
			return err
		}
	}
	if err := page.UntilCount(ctx, r.opts.StepTimeout, "the row to be deleted", t.Rows, before-1); err != nil {
		return failure(fmt.Errorf("page %s, %s: --prune could not delete the row %q: %w; delete it on the portal yourself", m.Page, f.Label, text, err))
	}
	if err := r.waitIdle(ctx); err != nil {
		return err
	}
	r.pruned(m, f.Label, text)
	return nil
}

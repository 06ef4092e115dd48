package page

import (
	"context"
	"strings"
)

// tableDriver reads an el-table's data rows, one "a | b | c" line each.
// Rows are added through the table's own dialog, field by field with the
// other drivers; the table itself takes no typing.
type tableDriver struct{}

func (tableDriver) Fill(context.Context, *Env, Element, Field, Want) error { return ErrReadOnly }

func (tableDriver) Read(ctx context.Context, el Element) (Reading, error) {
	rows, err := CallOn[[][]string](ctx, el, "table_read")
	var r Reading
	for _, cells := range rows {
		r.List = append(r.List, strings.Join(cells, " | "))
	}
	return r, err
}

func init() { Register(ElementUI, "table", tableDriver{}) }

package page

import (
	"context"
	"fmt"
)

// cascaderDriver walks an el-cascader: one menu per level; wait in the page
// for the node to stand still, click it, on to the next menu. Reads the
// path the component shows as chosen.
type cascaderDriver struct{}

func (cascaderDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	if err := openDropdown(ctx, env, el, f.Label); err != nil {
		return err
	}
	for level, name := range w.List {
		st, node, err := Locate[optionState](ctx, el, "cascader_node", level, name, env.timeout().Milliseconds())
		if err != nil {
			return err
		}
		if node == "" {
			_ = Escape(ctx)
			if st.Open && st.Count == 0 && level < st.Menus {
				return fmt.Errorf("%q is not offered at level %d; it offers: %s", name, level+1, Offered(st.Offered))
			}
			return &TimeoutError{What: fmt.Sprintf("%s level %d %q", f.Label, level+1, name), After: env.timeout()}
		}
		if err := env.Click.ClickNearest(ctx, node, fmt.Sprintf("%q", name), st.Box); err != nil {
			return err
		}
	}
	return nil
}

func (cascaderDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "cascader_read")
}

func init() { Register(ElementUI, "cascader", cascaderDriver{}) }

package page

import "context"

// checkboxDriver clicks an el-checkbox when its state is not the wanted
// one ("true"/"false"; any other text clicks once, as a toggle). Reads
// "true" or "false" from the component's checked class.
type checkboxDriver struct{ read string }

func (d checkboxDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	cur, err := d.Read(ctx, el)
	if err != nil {
		return err
	}
	if (w.Text == "true" || w.Text == "false") && cur.Value == w.Text {
		return nil
	}
	return env.Click.Click(ctx, el, f.Label)
}

func (d checkboxDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, d.read)
}

func init() {
	Register(ElementUI, "checkbox", checkboxDriver{read: "checkbox_read"})
	Register(Native, "checkbox", checkboxDriver{read: "native_read"})
}

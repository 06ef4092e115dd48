package page

import "context"

// textDriver types into an input or textarea: select its text, insert the
// new text in one step (as an IME does), then leave it (change, blur). It
// reads the el-form's model of the item, which is what the form sends.
type textDriver struct{}

func (textDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	if err := focus(ctx, el, "the control"); err != nil {
		return err
	}
	var err error
	if w.Text == "" {
		_, err = CallOn[bool](ctx, el, "clear")
	} else {
		err = InsertText(ctx, w.Text)
	}
	if err != nil {
		return err
	}
	_, err = CallOn[bool](ctx, el, "commit")
	return err
}

func (textDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "text_read")
}

func init() {
	for _, lib := range []string{ElementUI, Native} {
		Register(lib, "text", textDriver{})
		Register(lib, "textarea", textDriver{})
	}
}

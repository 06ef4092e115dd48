package page

import "context"

// readonlyDriver reads a control the portal fills (a name from the
// account); it never types.
type readonlyDriver struct{}

func (readonlyDriver) Fill(context.Context, *Env, Element, Field, Want) error { return ErrReadOnly }

func (readonlyDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "text_read")
}

func init() {
	Register(ElementUI, "readonly", readonlyDriver{})
	Register(Native, "readonly", readonlyDriver{})
}

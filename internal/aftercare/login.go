package aftercare

import (
	"context"

	"github.com/cscse-tools/autofill/internal/portal"
)

// Login logs the tab in as portal.Run does (the person solves the captcha)
// and returns the session on 我的申请. Nothing is filled.
func Login(tab context.Context, o portal.Options) (*Session, error) {
	if err := portal.Open(tab, o); err != nil {
		return nil, err
	}
	return NewSession(tab, o.Maps, o.StepTimeout)
}

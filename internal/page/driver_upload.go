package page

import (
	"context"
	"errors"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// uploadDriver gives files to an upload control's file input, as choosing
// them in the file dialog does; the portal's upload starts from its change
// event. Reads the files the list shows as uploaded, uploading and failed.
type uploadDriver struct{}

func (uploadDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	_, input, err := Locate[struct{}](ctx, el, "file_input")
	if err != nil {
		return err
	}
	if input == "" {
		return errors.New("the upload control has no file input")
	}
	return Bounded(ctx, CallTimeout, "choosing files", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: w.List, ObjectID: runtime.RemoteObjectID(input)})
		return classify("choosing files", err)
	})
}

func (uploadDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "upload_read")
}

func init() { Register(ElementUI, "upload", uploadDriver{}) }

package aftercare

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// control is a mapped control found on the page (tagged by the helpers).
type control struct {
	id    string
	field pagemap.Field
}

type resolved struct {
	How   string `json:"how"`
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// find locates a page's field by its key: its selector, else its label.
func (s *Session) find(page, key string) (control, error) {
	m := s.maps.Get(page)
	var f pagemap.Field
	for _, x := range m.Fields {
		if x.Key == key {
			f = x
		}
	}
	if f.Key == "" {
		return control{}, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no field %s", m.File, key))
	}
	var r resolved
	err := waitFor(s, f.Label, func() (bool, error) {
		var err error
		r, err = js[resolved](s, "resolve", f.CSS, f.Label, string(f.Kind), m.Scope())
		return r.ID != "", err
	})
	if err != nil {
		return control{}, exitcode.With(exitcode.Drift, fmt.Errorf("%s: %s (%s, %q) is not on the page (%s): %w; run autofill check", m.Where(f.Line), f.Label, f.Key, f.CSS, r.How, err))
	}
	return control{id: r.ID, field: f}, nil
}

// uploadList is what an el-upload lists (helpers.js read).
type uploadList struct {
	List    []string `json:"list"`
	Pending []string `json:"pending"`
	Failed  []string `json:"failed"`
}

func (s *Session) listed(c control) (uploadList, error) {
	return js[uploadList](s, "read", c.id, string(pagemap.Upload))
}

type toast struct {
	Seq  int    `json:"seq"`
	Type string `json:"type"`
	Text string `json:"text"`
}

// errorSince returns the first error toast since seq ("" for none).
func (s *Session) errorSince(seq int) string {
	ts, _ := js[[]toast](s, "messagesSince", seq)
	for _, t := range ts {
		if t.Type == "error" {
			return t.Text
		}
	}
	return ""
}

func (s *Session) seq() int {
	n, _ := js[int](s, "lastSeq")
	return n
}

// setFile hands a file to the file input of css (no click: a person's
// file dialog is not needed).
func (s *Session) setFile(css, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	_, err = run(s.tab, chromedp.SetUploadFiles(chromedp.CSS(css), []string{abs}))
	return err
}

// uploadTo uploads path through an el-upload control and waits until the
// list shows it, or the portal refuses it (its message is the error).
func (s *Session) uploadTo(page string, c control, path string) error {
	name := filepath.Base(path)
	seq := s.seq()
	if err := s.setFile(fmt.Sprintf(`[data-af=%q] input[type=file]`, c.id), path); err != nil {
		return fmt.Errorf("%s, %s: cannot hand %s to the upload control: %w", page, c.field.Label, name, err)
	}
	var refused string
	err := waitFor(s, "upload of "+name, func() (bool, error) {
		l, err := s.listed(c)
		if err != nil {
			return false, err
		}
		if slices.Contains(l.List, name) {
			return true, nil
		}
		refused = s.errorSince(seq)
		return refused != "" && len(l.Pending) == 0, nil
	})
	if err != nil {
		return fmt.Errorf("%s, %s: %s did not finish uploading: %w", page, c.field.Label, name, err)
	}
	if refused != "" {
		return exitcode.Errorf(exitcode.BadInput, "%s, %s: the portal refused %s: %s", page, c.field.Label, name, refused)
	}
	return nil
}

// typeInto replaces a text control's content with text as typing would,
// and returns what the control holds afterwards.
func (s *Session) typeInto(c control, text string) (string, error) {
	if _, err := js[bool](s, "clearInput", c.id); err != nil {
		return "", err
	}
	ok, err := js[bool](s, "focusInput", c.id)
	if err != nil || !ok {
		return "", fmt.Errorf("%s: cannot focus the control: %v", c.field.Label, err)
	}
	tctx, cancel := context.WithTimeout(s.tab, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Call(tctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		return "", err
	}
	if _, err := js[bool](s, "blur", c.id); err != nil {
		return "", err
	}
	return s.textOf(c)
}

// textOf reads what a text control holds.
func (s *Session) textOf(c control) (string, error) {
	v, err := js[struct {
		Value string `json:"value"`
	}](s, "read", c.id, string(c.field.Kind))
	return strings.TrimSpace(v.Value), err
}

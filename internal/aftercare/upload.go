package aftercare

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// control is a mapped control found on the page: the page layer's handle
// on it (no mark is left in the portal's DOM).
type control struct {
	el    page.Element
	field pagemap.Field
}

// find locates a page's field by its key: its selector, else its exact,
// unique label (page.Resolve).
func (s *Session) find(id, key string) (control, error) {
	m := s.maps.Get(id)
	var f pagemap.Field
	for _, x := range m.Fields {
		if x.Key == key {
			f = x
		}
	}
	if f.Key == "" {
		return control{}, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no field %s", m.File, key))
	}
	var r page.Resolved
	err := waitFor(s, f.Label, func() (bool, error) {
		var err error
		r, err = page.Resolve(s.tab, f.CSS, f.Label, string(f.Kind), m.Scope())
		return r.How.Found() && r.El != "", err
	})
	if err != nil {
		return control{}, exitcode.With(exitcode.Drift, fmt.Errorf("%s: %s (%s, %q) is not on the page (%s): %w; run autofill check", m.Where(f.Line), f.Label, f.Key, f.CSS, r.How, err))
	}
	return control{el: r.El, field: f}, nil
}

// driver is the page layer's driver of c's kind for its widget library.
func (s *Session) driver(c control) (page.Driver, error) {
	return page.Drive(s.tab, c.el, string(c.field.Kind))
}

// env is what a driver needs while it fills: the click policy of page id.
func (s *Session) env(id string) *page.Env {
	return &page.Env{Click: s.clicker(id), Timeout: s.timeout}
}

// listed reads what an upload control lists: uploaded, uploading, failed.
func (s *Session) listed(c control) (page.Reading, error) {
	d, err := s.driver(c)
	if err != nil {
		return page.Reading{}, err
	}
	return d.Read(s.tab, c.el)
}

// errorSince returns the first error toast since seq ("" for none).
func (s *Session) errorSince(seq int) string {
	for _, t := range page.ToastsSince(s.tab, seq) {
		if t.Type == "error" {
			return t.Text
		}
	}
	return ""
}

func (s *Session) seq() int { return page.ToastSeq(s.tab) }

// setFiles hands a file to the upload control el as the file dialog would
// (the upload driver; no click, a person's file dialog is not needed).
func (s *Session) setFiles(id string, el page.Element, label, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	d, err := page.DriverFor(page.ElementUI, string(pagemap.Upload))
	if err != nil {
		return err
	}
	return d.Fill(s.tab, s.env(id), el, page.Field{Label: label, Kind: string(pagemap.Upload)}, page.Want{List: []string{abs}})
}

// uploadTo uploads path through an el-upload control and waits until the
// list shows it, or the portal refuses it (its message is the error).
func (s *Session) uploadTo(id string, c control, path string) error {
	name := filepath.Base(path)
	seq := s.seq()
	if err := s.setFiles(id, c.el, c.field.Label, path); err != nil {
		return fmt.Errorf("%s, %s: cannot hand %s to the upload control: %w", id, c.field.Label, name, err)
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
		return fmt.Errorf("%s, %s: %s did not finish uploading: %w", id, c.field.Label, name, err)
	}
	if refused != "" {
		return exitcode.Errorf(exitcode.BadInput, "%s, %s: the portal refused %s: %s", id, c.field.Label, name, refused)
	}
	return nil
}

// typeInto replaces a text control's content with text as typing would
// (the text driver), and returns what the control holds afterwards.
func (s *Session) typeInto(id string, c control, text string) (string, error) {
	d, err := s.driver(c)
	if err != nil {
		return "", err
	}
	if err := d.Fill(s.tab, s.env(id), c.el, page.Field{Label: c.field.Label, Kind: string(c.field.Kind)}, page.Want{Text: text}); err != nil {
		return "", fmt.Errorf("%s: %w", c.field.Label, err)
	}
	return s.textOf(c)
}

// textOf reads what a text control holds (the value the form will send).
func (s *Session) textOf(c control) (string, error) {
	d, err := s.driver(c)
	if err != nil {
		return "", err
	}
	v, err := d.Read(s.tab, c.el)
	return strings.TrimSpace(v.Value), err
}

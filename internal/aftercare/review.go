package aftercare

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/portal"
)

// ReviewMonths is the 复核 window after 认证完成 (docs/portal.md: within 12
// months, once, free).
const ReviewMonths = 12

// ReviewMaxFiles is how many files a 复核 takes (JPG ≤ 1 MB each).
const ReviewMaxFiles = 50

// ReviewDraft is what review prepared; 提交 is the person's.
type ReviewDraft struct {
	App      string   `json:"app"`
	Deadline string   `json:"deadline"` // the last day a 复核 may be asked for
	Reason   string   `json:"reason"`   // as the page holds it after a reload
	Uploaded []string `json:"uploaded,omitempty"`
	Already  []string `json:"already,omitempty"`
	Listed   []string `json:"listed,omitempty"` // files the page lists after a reload
}

// CanReview checks, from what Detail read, that a may be reviewed now:
// 认证完成, within 12 months of it, and no 复核 asked for yet.
func (s *Session) CanReview(a *Application) error {
	if a.Status != StatusDone {
		return exitcode.Errorf(exitcode.BadInput, "application %s is %s: a 复核 is only for 认证完成", a.ID, a.Status)
	}
	rv, _ := s.maps.Get(DetailPage).Value("review")
	if w, ok := rv.Word(a.Review); ok && w == "submitted" {
		return exitcode.Errorf(exitcode.BadInput, "application %s: a 复核 was already asked for (%s); it can be asked for once", a.ID, a.Review)
	}
	done, err := time.ParseInLocation(time.DateOnly, a.Completed, s.now().Location())
	if err != nil {
		return fmt.Errorf("application %s: the 查看 page shows no readable 认证完成日期 (%q)", a.ID, a.Completed)
	}
	end := done.AddDate(0, ReviewMonths, 0)
	if !s.now().Before(end) {
		return exitcode.Errorf(exitcode.BadInput, "application %s: the 复核 window closed on %s (%d months after 认证完成 on %s)", a.ID, end.Format(time.DateOnly), ReviewMonths, a.Completed)
	}
	if !a.has("review") {
		return fmt.Errorf("application %s: 我的申请 offers no 复核 although the window is open (%s); ask the centre", a.ID, a.Review)
	}
	return nil
}

// PrepareReview opens 复核 from a's row, types the reason, saves it (保存,
// never 提交), uploads the files not yet listed, and reads everything back
// after a reload.
func (s *Session) PrepareReview(a *Application, reason string, files []string) (*ReviewDraft, error) {
	if err := s.rowAction(a, "review", ReviewPage); err != nil {
		return nil, err
	}
	p := ReviewPage
	d := &ReviewDraft{App: a.ID}
	var err error
	if d.Deadline, err = s.value(p, "deadline"); err != nil {
		return d, err
	}
	rc, err := s.find(p, "review.reason")
	if err != nil {
		return d, err
	}
	got, err := s.typeInto(p, rc, reason)
	if err != nil {
		return d, err
	}
	if page.NormText(got) != page.NormText(reason) {
		return d, &portal.MismatchError{Page: p, Label: rc.field.Label, Want: reason, Got: got}
	}
	save, ok := s.maps.Get(p).Action("save")
	if !ok {
		return d, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no actions.save", s.maps.Get(p).File))
	}
	seq := s.seq()
	if err := s.click(p, save.CSS, save.Text); err != nil {
		return d, err
	}
	var refused string
	if err := waitFor(s, "the reason to be saved", func() (bool, error) {
		for _, t := range page.ToastsSince(s.tab, seq) {
			if t.Type == "error" {
				refused = t.Text
			}
			if t.Type == "success" || t.Type == "error" {
				return true, nil
			}
		}
		return false, nil
	}); err != nil {
		return d, err
	}
	if refused != "" {
		return d, exitcode.Errorf(exitcode.BadInput, "复核: the portal refused the reason: %s", refused)
	}
	fc, err := s.find(p, "review.files")
	if err != nil {
		return d, err
	}
	before, err := s.listed(fc)
	if err != nil {
		return d, err
	}
	if n := len(before.List) + len(files); n > ReviewMaxFiles {
		return d, exitcode.Errorf(exitcode.BadInput, "复核 takes at most %d files; %d are listed and %d given", ReviewMaxFiles, len(before.List), len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		if slices.Contains(before.List, name) {
			d.Already = append(d.Already, name)
			continue
		}
		if err := s.uploadTo(p, fc, f); err != nil {
			return d, err
		}
		d.Uploaded = append(d.Uploaded, name)
	}
	if err := s.reload(p); err != nil {
		return d, err
	}
	if rc, err = s.find(p, "review.reason"); err != nil {
		return d, err
	}
	if d.Reason, err = s.textOf(rc); err != nil {
		return d, err
	}
	if page.NormText(d.Reason) != page.NormText(reason) {
		return d, fmt.Errorf("after a reload the 复核理由 reads %q, not what was typed", d.Reason)
	}
	if fc, err = s.find(p, "review.files"); err != nil {
		return d, err
	}
	after, err := s.listed(fc)
	if err != nil {
		return d, err
	}
	d.Listed = after.List
	for _, n := range baseNames(files) {
		if !slices.Contains(after.List, n) {
			return d, fmt.Errorf("after a reload the page lists %v; %s is missing", after.List, n)
		}
	}
	return d, nil
}

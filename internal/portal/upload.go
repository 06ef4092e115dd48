package portal

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// upload puts a slot's files on the page, one at a time, skipping those the
// page already lists, and waits for each to show as uploaded. Files the page
// lists that the profile does not are reported, never deleted.
func (r *runner) upload(ctx context.Context, m *pagemap.Map, f pagemap.Field) error {
	rep := FieldReport{Key: f.Key, Label: f.Label, Kind: string(f.Kind)}
	emit := func(st FieldStatus) error {
		rep.Status = st
		r.emit(Event{Type: EvField, Field: &rep})
		return nil
	}
	slot := strings.TrimPrefix(f.Key, "degree.materials.")
	files := r.vals.d.Materials.Files(slot)
	names := make([]string, len(files))
	for i, p := range files {
		names[i] = filepath.Base(p)
	}
	rep.Value = strings.Join(names, ", ")
	if len(files) == 0 {
		if f.Optional {
			rep.Note = "no file in the profile"
			return emit(Skipped)
		}
		rep.Error = "the profile names no file"
		emit(Failed)
		return badInput("page %s needs %s (%s) but the profile names no file", m.Page, f.Label, f.Key)
	}
	if f.MayBeAbsent && r.absent(ctx, m, f) {
		rep.Note = "no such slot on this form of the page"
		r.markAbsent(f.Key)
		return emit(Skipped)
	}
	id, healed, err := r.resolve(ctx, m, f, "")
	if err != nil {
		rep.Error = err.Error()
		emit(Failed)
		return err
	}
	rep.Healed = healed
	cur, err := read(ctx, id, pagemap.Upload)
	if err != nil {
		return err
	}
	uploaded := 0
	for i, path := range files {
		if contains(cur.List, names[i]) {
			continue
		}
		if err := r.uploadOne(ctx, m, f, id, path); err != nil {
			rep.Error = err.Error()
			emit(Failed)
			return err
		}
		uploaded++
	}
	cur, err = read(ctx, id, pagemap.Upload)
	if err != nil {
		return err
	}
	rep.Found = strings.Join(cur.List, ", ")
	for _, n := range names {
		if !contains(cur.List, n) {
			rep.Error = "not listed after upload"
			emit(Failed)
			return failure(&MismatchError{Page: m.Page, Label: f.Label, Want: rep.Value, Got: rep.Found})
		}
	}
	var extra []string
	for _, n := range cur.List {
		if !contains(names, n) {
			extra = append(extra, n)
		}
	}
	if len(extra) > 0 {
		rep.Note = "also on the page, not in the profile: " + strings.Join(extra, ", ")
		for _, n := range extra {
			r.extra(m, f.Label, n)
			if r.opts.Prune {
				if err := r.pruneUpload(ctx, m, f, id, n); err != nil {
					return err
				}
			}
		}
	}
	if uploaded == 0 {
		return emit(Already)
	}
	return emit(Filled)
}

// uploadOne hands one file to the el-upload's hidden input and waits until
// the list shows it as uploaded, or the portal refuses it.
func (r *runner) uploadOne(ctx context.Context, m *pagemap.Map, f pagemap.Field, id, path string) error {
	name := filepath.Base(path)
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		seq := r.toastSeq(ctx)
		if err := setFiles(ctx, id, abs); err != nil {
			return failure(fmt.Errorf("page %s, %s: cannot hand %s to the upload control: %w", m.Page, f.Label, name, err))
		}
		var cur readResult
		var resps []response
		var toasts []toast
		err := waitFor(ctx, r.opts.StepTimeout+r.opts.StepTimeout, "upload of "+name, func() (bool, error) {
			var err error
			if cur, err = read(ctx, id, pagemap.Upload); err != nil {
				return false, err
			}
			if contains(cur.List, name) {
				return true, nil
			}
			resps, _ = call[[]response](ctx, "responsesSince", seq)
			toasts = r.toastsSince(ctx, seq)
			return (failedResponse(resps) != nil || hasError(toasts)) && len(cur.Pending) == 0, nil
		})
		if err != nil {
			return failure(fmt.Errorf("page %s, %s: %s did not finish uploading: %w", m.Page, f.Label, name, err))
		}
		if contains(cur.List, name) {
			return nil
		}
		bad := failedResponse(resps)
		if bad != nil && bad.Status >= 500 && attempt < r.opts.Retries {
			r.emit(Event{Type: EvWarning, Message: fmt.Sprintf("%s: the portal answered HTTP %d for %s; retrying", f.Label, bad.Status, name)})
			if err := backoff(ctx, attempt); err != nil {
				return err
			}
			continue
		}
		return failure(fmt.Errorf("page %s, %s: the portal refused %s: %s; run `autofill materials check` on your profile", m.Page, f.Label, name, toastText(toasts)))
	}
}

package portal

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// slotUpload is one upload control of a page and the profile's files for it.
type slotUpload struct {
	f     pagemap.Field
	rep   FieldReport
	id    string   // the control (empty: nothing to upload, rep says why)
	files []string // the profile's paths, in its order
	names []string // their base names
	todo  []int    // files the page does not list yet, in order
	sent  int      // uploads handed to the page
}

// uploads puts every upload slot's files on the page, skipping those the
// page already lists, and waits for each to show as uploaded. The slots
// upload side by side (the portal takes each slot's files on its own
// request), one file per slot at a time so each slot lists its files in
// the profile's order. Files the page lists that the profile does not are
// reported, never deleted (unless --prune).
func (r *runner) uploads(ctx context.Context, m *pagemap.Map, fields []pagemap.Field) error {
	var slots []*slotUpload
	for _, f := range fields {
		s, err := r.uploadSlot(ctx, m, f)
		if err != nil {
			return err
		}
		slots = append(slots, s)
	}
	for {
		var round []*slotUpload
		for _, s := range slots {
			if len(s.todo) > 0 {
				round = append(round, s)
			}
		}
		if len(round) == 0 {
			break
		}
		if err := r.uploadRound(ctx, m, round); err != nil {
			return err
		}
	}
	for _, s := range slots {
		if err := r.uploadDone(ctx, m, s); err != nil {
			return err
		}
	}
	return nil
}

// uploadSlot reads what a slot needs: the profile's files, the control,
// and which files the page does not list yet. A slot with nothing to do
// is reported at once.
func (r *runner) uploadSlot(ctx context.Context, m *pagemap.Map, f pagemap.Field) (*slotUpload, error) {
	s := &slotUpload{f: f, rep: FieldReport{Key: f.Key, Label: f.Label, Kind: string(f.Kind)}}
	slot := strings.TrimPrefix(f.Key, "degree.materials.")
	s.files = r.vals.d.Materials.Files(slot)
	for _, p := range s.files {
		s.names = append(s.names, filepath.Base(p))
	}
	s.rep.Value = strings.Join(s.names, ", ")
	if len(s.files) == 0 {
		if f.Optional {
			s.rep.Note = "no file in the profile"
			r.report(&s.rep, Skipped)
			return s, nil
		}
		s.rep.Error = "the profile names no file"
		r.report(&s.rep, Failed)
		return nil, badInput("page %s needs %s (%s) but the profile names no file", m.Page, f.Label, f.Key)
	}
	if f.MayBeAbsent && r.absent(ctx, m, f) {
		s.rep.Note = "no such slot on this form of the page"
		r.markAbsent(f.Key)
		r.report(&s.rep, Skipped)
		s.files = nil
		return s, nil
	}
	id, healed, err := r.resolve(ctx, m, f, "")
	if err != nil {
		s.rep.Error = err.Error()
		r.report(&s.rep, Failed)
		return nil, err
	}
	s.id, s.rep.Healed = id, healed
	cur, err := read(ctx, id, pagemap.Upload)
	if err != nil {
		return nil, err
	}
	s.todo = missingFiles(s.names, cur.List)
	return s, nil
}

// missingFiles lists the indexes of the files a slot lacks, in order.
func missingFiles(names, listed []string) []int {
	var out []int
	for i, n := range names {
		if !contains(listed, n) {
			out = append(out, i)
		}
	}
	return out
}

// uploadRound hands each slot of round its next file at once and waits
// (save) until every one of them is listed as uploaded, or the portal
// refuses one. A 5xx hands over again what is not listed yet.
func (r *runner) uploadRound(ctx context.Context, m *pagemap.Map, round []*slotUpload) error {
	listed := make([]bool, len(round))
	name := func(s *slotUpload) string { return s.names[s.todo[0]] }
	var what []string
	for _, s := range round {
		what = append(what, name(s))
	}
	out, sig, err := r.save(ctx, saveOp{
		what: "upload of " + strings.Join(what, ", "),
		act: func(ctx context.Context) error {
			for i, s := range round {
				if listed[i] {
					continue
				}
				if err := r.handFile(ctx, m, s, s.files[s.todo[0]]); err != nil {
					return err
				}
			}
			return nil
		},
		observe: func(ctx context.Context, seq mark) (saveSignals, error) {
			sig := saveSignals{Done: true, Settled: true}
			for i, s := range round {
				cur, err := read(ctx, s.id, pagemap.Upload)
				if err != nil {
					return sig, err
				}
				listed[i] = contains(cur.List, name(s))
				sig.Done = sig.Done && listed[i]
				sig.Settled = sig.Settled && len(cur.Pending) == 0
			}
			if sig.Done {
				return sig, nil
			}
			var err error
			if sig.Left, err = r.left(ctx, m.Page)(); sig.Left || err != nil {
				return sig, err
			}
			sig.Responses = responsesSince(ctx, seq)
			sig.Toasts = r.toastsSince(ctx, seq)
			return sig, nil
		},
	})
	fail := func(err error) error {
		for i, s := range round {
			if !listed[i] {
				s.rep.Error = err.Error()
				r.report(&s.rep, Failed)
			}
		}
		return err
	}
	var pending []string
	for i, s := range round {
		if !listed[i] {
			pending = append(pending, name(s))
		}
	}
	switch {
	case errors.Is(err, errSaveTimeout):
		return fail(failure(fmt.Errorf("page %s: %s did not finish uploading: %w", m.Page, strings.Join(pending, ", "), err)))
	case err != nil:
		return fail(err)
	}
	switch out {
	case saveDone:
		for _, s := range round {
			s.todo = s.todo[1:]
			s.sent++
		}
		return nil
	case saveMoved, saveExpired:
		return errLeftPage // the session expired: the loop logs in again and comes back
	case saveServerError:
		return fail(serverFailed(m.Page, r.opts.Retries, sig))
	}
	var labels []string
	for i, s := range round {
		if !listed[i] {
			labels = append(labels, s.f.Label)
		}
	}
	return fail(failure(fmt.Errorf("page %s, %s: the portal refused %s: %s; run `autofill materials check` on your profile",
		m.Page, strings.Join(labels, ", "), strings.Join(pending, ", "), toastText(sig.Toasts))))
}

// handFile gives one file to a slot's hidden file input, as choosing it in
// the file dialog does; the el-upload starts uploading it at once.
func (r *runner) handFile(ctx context.Context, m *pagemap.Map, s *slotUpload, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := setFiles(ctx, s.id, abs); err != nil {
		return failure(fmt.Errorf("page %s, %s: cannot hand %s to the upload control: %w", m.Page, s.f.Label, filepath.Base(path), err))
	}
	return nil
}

// uploadDone checks that a slot lists every profile file, reports the
// files it lists besides (deleting them with --prune), and reports the slot.
func (r *runner) uploadDone(ctx context.Context, m *pagemap.Map, s *slotUpload) error {
	if s.id == "" {
		return nil // reported by uploadSlot
	}
	cur, err := read(ctx, s.id, pagemap.Upload)
	if err != nil {
		return err
	}
	s.rep.Found = strings.Join(cur.List, ", ")
	if len(missingFiles(s.names, cur.List)) > 0 {
		s.rep.Error = "not listed after upload"
		r.report(&s.rep, Failed)
		return failure(&MismatchError{Page: m.Page, Label: s.f.Label, Want: s.rep.Value, Got: s.rep.Found})
	}
	var extra []string
	for _, n := range cur.List {
		if !contains(s.names, n) {
			extra = append(extra, n)
		}
	}
	if len(extra) > 0 {
		s.rep.Note = "also on the page, not in the profile: " + strings.Join(extra, ", ")
		for _, n := range extra {
			r.extra(m, s.f.Label, n)
			if r.opts.Prune {
				if err := r.pruneUpload(ctx, m, s.f, s.id, n); err != nil {
					return err
				}
			}
		}
	}
	if s.sent == 0 {
		r.report(&s.rep, Already)
		return nil
	}
	r.report(&s.rep, Filled)
	return nil
}

// report emits a field's outcome.
func (r *runner) report(rep *FieldReport, st FieldStatus) {
	rep.Status = st
	r.emit(Event{Type: EvField, Field: rep})
}

// fieldsOf lists a page's fields of one kind, in the map's order.
func fieldsOf(m *pagemap.Map, k pagemap.Kind) []pagemap.Field {
	var out []pagemap.Field
	for _, f := range m.Fields {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

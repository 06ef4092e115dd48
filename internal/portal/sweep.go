package portal

import (
	"context"
	"fmt"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// A value read back right after it was entered can still be lost before the
// page is saved: a portal that reloads one list when another field changes
// empties it. So before 下一步 one call re-reads every field of the page; a
// value lost is entered once more, and lost again stops the page. A value
// that was entered, verified and then cleared is the portal's doing and is
// never blamed on the profile.

// verifiedField is a control whose value was read back equal to the profile.
type verifiedField struct {
	page string
	f    pagemap.Field
	id   string
	want string
}

// verifiedSet keeps the page's verified fields in the order they were filled.
type verifiedSet struct {
	order []string
	by    map[string]verifiedField
}

func (v *verifiedSet) reset() { *v = verifiedSet{by: map[string]verifiedField{}} }

func (v *verifiedSet) add(x verifiedField) {
	if v.by == nil {
		v.reset()
	}
	if _, ok := v.by[x.f.Key]; !ok {
		v.order = append(v.order, x.f.Key)
	}
	v.by[x.f.Key] = x
}

func (v *verifiedSet) byLabel(page, label string) (verifiedField, bool) {
	for _, k := range v.order {
		if x := v.by[k]; x.page == page && sameLabel(x.f.Label, label) {
			return x, true
		}
	}
	return verifiedField{}, false
}

// lost re-reads every verified field of page m in one call (a field with a
// manual entry reads its text field too) and returns those that no longer
// show their value.
func (r *runner) lost(ctx context.Context, m *pagemap.Map) ([]verifiedField, error) {
	var list []verifiedField
	var ids [][2]string
	for _, k := range r.verified.order {
		x := r.verified.by[k]
		if x.page != m.Page {
			continue
		}
		list = append(list, x)
		ids = append(ids, [2]string{x.id, string(x.f.Kind)})
	}
	if len(list) == 0 {
		return nil, nil
	}
	got, err := readAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []verifiedField
	for i, x := range list {
		v := ""
		if i < len(got) {
			v = got[i].Value
		}
		if x.f.Manual != nil && same(x.f.Kind, x.f.Manual.Option, v) {
			if v, err = r.current(ctx, m, x.f, x.id, ""); err != nil {
				return nil, err
			}
		}
		if !same(x.f.Kind, x.want, v) {
			out = append(out, x)
		}
	}
	return out, nil
}

// refill enters once more the values the whole-page check before 下一步
// (lost) found gone, and stops the page if they are lost again.
func (r *runner) refill(ctx context.Context, m *pagemap.Map, lost []verifiedField) error {
	for _, x := range lost {
		r.emit(Event{Type: EvWarning, Message: fmt.Sprintf("page %s: the portal cleared %s after it was entered; entering it once more", m.Page, x.f.Label)})
		if _, err := r.fillField(ctx, m, x.f, ""); err != nil {
			return err
		}
	}
	lost, err := r.lost(ctx, m)
	if err != nil || len(lost) == 0 {
		return err
	}
	return r.cleared(m, lost)
}

func (r *runner) cleared(m *pagemap.Map, lost []verifiedField) error {
	e := &ClearedError{Page: m.Page}
	for _, x := range lost {
		e.Labels = append(e.Labels, x.f.Label)
	}
	return failure(e)
}

// refused sorts the messages of a page the portal refused: a field that
// was entered and verified and is now empty was cleared by the portal; a
// field the map does not know is a changed portal; only the rest are about
// the profile's values.
func (r *runner) refused(ctx context.Context, m *pagemap.Map, errs []FormError, toast string) error {
	var lost []verifiedField
	var unknown []string
	known := knownLabels(m)
	for _, fe := range errs {
		if x, ok := r.verified.byLabel(m.Page, fe.Label); ok {
			got, err := read(ctx, x.id, x.f.Kind)
			if err == nil && !same(x.f.Kind, x.want, got.Value) {
				lost = append(lost, x)
				continue
			}
		}
		isKnown := false
		for _, k := range known {
			isKnown = isKnown || sameLabel(k, fe.Label)
		}
		if !isKnown && fe.Label != "" {
			unknown = append(unknown, fe.Label)
		}
	}
	switch {
	case len(lost) > 0:
		return r.cleared(m, lost)
	case len(unknown) > 0:
		return r.unknownRequired(m, unknown)
	}
	return failure(&ValidationError{Page: m.Page, Fields: errs, Toast: toast})
}

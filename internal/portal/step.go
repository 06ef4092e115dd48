package portal

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// errLeftPage says the browser left the page while it was being filled
// (the session expired and the portal went to the login page): the loop
// detects the new page and comes back.
var errLeftPage = errors.New("the page changed while it was being filled")

// step fills one form page (基本信息 … 上传材料), then moves on with 下一步.
// When the browser leaves the page half-way (an expired session sends it to
// the login page), whatever went wrong is not about this page: the loop
// takes over from the page the browser is on.
func (r *runner) step(ctx context.Context, m *pagemap.Map) error {
	err := r.fillStep(ctx, m)
	if err == nil {
		return nil
	}
	var fc *ForbiddenClick
	var ie *IdentityError
	if errors.As(err, &fc) || errors.As(err, &ie) || exitcode.Of(err) == exitcode.Drift || ctx.Err() != nil {
		return err
	}
	if gone, _ := r.left(ctx, m.Page)(); gone || errors.Is(err, errLeftPage) {
		r.emit(Event{Type: EvWarning, Message: "left page " + m.Page + " while filling it (did the session expire?); continuing from the page the browser is on"})
		return nil
	}
	return err
}

func (r *runner) fillStep(ctx context.Context, m *pagemap.Map) error {
	r.verified.reset()
	if err := r.checkLabels(ctx, m); err != nil {
		return err
	}
	if err := r.identityGuard(ctx, m); err != nil {
		return err
	}
	uploaded := false
	for _, f := range m.Fields {
		var err error
		switch f.Kind {
		case pagemap.Readonly:
			continue // compared by identityGuard
		case pagemap.Table:
			err = r.history(ctx, m, f)
		case pagemap.Upload:
			if !uploaded { // all of the page's slots at once, side by side
				uploaded = true
				err = r.uploads(ctx, m, fieldsOf(m, pagemap.Upload))
			}
		default:
			_, err = r.fillField(ctx, m, f, "")
		}
		if err != nil {
			return err
		}
	}
	for _, h := range m.HumanSteps {
		if err := r.humanStep(ctx, h); err != nil {
			return err
		}
	}
	// The window's picture is taken while the page is re-read (both only
	// read it), and finished while the engine moves on.
	shot := r.shoot(ctx, m)
	lost, err := r.lost(ctx, m)
	taken := r.shotTaken(shot)
	if err != nil {
		return err
	}
	if len(lost) > 0 {
		if err := r.refill(ctx, m, lost); err != nil {
			return err
		}
		r.shotsSaved() // the first picture saved before the second replaces it
		shot = r.shoot(ctx, m)
		taken = r.shotTaken(shot)
	}
	// A choice can reveal a required item the map does not know (the
	// identity check before typing could not see it): stop before 下一步
	// saves the page without it.
	unknown, err := unknownRequired(ctx, knownLabels(m), m.Scope())
	if err != nil {
		return err
	}
	if err := r.unknownRequired(m, unknown); err != nil {
		return err
	}
	if taken {
		r.emit(Event{Type: EvPageDone, Title: m.Title, Screenshot: shot.rel})
	}
	next, ok := m.Action("next")
	if !ok {
		return drift(&DriftError{Page: m.Page, Key: "actions.next", Label: "下一步", Detail: "the map has no next action"})
	}
	if err := r.submitAndLeave(ctx, m, next, next.Text); err != nil {
		return err
	}
	r.state.Pages[m.Page] = time.Now()
	return r.pageDone(m)
}

// identityGuard compares every read-only field (the identity registered with
// the account) with the profile before anything is typed. An agency must
// never fill applicant A into applicant B's account.
func (r *runner) identityGuard(ctx context.Context, m *pagemap.Map) error {
	var diffs []string
	formOnly := true
	var reports []FieldReport
	for _, f := range m.Fields {
		if f.Kind != pagemap.Readonly {
			continue
		}
		v, _ := r.vals.get(f.Key)
		w, err := wantFor(f, v)
		if err != nil {
			return badInput("%v", err)
		}
		id, healed, err := r.resolve(ctx, m, f, "")
		if err != nil {
			return err
		}
		var got readResult
		// The portal fills these in after the page loads; give it a moment.
		_ = waitFor(ctx, r.opts.StepTimeout, f.Label+" to be prefilled", func() (bool, error) {
			var err error
			got, err = read(ctx, id, f.Kind)
			return got.Value != "", err
		})
		rep := FieldReport{Key: f.Key, Label: f.Label, Kind: string(f.Kind), Value: w.text, Found: got.Value, Healed: healed}
		switch {
		case same(f.Kind, w.text, got.Value):
			rep.Status = Already
		case f.Key == "applicant.name" && SameNameForm(w.text, got.Value) && r.vals.p.Applicant.AcceptNameForm:
			rep.Status = Already
			rep.Note = "the registered name differs in form only (· or spaces), accepted by accept_name_form"
		case f.Key == "applicant.name" && SameNameForm(w.text, got.Value):
			rep.Status = Failed
			rep.Error = "differs in form only"
			diffs = append(diffs, r.red.String(nameFormDiff(f.Label, got.Value, w.text)))
		default:
			formOnly = false
			rep.Status = Failed
			rep.Error = "differs from the profile"
			diffs = append(diffs, r.red.String(fmt.Sprintf("%s: the page shows %q, the profile has %q", f.Label, got.Value, w.text)))
		}
		reports = append(reports, rep)
	}
	for i := range reports {
		r.emit(Event{Type: EvField, Field: &reports[i]})
	}
	if len(diffs) > 0 {
		return failure(&IdentityError{Diffs: diffs, FormOnly: formOnly})
	}
	return nil
}

// nameFormDiff says that a registered name differs from the profile's in
// form only, and how the person confirms it.
func nameFormDiff(label, shown, want string) string {
	return fmt.Sprintf("%s: the page shows %q, the profile has %q — the same name written without · or spaces, as registration stores it; "+
		"if that is how your account was registered, re-run with --accept-name-form (or set applicant.accept_name_form: true)", label, shown, want)
}

// SameNameForm reports whether two names differ only in the forms a
// registration may change: the middle dot of transcribed names (·, •, ・),
// spaces, and letter case. Registration refuses · and spaces, so
// 阿依古丽·买买提 is registered as 阿依古丽买买提. Rare characters shown as
// images cannot be compared; those differences still stop the run.
func SameNameForm(a, b string) bool {
	norm := func(s string) string {
		return strings.ToUpper(strings.NewReplacer("·", "", "•", "", "・", "", "．", "", ".", "", " ", "", "\u3000", "").Replace(s))
	}
	return norm(a) == norm(b) && norm(a) != ""
}

// markAbsent notes a field this form of the portal does not show: the
// 确认提交 summary then does not expect the profile's value for it (an
// online-signed 授权声明 shows 已在线签署 there, not a file name).
func (r *runner) markAbsent(key string) {
	if r.absentKeys == nil {
		r.absentKeys = map[string]bool{}
	}
	r.absentKeys[key] = true
}

// absent reports whether a control that only some forms of the page show
// (may_be_absent) is missing, once the page has settled: a control another
// field's value reveals appears in Vue's next render, after the page idles.
func (r *runner) absent(ctx context.Context, m *pagemap.Map, f pagemap.Field) bool {
	if r.present(ctx, m, f) {
		return false
	}
	_ = r.waitIdle(ctx)
	return !r.present(ctx, m, f)
}

// fillField enters one profile value and proves it by reading it back.
func (r *runner) fillField(ctx context.Context, m *pagemap.Map, f pagemap.Field, scope string) (FieldReport, error) {
	rep := FieldReport{Key: f.Key, Label: f.Label, Kind: string(f.Kind), Role: f.Role, Secret: f.Secret}
	report := func(st FieldStatus) {
		rep.Status = st
		if f.Secret {
			rep.Value, rep.Found = "••••••", "••••••"
		}
		r.emit(Event{Type: EvField, Field: &rep})
	}
	if !pagemap.Truthy(f.When, r.vals.get) {
		rep.Note, rep.Skip = "not shown: "+f.When+" is false", SkipCondition
		report(Skipped)
		return rep, nil
	}
	if f.MayBeAbsent && r.absent(ctx, m, f) {
		rep.Note = "not on this form of the page"
		r.markAbsent(f.Key)
		report(Skipped)
		return rep, nil
	}
	v, _ := r.vals.get(f.Key)
	w, err := wantFor(f, v)
	if err == nil && w.empty && f.Fallback != "" {
		fv, _ := r.vals.get(f.Fallback)
		w, err = wantFor(f, fv)
	}
	if err != nil {
		rep.Error = err.Error()
		report(Failed)
		return rep, badInput("%v (fix the profile and re-run)", err)
	}
	rep.Value = w.text
	if w.empty && f.Optional {
		rep.Note = "nothing to enter"
		report(Skipped)
		return rep, nil
	}
	if w.empty {
		rep.Error = "the profile has no value"
		report(Failed)
		return rep, badInput("page %s needs %s (%s) but the profile has no value; add it and re-run", m.Page, f.Label, f.Key)
	}
	id, healed, err := r.resolve(ctx, m, f, scope)
	if err != nil {
		rep.Error = err.Error()
		report(Failed)
		return rep, err
	}
	rep.Healed = healed
	r.manualUsed = false

	cur, err := r.current(ctx, m, f, id, scope)
	if err != nil {
		return rep, err
	}
	if same(f.Kind, w.text, cur) {
		rep.Found = cur
		r.remember(m, f, id, w.text, scope)
		report(Already)
		return rep, nil
	}
	if err := r.fill(ctx, id, f, w); err != nil {
		rep.Error = err.Error()
		report(Failed)
		var fc *ForbiddenClick
		if errors.As(err, &fc) {
			return rep, err
		}
		if d := driftOf(m, f, err); d != nil {
			return rep, d
		}
		return rep, failure(fmt.Errorf("page %s, field %s: %w", m.Page, f.Label, err))
	}
	if r.manualUsed {
		// 其他（手动输入）: the value goes into the text field it revealed.
		mf := pagemap.Field{Key: f.Key, Label: f.Manual.Label, CSS: f.Manual.CSS, Kind: pagemap.Text}
		mid, _, err := r.resolve(ctx, m, mf, scope)
		if err != nil {
			return rep, err
		}
		if err := r.typeInto(ctx, mid, w.text); err != nil {
			return rep, failure(fmt.Errorf("page %s, field %s: %w", m.Page, mf.Label, err))
		}
		rep.Note = "not in the portal's list: entered by hand under " + f.Manual.Option
	}
	// Read back until the page shows the value (Vue renders asynchronously),
	// or report what it shows instead.
	var got string
	werr := waitFor(ctx, 3*time.Second, "read back "+f.Label, func() (bool, error) {
		var err error
		got, err = r.current(ctx, m, f, id, scope)
		return same(f.Kind, w.text, got), err
	})
	if werr != nil && got == "" && choice(f.Kind) && r.rechoose != f.Key {
		// A choice that did not take (the list re-rendered under the click
		// on a busy machine) leaves the control empty: nothing wrong was
		// entered, so it is chosen once more before the field fails.
		r.rechoose = f.Key
		defer func() { r.rechoose = "" }()
		r.emit(Event{Type: EvWarning, Message: fmt.Sprintf("page %s: %s shows nothing after the choice; choosing again", m.Page, f.Label)})
		return r.fillField(ctx, m, f, scope)
	}
	rep.Found = got
	if cur != "" && werr == nil && rep.Note == "" {
		// The draft held another value: the profile was edited since.
		rep.Note = fmt.Sprintf("refilled: the draft had %q", r.red.String(cur))
	}
	if werr != nil {
		rep.Error = "read back a different value"
		report(Failed)
		return rep, failure(&MismatchError{Page: m.Page, Label: f.Label, Want: w.text, Got: got})
	}
	r.remember(m, f, id, w.text, scope)
	report(Filled)
	return rep, nil
}

// choice reports the kinds entered by clicking a choice in a list.
func choice(k pagemap.Kind) bool {
	return k == pagemap.Select || k == pagemap.Cascader || k == pagemap.Radio
}

// remember notes a page field (not a dialog's) as verified, for the sweep.
func (r *runner) remember(m *pagemap.Map, f pagemap.Field, id, want, scope string) {
	if scope == "" && f.Kind != pagemap.Readonly && !f.Secret {
		r.verified.add(verifiedField{page: m.Page, f: f, id: id, want: want})
	}
}

// current reads what a control shows, following a select's manual entry.
func (r *runner) current(ctx context.Context, m *pagemap.Map, f pagemap.Field, id, scope string) (string, error) {
	got, err := read(ctx, id, f.Kind)
	if err != nil {
		return "", err
	}
	if f.Manual != nil && same(f.Kind, f.Manual.Option, got.Value) {
		mf := pagemap.Field{Key: f.Key, Label: f.Manual.Label, CSS: f.Manual.CSS, Kind: pagemap.Text}
		mid, _, err := r.resolve(ctx, m, mf, scope)
		if err != nil {
			return "", err
		}
		mgot, err := read(ctx, mid, pagemap.Text)
		return mgot.Value, err
	}
	return got.Value, nil
}

// response is one HTTP response the page received (from CDP Network events).
type response = page.Response

// submitAndLeave clicks an action that saves and moves on (下一步, 登录,
// 我接受…) and waits for the outcome (save): the page changes (done), the
// form shows errors (stop and say which), the server fails (retried with
// backoff), or the session expired (the loop will log in again and come
// back).
func (r *runner) submitAndLeave(ctx context.Context, m *pagemap.Map, t pagemap.Target, why string) error {
	known := knownDialogs(m, r.maps)
	out, sig, err := r.save(ctx, saveOp{
		what: "page " + m.Page + ": " + why,
		act:  func(ctx context.Context) error { return r.clickTarget(ctx, m, actionName(m, t), t) },
		observe: func(ctx context.Context, seq mark) (saveSignals, error) {
			s := saveSignals{AtLogin: m.Human == pagemap.Captcha}
			var err error
			if s.Left, err = r.left(ctx, m.Page)(); s.Left || err != nil {
				return s, err
			}
			if s.Dialogs, _ = openDialogs(ctx, known); len(s.Dialogs) > 0 {
				return s, nil
			}
			if s.Settled, err = idle(ctx); err != nil || !s.Settled {
				return s, err
			}
			s.FormErrors, _ = formErrors(ctx, m.Detect.CSS)
			s.Responses = responsesSince(ctx, seq)
			s.Toasts = r.toastsSince(ctx, seq)
			return s, nil
		},
	})
	switch {
	case errors.Is(err, errSaveTimeout):
		return failure(fmt.Errorf("clicked %s on page %s but nothing happened (%w); look at the browser window", why, m.Page, err))
	case err != nil:
		return err
	}
	switch out {
	case saveMoved:
		if url := location(ctx); url != "" {
			r.state.LastURL = url
		}
		return r.state.save()
	case saveStrayDialog:
		return strayDialog(m, why, sig.Dialogs)
	case saveExpired:
		// The portal sends us to the login page; the loop logs in again
		// and returns to this page.
		r.emit(Event{Type: EvWarning, Message: "the portal session expired; logging in again"})
		return nil
	case saveServerError:
		return serverFailed(m.Page, r.opts.Retries, sig)
	}
	return r.refused(ctx, m, sig.FormErrors, toastText(sig.Toasts))
}

// serverFailed says the portal kept failing a save with 5xx.
func serverFailed(page string, retries int, sig saveSignals) error {
	bad := failedResponse(sig.Responses)
	return failure(fmt.Errorf("page %s: the portal failed %d times (HTTP %d %s); try again later", page, retries+1, bad.Status, toastText(sig.Toasts)))
}

// actionName is the name a map gives an action target, for messages.
func actionName(m *pagemap.Map, t pagemap.Target) string {
	for name, a := range m.Actions {
		if a.CSS == t.CSS {
			return name
		}
	}
	return t.Text
}

func failedResponse(rs []response) *response {
	for i := range rs {
		if rs[i].Status >= 400 || rs[i].Status == 0 {
			return &rs[i]
		}
	}
	return nil
}

func hasError(ts []toast) bool {
	for _, t := range ts {
		if t.Type == "error" {
			return true
		}
	}
	return false
}

func toastText(ts []toast) string {
	var s []string
	for _, t := range ts {
		if t.Type == "error" || t.Type == "warning" {
			s = append(s, t.Text)
		}
	}
	return strings.Join(s, "; ")
}

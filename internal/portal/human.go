package portal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/steps"
)

// humanPoll is how often a page is checked while a person acts: often
// enough to feel instant, rare enough to cost nothing.
const humanPoll = 250 * time.Millisecond

// ask tells the person what to do: e starts human step e.Human.
func (r *runner) ask(e Event) {
	e.Type, e.Stage = EvHuman, steps.Started
	r.emit(e)
}

// humanDone says the person's part of step is over, then asks
// Options.BeforeResume whether the engine may go on (a batch waits there
// for a free slot).
func (r *runner) humanDone(ctx context.Context, step steps.Step) error {
	r.emit(Event{Type: EvHumanDone, Human: step, Stage: steps.Done})
	if r.opts.BeforeResume == nil {
		return nil
	}
	return r.opts.BeforeResume(ctx, step)
}

// waitHuman waits for a person: until cond holds, bounded by Options.Wait,
// with a reminder every Options.Remind. Time out means parked (exit 4).
func (r *runner) waitHuman(ctx context.Context, step steps.Step, cond func() (bool, error)) error {
	start := time.Now()
	deadline := start.Add(r.opts.Wait)
	tick := time.NewTicker(humanPoll)
	defer tick.Stop()
	remind := time.NewTicker(r.opts.Remind)
	defer remind.Stop()
	for {
		ok, err := cond()
		if err != nil && !page.Transient(err) {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return parked(&ParkedError{Step: step, Page: r.page, Waited: r.opts.Wait.String()})
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-remind.C:
			left := time.Until(deadline).Round(time.Second)
			name := step.Name()
			r.emit(Event{Type: EvHumanRemind, Human: step, Stage: steps.Waiting,
				Message:   fmt.Sprintf("Still waiting for you (%s); %s left before autofill stops and keeps the draft.", name.EN, left),
				MessageZH: fmt.Sprintf("仍在等待您完成操作（%s），%s 后本工具将暂停，草稿会保留。", name.ZH, left)})
		case <-tick.C:
		}
	}
}

// left reports whether the browser moved away from page: its whole detect
// rule (css and text) no longer matches. The css alone is not enough: the
// next page may show the same kind of element (an el-tabs, a title bar).
func (r *runner) left(ctx context.Context, page string) func() (bool, error) {
	m := r.maps.Get(page)
	rule := []pagemap.DetectRule{{Page: page, CSS: m.Detect.CSS, Text: m.Detect.Text}}
	return func() (bool, error) {
		on, err := detectPages(ctx, rule)
		return len(on) == 0, err
	}
}

// login types the user name and, when it has one, the password. A captcha
// is the person's; without one the tool clicks 登录 itself.
func (r *runner) login(ctx context.Context, m *pagemap.Map) error {
	for _, f := range m.Fields {
		switch f.Role {
		case pagemap.LoginUsername:
			if _, err := r.fillField(ctx, m, f, ""); err != nil {
				return err
			}
		case pagemap.LoginPassword:
			if !r.passTried && r.opts.Password != nil {
				r.passTried = true
				pw, err := r.opts.Password(ctx)
				if err != nil {
					r.emit(Event{Type: EvWarning, Message: "no password (" + err.Error() + "); type it in the browser"})
				}
				r.password = pw
				r.vals.give(f.Key, pw)
			}
			if r.password != "" {
				if _, err := r.fillField(ctx, m, f, ""); err != nil {
					return err
				}
			}
		}
	}
	// Every captcha control on the page (one to type, a slider to drag)
	// is the person's; the maps say which ones may show.
	var controls []string
	for _, f := range m.WithRole(pagemap.CaptchaRole) {
		if r.present(ctx, m, f) {
			controls = append(controls, f.Label)
		}
	}
	if len(controls) > 0 || r.password == "" {
		what, btn := strings.Join(controls, "、"), m.ButtonText("login", "登录") // the page's own word for it
		msg, zh := "Complete "+what+" in the browser and click "+btn+".", "请在浏览器中完成“"+what+"”并点击“"+btn+"”。"
		if r.password == "" {
			msg, zh = "Type your password in the browser, complete any captcha or slider, then click "+btn+".", "请在浏览器中输入密码，完成验证码或滑块验证，然后点击“"+btn+"”。"
		}
		r.ask(Event{Human: steps.Captcha, Message: msg, MessageZH: zh})
		if err := r.waitHuman(ctx, steps.Captcha, r.left(ctx, m.Page)); err != nil {
			return err
		}
		return r.humanDone(ctx, steps.Captcha)
	}
	login, ok := m.Action("login")
	if !ok {
		return drift(&DriftError{Page: m.Page, Key: "actions.login", Label: "登录", Detail: "the map has no login action"})
	}
	return r.submitAndLeave(ctx, m, login, "登录")
}

// humanStep waits while a form page shows something only the person does
// (the map's human_steps, e.g. signing 授权声明 online).
func (r *runner) humanStep(ctx context.Context, h pagemap.HumanStep) error {
	if n, err := visibleCount(ctx, h.CSS); err != nil || n <= 0 {
		return err
	}
	step := steps.Step(h.Name)
	r.ask(Event{Human: step, Message: h.Message, MessageZH: h.MessageZH})
	if err := r.waitHuman(ctx, step, func() (bool, error) {
		n, err := visibleCount(ctx, h.CSS)
		return n == 0, err
	}); err != nil {
		return err
	}
	return r.humanDone(ctx, step)
}

// agreement accepts the service agreement only with the profile's consent.
func (r *runner) agreement(ctx context.Context, m *pagemap.Map) error {
	if r.vals.p.Consent.ServiceAgreement {
		accept, ok := m.Action("accept")
		if !ok {
			return drift(&DriftError{Page: m.Page, Key: "actions.accept", Label: "accept", Detail: "the map has no accept action"})
		}
		return r.submitAndLeave(ctx, m, accept, accept.Text)
	}
	btn := m.ButtonText("accept", "我接受以上协议，继续申请") // the page's own word for it
	r.ask(Event{Human: steps.Consent,
		Message:   "Read the service agreement in the browser and click " + btn + " if you agree. (Set consent.service_agreement: true in your profile to let autofill click it.)",
		MessageZH: "请阅读服务协议，如同意请点击“" + btn + "”。"})
	if err := r.waitHuman(ctx, steps.Consent, r.left(ctx, m.Page)); err != nil {
		return err
	}
	return r.humanDone(ctx, steps.Consent)
}

var codeRE = regexp.MustCompile(`^\d{8}$`)

// IsCode reports whether s is a 移民局12367 authorization code: exactly 8
// digits.
func IsCode(s string) bool { return codeRE.MatchString(s) }

// asksForCode reports whether the verify page's status line asks for the
// 移民局12367 authorization code (授权码): the face scan is done.
func asksForCode(status string) bool {
	return strings.Contains(status, "12367") || strings.Contains(status, "授权码")
}

// verify hands 实人认证 to the person: the QR code is saved for them (an
// agency can forward it), the 12367 code can come from the terminal or the
// page, and the run goes on when the records table shows.
func (r *runner) verify(ctx context.Context, m *pagemap.Map) error {
	v := m.Verify
	qr := filepath.Join(r.opts.RunDir, "verify-qr.png")
	if err := r.saveQR(ctx, v.QR, qr); err != nil {
		r.emit(Event{Type: EvWarning, Message: "could not save the QR code: " + err.Error() + "; scan it in the browser window"})
		qr = ""
	}
	step := steps.FaceAndCode
	if skip := r.skipOffered(ctx, v); skip != "" && r.vals.p.Applicant.Verification == "no_records" {
		// The person's choice, and only theirs: the tool never clicks it.
		step = steps.NoRecords
		r.ask(Event{Human: step,
			Message: "Your profile says verification: no_records. Click «" + skip + "» in the browser yourself (autofill never clicks it); " +
				"the materials page will then ask for 出入境记录 (degrees[].materials.entry_exit).",
			MessageZH: "您的资料选择了不进行实人认证（no_records）：请您在浏览器中亲自点击“" + skip + "”（本工具不会代为点击），之后需在“上传材料”页上传出入境记录。"})
	} else if guide := r.guide(ctx, v); guide != "" {
		// The page says which app scans its QR code (forms differ): quote it.
		r.ask(Event{Human: steps.FaceAndCode, File: qr,
			Message: "1) Verify your face as the page says: «" + guide + "» (the QR code is in the browser, or " + qr + "). " +
				"2) If the page then asks for the 8-digit 移民局12367 authorization code, type it here or in the page; otherwise follow the page to fetch your entry/exit records.",
			MessageZH: "1）请按页面提示完成实人认证：“" + guide + "”；2）如页面要求输入移民局12367的8位授权码，可在此输入或在网页中填写，否则按页面提示获取出入境记录。"})
	} else {
		r.ask(Event{Human: steps.FaceAndCode, File: qr,
			Message: "1) Open the 微留服 app and scan the QR code (in the browser, or " + qr + ") to verify your face. " +
				"2) Get the 8-digit authorization code from the 移民局12367 app or mini program, and type it here or in the page.",
			MessageZH: "1）请用“微留服”APP扫描二维码完成实人认证；2）通过“移民局12367”APP或小程序获取8位授权码，在此输入或在网页中填写。"})
	}
	next, hasNext := m.Action("next")
	var lastStatus string
	var pending string
	codeAsked := false
	done := func() (bool, error) {
		if st, _ := textOf(ctx, v.Status); st != "" && st != lastStatus {
			lastStatus = st
			r.emit(Event{Type: EvInfo, Message: "verification: " + st})
			if !codeAsked && asksForCode(st) {
				codeAsked = true
				r.emit(Event{Type: EvHumanStage, Human: step, Stage: steps.CodeAsked})
			}
		}
		if gone, err := r.left(ctx, m.Page)(); gone || err != nil {
			return gone, err
		}
		if n, _ := visibleCount(ctx, v.Records); n > 0 && hasNext {
			// The records are in: moving on is not a human-only act.
			if err := r.clickTarget(ctx, m, "next", next); err != nil {
				return false, err
			}
			return false, nil
		}
		select {
		case c := <-r.opts.Codes:
			if codeRE.MatchString(c) {
				pending = c
			}
		default:
		}
		if pending != "" {
			if n, _ := visibleCount(ctx, v.Code.CSS); n > 0 {
				c := pending
				pending = ""
				return false, r.enterCode(ctx, m, c)
			}
		}
		return false, nil
	}
	if err := r.waitHuman(ctx, step, done); err != nil {
		return err
	}
	return r.humanDone(ctx, step)
}

// skipOffered returns the text of the page's way out without records when it
// shows one (verify.skip in the map), else "".
func (r *runner) skipOffered(ctx context.Context, v *pagemap.Verify) string {
	if v.Skip.CSS == "" {
		return ""
	}
	t, _ := textOf(ctx, v.Skip.CSS)
	return t
}

// guide returns the page's line about the QR code (verify.guide), or "".
func (r *runner) guide(ctx context.Context, v *pagemap.Verify) string {
	if v.Guide == "" {
		return ""
	}
	t, _ := textOf(ctx, v.Guide)
	return t
}

func (r *runner) enterCode(ctx context.Context, m *pagemap.Map, code string) error {
	v := m.Verify
	id, _, err := r.resolve(ctx, m, v.Code, "")
	if err != nil {
		return err
	}
	if err := r.typeInto(ctx, id, code); err != nil {
		return err
	}
	seq := r.toastSeq(ctx)
	if err := r.clickTarget(ctx, m, "verify.code_ok", v.CodeOK); err != nil {
		return err
	}
	_ = waitFor(ctx, r.opts.StepTimeout, "the code to be checked", func() (bool, error) {
		idle, err := idle(ctx)
		return idle, err
	})
	for _, t := range r.toastsSince(ctx, seq) {
		if t.Type == "error" {
			r.emit(Event{Type: EvWarning, Message: "the portal refused the code: " + t.Text + "; type it again"})
		}
	}
	return nil
}

// saveQR saves the QR image as PNG, for the person or an agency to forward.
func (r *runner) saveQR(ctx context.Context, css, path string) error {
	if _, err := page.Until[bool](ctx, r.opts.StepTimeout, "the QR code", page.OnFrame, "image_loaded", css); err != nil {
		return err
	}
	el, err := page.Query(ctx, css)
	if err != nil {
		return err
	}
	png, err := page.ElementPNG(ctx, el)
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o600)
}

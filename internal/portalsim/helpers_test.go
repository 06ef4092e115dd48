package portalsim_test

// Small chromedp actions for driving the simulator's Element UI pages the
// way the engine's widget drivers do: real clicks on visible elements,
// text inserted in one operation, dropdowns picked in the visible popper
// under <body>, every wait bounded by a deadline.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// step bounds one interaction; the simulator answers in milliseconds, so
// anything near this long is a bug, not a slow machine.
const step = 15 * time.Second

// driver is one browser tab on one simulator.
type driver struct {
	t   *testing.T
	ctx context.Context
	sim *simtest.Sim
}

func newDriver(t *testing.T, o portalsim.Options) *driver {
	t.Helper()
	sim := simtest.Start(t, o)
	return &driver{t: t, ctx: browsertest.Tab(t), sim: sim}
}

// do runs actions with a deadline and fails the test on error.
func (d *driver) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	d.t.Helper()
	ctx, cancel := context.WithTimeout(d.ctx, step)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		d.fail("%s: %v", what, err)
	}
}

// fail ends the test with the page's address and a screenshot of it, so a
// failure in CI can be seen, not guessed.
func (d *driver) fail(format string, args ...any) {
	d.t.Helper()
	ctx, cancel := context.WithTimeout(d.ctx, 5*time.Second)
	defer cancel()
	shot := "(no screenshot)"
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		dir := os.Getenv("AUTOFILL_SIM_SHOTS")
		if dir == "" {
			dir = os.TempDir()
		}
		p := filepath.Join(dir, "failure-"+strings.ReplaceAll(d.t.Name(), "/", "_")+".png")
		if os.WriteFile(p, png, 0o644) == nil {
			shot = p
		}
	}
	d.t.Fatalf(format+" (page: %s, screenshot: %s)", append(args, d.location(), shot)...)
}

func (d *driver) location() string {
	ctx, cancel := context.WithTimeout(d.ctx, 2*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	return loc
}

// eval evaluates js and returns its value.
func eval[T any](d *driver, js string) T {
	d.t.Helper()
	ctx, cancel := context.WithTimeout(d.ctx, step)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		d.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitJS waits until js is truthy.
func (d *driver) waitJS(what, js string) {
	d.t.Helper()
	ctx, cancel := context.WithTimeout(d.ctx, step)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(step),
		chromedp.WithPollingInterval(40*time.Millisecond))); err != nil {
		d.fail("waiting for %s: %v", what, err)
	}
}

// open navigates and waits until the Vue app has rendered page id.
func (d *driver) open(path, id string) {
	d.t.Helper()
	d.do("open "+path, chromedp.Navigate(d.sim.URL+path))
	d.waitPage(id)
}

// waitPage waits for .page-<id>: v-cloak hides it until Vue has mounted.
func (d *driver) waitPage(id string) {
	d.t.Helper()
	d.do("wait for page "+id, chromedp.WaitVisible(chromedp.CSS(".page.page-"+id)))
}

// click clicks sel once it is visible and not covered (a closing dialog's
// overlay or a toast would swallow the click: chromedp does not check).
func (d *driver) click(sel string) {
	d.t.Helper()
	d.do("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	d.waitJS(sel+" uncovered", fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return false;
		let r = el.getBoundingClientRect();
		if (r.top < 0 || r.bottom > innerHeight) { el.scrollIntoView({block: 'center'}); r = el.getBoundingClientRect(); }
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !!hit && (el === hit || el.contains(hit));
	})()`, sel))
	d.do("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// clickText clicks the visible element matching sel whose text is text
// (trimmed), e.g. a radio's label.
func (d *driver) clickText(sel, text string) {
	d.t.Helper()
	d.mark("clicking "+text+" in "+sel, fmt.Sprintf(`[...document.querySelectorAll(%q)].find(e => e.offsetParent !== null && e.textContent.trim() === %q)`, sel, text))
	d.click("[data-test-pick]")
}

// mark waits until finder (a JS expression yielding an element) finds one
// that has stopped moving (same box on two polls: dropdowns reposition
// after filtering), and tags it data-test-pick, so a real mouse click can
// target it by CSS.
func (d *driver) mark(what, finder string) {
	d.t.Helper()
	d.waitJS(what, fmt.Sprintf(`(() => {
		document.querySelectorAll('[data-test-pick]').forEach(e => e.removeAttribute('data-test-pick'));
		const el = %s;
		if (!el) return false;
		el.scrollIntoView({block: 'nearest'});
		const r = el.getBoundingClientRect(), box = [r.left, r.top, r.width, r.height].join();
		const stable = window.__pickBox === box && window.__pickEl === el;
		window.__pickBox = box; window.__pickEl = el;
		if (!stable) return false;
		el.setAttribute('data-test-pick', '1');
		return true;
	})()`, finder))
}

// typeText replaces the value of the input or textarea at sel in one
// operation (Input.insertText), then blurs it so blur validation runs.
func (d *driver) typeText(sel, text string) {
	d.t.Helper()
	d.click(sel)
	d.do("select "+sel, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).select()`, sel)))
	if text == "" {
		d.do("clear "+sel, chromedp.KeyEvent(kb.Backspace))
	} else {
		d.do("type into "+sel, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}))
	}
	d.do("blur "+sel, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).blur()`, sel)))
	if got := d.value(sel); got != text {
		d.t.Fatalf("%s reads %q after typing %q", sel, got, text)
	}
}

func (d *driver) value(sel string) string {
	d.t.Helper()
	return eval[string](d, fmt.Sprintf(`document.querySelector(%q).value`, sel))
}

// visibleDropdown is JS for the open el-select dropdown under <body>, once
// its opening transition has ended: a click during the zoom-in lands on
// the wrong option.
const visibleDropdown = `[...document.querySelectorAll('body > .el-select-dropdown')].find(e => e.style.display !== 'none' && !/-(enter|leave)/.test(e.className))`

// pick opens the el-select of form item fi, optionally types filter into
// it (filterable or remote), clicks the option text in the visible dropdown
// and reads the choice back.
func (d *driver) pick(fi, filter, option string) {
	d.t.Helper()
	in := fi + " .el-select .el-input__inner"
	d.click(in)
	d.waitJS("dropdown of "+fi, `!!(`+visibleDropdown+`)`)
	if filter != "" {
		d.do("filter "+fi, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: filter})
			return err
		}))
	}
	d.mark("option "+option+" of "+fi, fmt.Sprintf(`(() => {
		const dd = %s;
		if (!dd || dd.querySelector('.el-select-dropdown__loading')) return null;
		const shown = [...dd.querySelectorAll('li.el-select-dropdown__item')].filter(li => li.offsetParent !== null);
		if (%q !== '' && !shown.every(li => li.textContent.toLowerCase().includes(%q.toLowerCase()) || li.textContent.trim() === '其他（手动输入）')) return null;
		return shown.find(li => li.textContent.trim() === %q);
	})()`, visibleDropdown, filter, filter, option))
	d.click("[data-test-pick]")
	d.waitJS("dropdown of "+fi+" closed", `![...document.querySelectorAll('body > .el-select-dropdown')].some(e => e.style.display !== 'none')`)
	d.waitJS(fi+" reads "+option, fmt.Sprintf(`document.querySelector(%q).value === %q`, in, option))
}

// date types a date (or month) into the el-date-picker of fi, presses
// Enter and checks the panel closed and the value stuck.
func (d *driver) date(fi, value string) {
	d.t.Helper()
	in := fi + " .el-date-editor input"
	d.click(in)
	d.do("select date "+fi, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).select()`, in)))
	d.do("type date "+fi, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: value})
		return err
	}), chromedp.KeyEvent(kb.Enter))
	d.waitJS(fi+" reads "+value, fmt.Sprintf(`document.querySelector(%q).value === %q`, in, value))
	d.waitJS("date panel closed", `![...document.querySelectorAll('body > .el-picker-panel')].some(e => e.style.display !== 'none')`)
}

// cascade clicks through the el-cascader of fi, one menu per level.
func (d *driver) cascade(fi string, path ...string) {
	d.t.Helper()
	d.click(fi + " .el-cascader .el-input__inner")
	for i, name := range path {
		d.mark(fmt.Sprintf("cascader level %d: %s", i, name), fmt.Sprintf(`(() => {
			const dd = [...document.querySelectorAll('body > .el-cascader__dropdown')].find(e => e.style.display !== 'none' && !/-(enter|leave)/.test(e.className));
			if (!dd) return null;
			const menu = dd.querySelectorAll('.el-cascader-menu')[%d];
			if (!menu) return null;
			return [...menu.querySelectorAll('.el-cascader-node')].find(n => n.querySelector('.el-cascader-node__label').textContent.trim() === %q);
		})()`, i, name))
		d.click("[data-test-pick]")
	}
	want := strings.Join(path, " / ")
	d.waitJS(fi+" reads "+want, fmt.Sprintf(`document.querySelector(%q).value === %q`, fi+" .el-cascader .el-input__inner", want))
}

// waitDialog waits until the dialog (or message box) matching sel is shown
// and its opening animation has ended, so clicks inside land where aimed.
func (d *driver) waitDialog(sel string) {
	d.t.Helper()
	d.do("dialog "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	d.waitJS("dialog "+sel+" settled", fmt.Sprintf(`(() => {
		const w = document.querySelector(%q).closest('.el-dialog__wrapper, .el-message-box__wrapper');
		return !!w && !/-(enter|leave)/.test(w.className);
	})()`, sel))
}

// upload sets files on the el-upload of fi.
func (d *driver) upload(fi string, files ...string) {
	d.t.Helper()
	d.do("upload to "+fi, chromedp.SetUploadFiles(chromedp.CSS(fi+" input[type=file]"), files))
}

// uploadedNames lists the file names shown as uploaded in fi.
func (d *driver) uploadedNames(fi string) []string {
	d.t.Helper()
	return eval[[]string](d, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.querySelector('.el-upload-list__item-name').textContent.trim())`,
		fi+" .el-upload-list__item.is-success"))
}

// waitUploaded waits until fi lists n successful files.
func (d *driver) waitUploaded(fi string, n int) {
	d.t.Helper()
	d.waitJS(fmt.Sprintf("%d uploaded files in %s", n, fi),
		fmt.Sprintf(`document.querySelectorAll(%q).length === %d`, fi+" .el-upload-list__item.is-success", n))
}

// message waits for an el-message of kind (success|error|info|warning)
// containing text, then closes every message so the next check starts clean.
func (d *driver) message(kind, text string) {
	d.t.Helper()
	d.waitJS(kind+" message "+text, fmt.Sprintf(`[...document.querySelectorAll('.el-message--%s .el-message__content')].some(e => e.textContent.includes(%q))`, kind, text))
	d.do("close messages", chromedp.Evaluate[chromedp.Void](`ELEMENT.Message.closeAll()`))
}

// fieldError waits for the client-side error under fi and returns it.
func (d *driver) fieldError(fi string) string {
	d.t.Helper()
	sel := fi + " .el-form-item__error"
	d.do("error under "+fi, chromedp.WaitVisible(chromedp.CSS(sel)))
	return eval[string](d, fmt.Sprintf(`document.querySelector(%q).textContent.trim()`, sel))
}

// login logs in, solving the captcha through the hook as a person would
// read it, and waits for the page it lands on.
func (d *driver) login(user, password, landing string) {
	d.t.Helper()
	d.waitPage("login")
	d.fillLogin(user, password)
	d.click(".btn-login")
	d.waitPage(landing)
}

func (d *driver) fillLogin(user, password string) {
	d.t.Helper()
	d.typeText(".fi-username input", user)
	d.typeText(".fi-password input", password)
	if eval[bool](d, `!!document.querySelector('.fi-captcha')`) {
		d.waitJS("captcha image loaded", `(() => { const i = document.querySelector('img.captcha-img'); return i && i.complete && i.naturalWidth > 0; })()`)
		d.typeText(".fi-captcha input", d.sim.Captcha())
	}
}

// fixture writes a file of size bytes starting with head into a temp dir.
func fixture(t *testing.T, name string, head []byte, size int) string {
	t.Helper()
	b := make([]byte, size)
	copy(b, head)
	for i := len(head); i < size; i++ {
		b[i] = byte('a' + i%26)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	jpegHead = []byte{0xFF, 0xD8, 0xFF, 0xE0}
	pdfHead  = []byte("%PDF-1.4\n")
	pngHead  = []byte("\x89PNG\r\n\x1a\n")
)

func itoa(n int) string { return strconv.Itoa(n) }

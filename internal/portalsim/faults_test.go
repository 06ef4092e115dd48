package portalsim_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// startDraft logs a new account in through the pages, creates an
// application, completes verification via the hook and returns its id.
func startDraft(d *driver, user string) string {
	d.t.Helper()
	d.sim.NewAccount(user)
	d.open("/login", "login")
	d.login(user, simtest.Password, "applications")
	d.waitDialog(".notice-dialog")
	d.click(".btn-notice-ok")
	d.do("notice closed", chromedp.WaitNotVisible(chromedp.CSS(".notice-dialog")))
	d.click(".btn-new-app")
	d.waitPage("agreement")
	d.click(".btn-accept")
	d.waitPage("verify")
	d.sim.Verify(user)
	d.do("records", chromedp.WaitVisible(chromedp.CSS(".records-table")))
	return d.sim.App(user).ID
}

func (d *driver) fillBasicInfo() {
	d.t.Helper()
	d.date(".fi-birth-date", "1999-03-15")
	d.typeText(".fi-name-pinyin input", "WANG XIAOMING")
	d.typeText(".fi-phone input", "13912345678")
	d.typeText(".fi-email input", "wang@example.com")
	d.cascade(".fi-region", "北京市", "海淀区")
	d.typeText(".fi-address-detail input", "学院路 1 号")
	d.typeText(".fi-postal-code input", "100083")
}

// TestSessionExpiresMidway: the session ends after a save; the next save
// lands on the login page with the message and a redirect back, and the
// draft is still there after logging in again.
func TestSessionExpiresMidway(t *testing.T) {
	d := newDriver(t, portalsim.Options{})
	id := startDraft(d, "13900000001")
	d.open("/apply/"+id+"/basic-info", "basic-info")
	d.fillBasicInfo()
	d.sim.SetFaults(portalsim.Faults{ExpireAfterSaves: 1})
	d.click(".btn-save")
	d.message("success", "保存成功")
	d.click(".btn-next")
	d.waitPage("login")
	u, err := url.Parse(d.location())
	if err != nil || u.Query().Get("redirect") != "/apply/"+id+"/basic-info" {
		t.Fatalf("expired session landed on %s; want /login?redirect=/apply/%s/basic-info", d.location(), id)
	}
	d.do("expiry notice", chromedp.WaitVisible(chromedp.CSS(".expired-alert")))
	if txt := eval[string](d, `document.querySelector('.expired-alert').textContent`); !strings.Contains(txt, "登录已过期，请重新登录") {
		t.Fatalf("expiry notice %q", txt)
	}
	d.login("13900000001", simtest.Password, "basic-info")
	if got := d.value(".fi-phone input"); got != "13912345678" {
		t.Fatalf("draft lost: 手机号码 reads %q after logging in again", got)
	}
	if got := d.sim.App("13900000001").Accepted.BasicInfo["通讯地址"]; got != "北京市/海淀区" {
		t.Fatalf("server draft 通讯地址 %q", got)
	}
}

// TestBusyPortal: with every mutating request failing the page shows the
// server's toast and stays; with latency alone everything still works.
func TestBusyPortal(t *testing.T) {
	d := newDriver(t, portalsim.Options{})
	id := startDraft(d, "13900000002")
	d.open("/apply/"+id+"/apply-type", "apply-type")
	d.clickText(".fi-apply-type .el-radio", "中外合作办学学历学位认证")
	d.sim.SetFaults(portalsim.Faults{ErrorRate: 1})
	d.click(".btn-next")
	d.message("error", "系统繁忙，请稍后重试")
	if d.location() != d.sim.URL+"/apply/"+id+"/apply-type" {
		t.Fatalf("left the page after a 500: %s", d.location())
	}
	if acc := d.sim.App("13900000002").Accepted; acc.ApplyType != nil {
		t.Fatalf("a failed save changed state: %v", acc.ApplyType)
	}
	d.sim.SetFaults(portalsim.Faults{LatencyMS: 400})
	d.click(".btn-next")
	d.waitPage("degree")
	if got := d.sim.App("13900000002").Accepted.ApplyType["申请类型"]; got != "中外合作办学学历学位认证" {
		t.Fatalf("申请类型 saved as %q", got)
	}
	// The remote institution search shows its loading state and still works.
	d.pick(".fi-awarding-country", "新加坡", "新加坡")
	d.pick(".fi-awarding-institution", "nanyang", "Nanyang Technological University")
}

// TestDemoVerifyPage: in Demo the verify page completes by itself after
// the QR appears, as if a person scanned it and typed the code.
func TestDemoVerifyPage(t *testing.T) {
	d := newDriver(t, portalsim.Options{Demo: true})
	d.open("/login", "login")
	if eval[bool](d, `!!document.querySelector('.fi-captcha')`) {
		t.Fatal("Demo login shows a captcha")
	}
	d.login("demo", "demo1234", "applications")
	d.waitDialog(".notice-dialog")
	d.click(".btn-notice-ok")
	d.do("notice closed", chromedp.WaitNotVisible(chromedp.CSS(".notice-dialog")))
	d.click(".btn-new-app")
	d.waitPage("agreement")
	d.click(".btn-accept")
	d.waitPage("verify")
	d.waitJS("face step done", `document.querySelector('.verify-status').dataset.state !== 'waiting'`)
	d.do("records", chromedp.WaitVisible(chromedp.CSS(".records-table")))
	if eval[string](d, `document.querySelector('.verify-status').dataset.state`) != "done" {
		t.Fatal("records shown before the state is done")
	}
	if txt := eval[string](d, `document.querySelector('.page-verify').textContent`); strings.Contains(txt, "提交") {
		t.Fatal("the verify page must not use the word 提交")
	}
	d.click(".btn-next")
	d.waitPage("basic-info")
}

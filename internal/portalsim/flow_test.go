package portalsim_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// TestFlow walks the whole application as a person would, filling every
// widget kind, triggering client-side and server-side validation errors,
// and finally compares what the simulator accepted with what was typed.
func TestFlow(t *testing.T) {
	d := newDriver(t, portalsim.Options{})
	user := d.sim.NewAccount("13912340000").Username

	// Login: wrong password, wrong captcha, then right.
	d.open("/login", "login")
	d.fillLogin(user, "wrong-password")
	d.click(".btn-login")
	d.message("error", "用户名或密码错误")
	d.open("/login", "login")
	d.fillLogin(user, simtest.Password)
	d.typeText(".fi-captcha input", "abcd") // digits only: never right
	d.click(".btn-login")
	d.message("error", "验证码错误")
	d.open("/login", "login")
	d.login(user, simtest.Password, "applications")

	// The notice shows once per login session.
	d.waitDialog(".notice-dialog")
	d.click(".btn-notice-ok")
	d.do("notice closed", chromedp.WaitNotVisible(chromedp.CSS(".notice-dialog")))
	d.open("/user/applications", "applications")
	if eval[bool](d, `(() => { const e = document.querySelector('.notice-dialog'); return !!e && e.offsetParent !== null; })()`) {
		t.Fatal("系统公告 shown again in the same session")
	}

	// Agreement creates the application and opens its verify page.
	d.click(".btn-new-app")
	d.waitPage("agreement")
	d.click(".btn-accept")
	d.waitPage("verify")
	app := d.sim.App(user)
	if app.Status != portalsim.StatusDraft {
		t.Fatalf("new application status %q, want 未提交", app.Status)
	}
	base := "/apply/" + app.ID + "/"

	// Step pages of an unverified application redirect to verify.
	d.open(base+"basic-info", "verify")
	if d.location() != d.sim.URL+base+"verify" {
		t.Fatalf("unverified basic-info landed on %s", d.location())
	}
	d.waitJS("waiting status", `document.querySelector('.verify-status').dataset.state === 'waiting'`)
	if eval[bool](d, `!document.querySelector('.btn-next').disabled`) {
		t.Fatal("下一步 enabled before verification")
	}
	d.waitJS("QR image", `(() => { const i = document.querySelector('img.verify-qr'); return i.complete && i.naturalWidth > 100; })()`)

	// Face via the hook (the person scans); the code is typed here.
	d.sim.Hook("POST", "/__sim/verify?user="+user+"&step=face", nil, nil)
	d.do("code field", chromedp.WaitVisible(chromedp.CSS(".fi-auth-code input")))
	d.typeText(".fi-auth-code input", "1234567")
	d.click(".btn-auth-code")
	if got := d.fieldError(".fi-auth-code"); got != "授权码应为8位数字" {
		t.Fatalf("short code error %q", got)
	}
	d.typeText(".fi-auth-code input", "20250315")
	d.click(".btn-auth-code")
	d.do("records", chromedp.WaitVisible(chromedp.CSS(".records-table")))
	d.waitJS("下一步 enabled", `!document.querySelector('.btn-next').disabled`)
	d.click(".btn-next")

	// 基本信息: identity read-only, client errors, a server 422, then save.
	d.waitPage("basic-info")
	for sel, want := range map[string]string{".fi-name input": "王小明", ".fi-id-number input": portalsim.DemoAccount.IDNumber, ".fi-id-type input": "居民身份证"} {
		if got := d.value(sel); got != want || !eval[bool](d, `document.querySelector('`+sel+`').disabled`) {
			t.Fatalf("%s = %q (want %q, disabled)", sel, got, want)
		}
	}
	d.click(".btn-next")
	if got := d.fieldError(".fi-phone"); got != "请输入手机号码" {
		t.Fatalf("empty phone error %q", got)
	}
	d.date(".fi-birth-date", "1999-03-15")
	d.typeText(".fi-name-pinyin input", "wang xiaoming")
	if got := d.fieldError(".fi-name-pinyin"); !strings.Contains(got, "大写") {
		t.Fatalf("lowercase pinyin error %q", got)
	}
	d.typeText(".fi-name-pinyin input", "WANG XIAOMING")
	d.typeText(".fi-former-name input", strings.Repeat("王", 31)) // only the server limits it
	d.typeText(".fi-phone input", "13912345678")
	d.typeText(".fi-email input", "wang.xiaoming@example.com")
	d.cascade(".fi-region", "广东省", "深圳市", "南山区")
	d.typeText(".fi-address-detail input", "科技园路 1 号")
	d.typeText(".fi-postal-code input", "518000")
	d.click(".btn-save")
	d.message("error", "曾用名：不能超过30个字符")
	d.typeText(".fi-former-name input", "")
	d.click(".btn-save")
	d.message("success", "保存成功")
	d.click(".btn-next")

	// 申请类型: radio.
	d.waitPage("apply-type")
	d.click(".btn-next")
	if got := d.fieldError(".fi-apply-type"); got != "请选择申请类型" {
		t.Fatalf("apply-type error %q", got)
	}
	d.clickText(".fi-apply-type .el-radio", "国(境)外学历学位认证")
	d.waitJS("radio checked", `document.querySelector('.fi-apply-type .el-radio.is-checked').textContent.trim() === '国(境)外学历学位认证'`)
	d.click(".btn-next")

	// 申请信息: selects (filterable, remote), manual institution,
	// checkbox-revealed fields, radio-revealed textarea, dates.
	d.waitPage("degree")
	d.pick(".fi-awarding-country", "英国", "英国")
	d.pick(".fi-awarding-institution", "edin", "The University of Edinburgh")
	d.pick(".fi-awarding-country", "美国", "美国")
	if got := d.value(".fi-awarding-institution input"); got != "" {
		t.Fatalf("changing the country left the institution %q", got)
	}
	d.pick(".fi-awarding-country", "英", "英国")
	d.pick(".fi-awarding-institution", "", "其他（手动输入）")
	d.do("manual field", chromedp.WaitVisible(chromedp.CSS(".fi-awarding-institution-manual input")))
	d.typeText(".fi-awarding-institution-manual input", "Edinburgh Napier University")
	d.typeText(".fi-degree-name input", "Master of Science")
	d.pick(".fi-level", "", "硕士")
	d.typeText(".fi-major-foreign input", "Artificial Intelligence")
	d.typeText(".fi-major-chinese input", "人工智能")
	if !eval[bool](d, `document.querySelector('.fi-same-school .el-checkbox').classList.contains('is-checked')`) {
		t.Fatal("就读学校与颁证学校相同 should start ticked")
	}
	d.click(".fi-same-school .el-checkbox")
	d.do("study fields", chromedp.WaitVisible(chromedp.CSS(".fi-study-country")))
	d.pick(".fi-study-country", "英国", "英国")
	d.typeText(".fi-study-institution input", "The University of Edinburgh")
	d.date(".fi-start", "2022-09-12")
	d.date(".fi-end", "2023-09-01")
	d.date(".fi-award-date", "2022-01-10") // before the start: only the server knows
	d.typeText(".fi-student-number input", "s2212345")
	d.pick(".fi-discipline", "", "工学")
	d.clickText(".fi-remote-study .el-radio", "是")
	d.click(".btn-next")
	if got := d.fieldError(".fi-remote-explanation"); got != "请填写远程修读说明" {
		t.Fatalf("remote explanation error %q", got)
	}
	d.typeText(".fi-remote-explanation textarea", "2022年10月至12月因签证延误在国内远程修读两门课程")
	d.typeText(".fi-remarks textarea", "无")
	d.click(".btn-next")
	d.message("error", "不能早于学习开始时间")
	d.date(".fi-award-date", "2023-11-28")
	d.click(".btn-next")

	// 学习经历: the automatic row, the dialog, edit, delete.
	d.waitPage("study-history")
	d.waitJS("automatic row", `document.querySelector('.history-table .tag-auto') !== null && document.querySelector('.history-table').textContent.includes('2022-09 至 2023-09')`)
	d.click(".btn-next")
	d.message("error", "至少需要两条学习经历")
	d.click(".btn-add-history")
	d.waitDialog(".history-dialog")
	d.click(".btn-dialog-ok")
	if got := d.fieldError(".history-dialog .fi-h-from"); got != "请选择开始时间" {
		t.Fatalf("dialog error %q", got)
	}
	d.click(".btn-dialog-cancel")
	d.do("dialog closed", chromedp.WaitNotVisible(chromedp.CSS(".history-dialog")))
	addRow := func(from, to, country, school, major, level string) {
		t.Helper()
		n := eval[int](d, `document.querySelectorAll('.history-table .el-table__body tr').length`)
		d.click(".btn-add-history")
		d.waitDialog(".history-dialog")
		d.date(".fi-h-from", from)
		d.date(".fi-h-to", to)
		d.pick(".fi-h-country", country, country)
		d.typeText(".fi-h-school input", school)
		if major != "" {
			d.typeText(".fi-h-major input", major)
		}
		d.pick(".fi-h-level", "", level)
		d.click(".btn-dialog-ok")
		d.message("success", "保存成功")
		d.do("dialog closed", chromedp.WaitNotVisible(chromedp.CSS(".history-dialog")))
		d.waitJS("row added", `document.querySelectorAll('.history-table .el-table__body tr').length === `+itoa(n+1))
	}
	addRow("2013-09", "2016-06", "中国", "北京市某中学", "", "高中")
	addRow("2016-09", "2020-06", "中国", "北京示例大学", "计算机科学与技术", "本科")
	addRow("2020-09", "2021-06", "日本", "Waseda University", "Japanese", "其他")
	// Edit the high-school row (first, oldest).
	d.click(".history-table .btn-edit-history")
	d.waitDialog(".history-dialog")
	if title := eval[string](d, `document.querySelector('.history-dialog .el-dialog__title').textContent`); title != "编辑学习经历" {
		t.Fatalf("edit dialog title %q", title)
	}
	d.typeText(".fi-h-school input", "北京市示例中学")
	d.click(".btn-dialog-ok")
	d.message("success", "保存成功")
	d.do("dialog closed", chromedp.WaitNotVisible(chromedp.CSS(".history-dialog")))
	// Delete the Waseda row, confirming in the message box.
	d.mark("Waseda delete button", `[...document.querySelectorAll('.history-table .el-table__body tr')].find(tr => tr.textContent.includes('Waseda')).querySelector('.btn-delete-history')`)
	d.click("[data-test-pick]")
	d.waitDialog(".el-message-box")
	d.click(".el-message-box__btns .el-button--primary")
	d.message("success", "已删除")
	d.waitJS("3 rows", `document.querySelectorAll('.history-table .el-table__body tr').length === 3`)
	d.click(".btn-next")

	// 上传材料: required check, client refusals, server refusal by content,
	// uploads, removal, and the list rebuilt from the server on reload.
	d.waitPage("materials")
	d.click(".btn-next")
	d.message("error", "证件照片：必传材料")
	d.upload(".fi-m-passport", fixture(t, "big.jpg", jpegHead, 1<<20+1))
	d.message("error", "单个文件不能超过 1MB")
	d.upload(".fi-m-diploma", fixture(t, "diploma.jpg", jpegHead, 1000))
	d.message("error", "只能上传 PDF 文件")
	d.upload(".fi-m-passport", fixture(t, "fake.jpg", pngHead, 2000))
	d.message("error", "实际格式是其他格式")
	d.waitUploaded(".fi-m-passport", 0)
	d.upload(".fi-m-photo", fixture(t, "photo.jpg", jpegHead, 30_000))
	d.waitUploaded(".fi-m-photo", 1)
	d.upload(".fi-m-passport", fixture(t, "passport-1.jpg", jpegHead, 50_000), fixture(t, "passport-2.jpg", jpegHead, 50_000))
	d.waitUploaded(".fi-m-passport", 2)
	d.upload(".fi-m-visa", fixture(t, "visa.jpg", jpegHead, 40_000))
	d.waitUploaded(".fi-m-visa", 1)
	d.upload(".fi-m-diploma", fixture(t, "diploma.pdf", pdfHead, 200_000))
	d.waitUploaded(".fi-m-diploma", 1)
	d.upload(".fi-m-authorization", fixture(t, "authorization.pdf", pdfHead, 30_000))
	d.waitUploaded(".fi-m-authorization", 1)
	d.upload(".fi-m-other", fixture(t, "remove-me.jpg", jpegHead, 1000))
	d.waitUploaded(".fi-m-other", 1)
	d.do("remove a file",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.fi-m-other .el-upload-list__item').focus()`),
		chromedp.KeyEvent(kb.Delete))
	d.waitUploaded(".fi-m-other", 0)
	d.open(base+"materials", "materials")
	// Two files sent at once arrive in either order.
	if got := d.uploadedNames(".fi-m-passport"); !reflect.DeepEqual(sorted(got), []string{"passport-1.jpg", "passport-2.jpg"}) {
		t.Fatalf("passport files after reload: %q", got)
	}
	d.click(".btn-next")

	// What the server accepted, in portal terms.
	d.waitPage("confirm")
	want := portalsim.Accepted{
		BasicInfo: map[string]string{
			"姓名": "王小明", "性别": "男", "国籍": "中国", "证件类型": "居民身份证", "证件号码": portalsim.DemoAccount.IDNumber,
			"出生日期": "1999-03-15", "姓名拼音": "WANG XIAOMING", "曾用名": "", "手机号码": "13912345678",
			"电子邮箱": "wang.xiaoming@example.com", "通讯地址": "广东省/深圳市/南山区", "详细地址": "科技园路 1 号", "邮政编码": "518000",
		},
		ApplyType: map[string]string{"申请类型": "国(境)外学历学位认证"},
		Degree: map[string]string{
			"颁证学校所在地点": "英国", "颁证学校外文名称": "Edinburgh Napier University", "学位外文名称": "Master of Science",
			"学位层次": "硕士", "认证学位/证书授予时间": "2023-11-28", "学习专业（外文）": "Artificial Intelligence",
			"学习专业（中文）": "人工智能", "就读学校与颁证学校相同": "否", "就读地点": "英国", "就读学校外文名称": "The University of Edinburgh",
			"学习开始时间": "2022-09-12", "学习结束时间": "2023-09-01", "学号": "s2212345", "学科类别": "工学",
			"是否有远程修读经历": "是", "远程修读说明": "2022年10月至12月因签证延误在国内远程修读两门课程", "备注": "无",
		},
		StudyHistory: []map[string]string{
			{"开始时间": "2013-09", "结束时间": "2016-06", "国家/地区": "中国", "学校名称": "北京市示例中学", "专业": "", "学历/学位": "高中"},
			{"开始时间": "2016-09", "结束时间": "2020-06", "国家/地区": "中国", "学校名称": "北京示例大学", "专业": "计算机科学与技术", "学历/学位": "本科"},
			{"开始时间": "2022-09", "结束时间": "2023-09", "国家/地区": "英国", "学校名称": "The University of Edinburgh", "专业": "Artificial Intelligence", "学历/学位": "硕士"},
		},
		Materials: map[string][]string{
			"证件照片": {"photo.jpg"}, "护照/通行证": {"passport-1.jpg", "passport-2.jpg"}, "签证/居留许可": {"visa.jpg"},
			"学位证书": {"diploma.pdf"}, "授权声明": {"authorization.pdf"},
		},
	}
	got := d.sim.App(user)
	for k, v := range got.Accepted.Materials {
		got.Accepted.Materials[k] = sorted(v)
	}
	if !reflect.DeepEqual(got.Accepted, want) {
		g, _ := json.MarshalIndent(got.Accepted, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("accepted state differs\n got: %s\nwant: %s", g, w)
	}
	if !strings.Contains(eval[string](d, `document.querySelector('.page-confirm').textContent`), "Edinburgh Napier University") {
		t.Fatal("confirm summary lacks the institution")
	}

	// 提交 and 支付 are counted on every click; outside Demo they complete.
	d.click(".btn-submit")
	d.message("error", "请先阅读并勾选")
	if n := d.sim.State(user).SubmitAttempts; n != 1 {
		t.Fatalf("submit attempts %d, want 1", n)
	}
	d.click(".fi-pledge")
	d.click(".btn-submit")
	d.waitPage("payment")
	d.click(".btn-pay-wechat")
	d.message("success", "支付成功")
	st := d.sim.State(user)
	if st.SubmitAttempts != 2 || st.PaymentAttempts != 1 || st.Applications[0].Status != portalsim.StatusReviewing {
		t.Fatalf("after submit and pay: %+v", st)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

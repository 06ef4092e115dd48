package capture

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/portalsim"
)

// A page with a person's data everywhere a portal might show it, and the
// texts a check needs. The inputs get their values from a script, as Vue
// sets them (a property, not an attribute), and some as attributes too.
const personalPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>基本信息</title>
<style>.hidden { display: none; background: url(/secret.png); } @font-face { font-family: x; src: url(/font.woff); }</style>
<link rel="stylesheet" href="/site.css"><link rel="icon" href="/favicon.ico"></head>
<body><header><span class="user-name">王小明</span> <a href="/logout">退出</a></header>
<form class="el-form"><div class="el-form-item fi-name"><label class="el-form-item__label" for="name">姓名</label>
<div class="el-form-item__content"><div class="el-input"><input id="name" value="王小明" disabled></div></div></div>
<div class="el-form-item"><label class="el-form-item__label">证件号码</label><div class="el-form-item__content"><input id="idno"></div></div>
<div class="el-form-item"><label class="el-form-item__label">备注</label><div class="el-form-item__content"><textarea id="remarks">电话 13900001234</textarea></div></div>
<div class="el-form-item"><label class="el-form-item__label">学位层次</label><div class="el-form-item__content"><button type="button" class="el-button">硕士</button></div></div>
</form>
<p class="hint" title="联系 wang.xiaoming@example.com">请核对：王小明，证件 110108199903151237，护照 E12345678，手机 139-0000-1234，邮箱 wang.xiaoming@example.com</p>
<table class="el-table"><thead><tr><th>申请编号</th><th>状态</th><th>操作</th></tr></thead>
<tbody><tr><td><div class="cell">A20250001</div></td><td><div class="cell"><span class="el-tag">未提交</span></div></td>
<td><div class="cell"><button class="el-button btn-continue"><span>继续填写</span></button></div></td></tr></tbody></table>
<table class="el-descriptions"><tr><th class="el-descriptions-item__label">出生日期</th><td class="el-descriptions-item__content">1999-03-15</td></tr></table>
<ul class="el-upload-list"><li class="el-upload-list__item is-success"><a class="el-upload-list__item-name">王小明-护照.jpg</a></li></ul>
<img class="verify-qr" src="/qr.png" alt="二维码"><img class="captcha-img" src="/captcha.png">
<ul class="el-select-dropdown__list"><li class="el-select-dropdown__item"><span>硕士</span></li></ul>
<a href="javascript:void(alert(1))" onclick="steal()">忘记密码？</a>
<script>document.getElementById("idno").value = "110108199903151237"; window.secret = 1;</script>
</body></html>`

func TestScrubLeavesNoPersonalData(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/site.css", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = w.Write([]byte(".user-name { color: red; background: url(/bg.png) }"))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(personalPage))
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(browsertest.Tab(t), time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/apply/A20250001/basic-info?token=abc")); err != nil {
		t.Fatal(err)
	}
	snap, err := Take(ctx, "basic-info", Options{Values: SimValues()})
	if err != nil {
		t.Fatal(err)
	}
	html := snap.HTML
	assertScrubbed(t, "crafted page", html)
	for _, gone := range []string{"E12345678", "139-0000-1234", "王小明", "secret", "onclick", "javascript:", "/qr.png", "/captcha.png", "font.woff", "/bg.png", "favicon"} {
		if strings.Contains(html, gone) {
			t.Errorf("%q is left in the capture", gone)
		}
	}
	// What a check needs stays: labels, headers, buttons, options.
	for _, kept := range []string{">姓名<", ">证件号码<", ">申请编号<", ">继续填写<", ">出生日期<", `<span>硕士</span>`, ">退出<", `class="user-name"`} {
		if !strings.Contains(html, kept) {
			t.Errorf("%q was scrubbed; checks need it", kept)
		}
	}
	if len(snap.Styles) != 1 || !strings.Contains(snap.Styles[0].Text, ".user-name") || strings.Contains(snap.Styles[0].Text, "bg.png") {
		t.Errorf("stylesheets %+v, want site.css without addresses", snap.Styles)
	}
	if snap.URL != "/apply/*/basic-info" {
		t.Errorf("URL %q, want the path with the application number masked and no query", snap.URL)
	}
	if !strings.Contains(strings.Join(snap.Typed, "|"), "110108199903151237") {
		t.Errorf("typed values %q: the ID typed into the page should be remembered for later pages", snap.Typed)
	}
	if strings.Contains(html, portalsim.DemoAccount.Name) {
		t.Error("the demo name survived")
	}
}

package portal

import (
	"errors"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// The one click function refuses submit and pay controls, whatever the
// caller asks, and records nothing as clicked.
func TestClickGuardRefusesSubmitAndPay(t *testing.T) {
	ctx := htmlTab(t, `<!doctype html><meta charset="utf-8"><body>
<button class="btn-submit" onclick="window.clicked=(window.clicked||0)+1">提交</button>
<button class="btn-other" onclick="window.clicked=(window.clicked||0)+1">确认提交申请</button>
<button class="btn-pay" onclick="window.clicked=(window.clicked||0)+1"><span>微信支付</span></button>
<button class="btn-ok" onclick="window.ok=1">返回修改</button>
<div class="mask" style="position:fixed;inset:0;display:none"></div>`)
	r := &runner{opts: Options{StepTimeout: 2 * time.Second}, never: []string{".btn-submit"}}
	cases := []struct {
		page, css string
	}{
		{"confirm", ".btn-submit"},   // on the never_click list
		{"degree", ".btn-submit"},    // never_click holds on every page
		{"confirm", ".btn-other"},    // 提交 in its text on the confirm page
		{"degree", ".btn-pay"},       // 支付 is refused everywhere
		{"payment", ".btn-pay span"}, // the text of the enclosing button counts
	}
	for _, c := range cases {
		r.page = c.page
		err := r.clickCSS(ctx, c.css, "test")
		var fc *ForbiddenClick
		if !errors.As(err, &fc) {
			t.Errorf("%s on %s: want a refusal, got %v", c.css, c.page, err)
		}
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.clicked || 0`)); n != 0 {
		t.Fatalf("SAFETY: %d forbidden clicks reached the page", n)
	}
	r.page = "confirm"
	if err := r.clickCSS(ctx, ".btn-ok", "返回修改"); err != nil {
		t.Fatalf("an allowed click was refused: %v", err)
	}
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ok || 0`)); ok != 1 {
		t.Fatal("the allowed click did not arrive")
	}
}

// A control under a mask is not clicked: the click would land on the mask.
func TestClickWaitsForCoveringMask(t *testing.T) {
	ctx := htmlTab(t, `<!doctype html><meta charset="utf-8"><body>
<button class="go" onclick="window.hit=1">下一步</button>
<div class="mask" style="position:fixed;inset:0;background:rgba(0,0,0,.3)"></div>`)
	r := &runner{opts: Options{StepTimeout: time.Second}, page: "degree"}
	err := r.clickCSS(ctx, ".go", "下一步")
	if err == nil || !errors.Is(err, errTimeout) {
		t.Fatalf("want a covered timeout, got %v", err)
	}
	if hit, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.hit || 0`)); hit != 0 {
		t.Fatal("clicked through the mask")
	}
}

func TestTruthy(t *testing.T) {
	vals := map[string]any{"yes": true, "no": false, "s": "x", "empty": ""}
	get := func(k string) (any, bool) { v, ok := vals[k]; return v, ok }
	for when, want := range map[string]bool{"": true, "yes": true, "!yes": false, "no": false, "!no": true, "s": true, "empty": false, "!missing": true} {
		if got := pagemap.Truthy(when, get); got != want {
			t.Errorf("Truthy(%q) = %v", when, got)
		}
	}
}

func TestSameNormalises(t *testing.T) {
	if !same(pagemap.Text, "ＡＢ１ 2", " AB1  2") {
		t.Error("full-width letters and spaces")
	}
	if !same(pagemap.Cascader, "北京市 / 海淀区", "北京市/海淀区") {
		t.Error("cascader separators")
	}
	if same(pagemap.Text, "英国", "日本") {
		t.Error("different values compare equal")
	}
}

package portal

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A stack of toasts (上传成功 …) over 下一步 does not hold up the click: the
// button is scrolled clear below them, and the click lands on it. These
// toasts never go away, so waiting them out would time out.
func TestToastsDoNotBlockAClick(t *testing.T) {
	var toasts strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&toasts, `<div class="el-message el-message--success" style="height:48px;margin-top:16px;background:#efe">file-%d.jpg 上传成功</div>`, i)
	}
	ctx := htmlTab(t, `<!doctype html><meta charset="utf-8"><body style="margin:0">
<div style="height:1500px"></div>
<button class="go" onclick="window.hit=1" style="height:32px">下一步</button>
<div style="height:1500px"></div>
<div class="toasts" style="position:fixed;top:0;left:0;right:0">`+toasts.String())
	r := &runner{opts: Options{StepTimeout: 5 * time.Second}, page: "materials"}
	if err := r.clickCSS(ctx, ".go", "下一步"); err != nil {
		t.Fatalf("the click waited for the toasts: %v", err)
	}
	if hit, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.hit || 0`)); hit != 1 {
		t.Fatal("the click did not land on 下一步")
	}
}

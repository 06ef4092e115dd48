package screenshot_test

import (
	"bytes"
	"image/png"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report/screenshot"
)

const page = `<!DOCTYPE html><html><body style="font:14px sans-serif">
<form><label>证件号码 <input id="id" value="110105199805120012" readonly></label>
<label>手机号码 <input id="phone" value="13800138000"></label>
<label>姓名 <input id="name" value="张三"></label>
<input type="hidden" value="13800138000"></form>
<table><tr><td>手机号码</td><td id="cell">13800138000</td></tr>
<tr><td>邮编</td><td>100080</td></tr></table>
<p style="display:none">110105199805120012</p>
</body></html>`

// Personal numbers are covered for the capture, everything else is not,
// and afterwards the page is exactly as it was.
func TestCoverAndUncover(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	tab := browsertest.Tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	p := &profile.Profile{}
	p.Applicant.IDType, p.Applicant.IDNumber, p.Applicant.Phone = "id_card", "110105199805120012", "13800138000"
	mask := profile.NewRedactor(p).String

	n, err := screenshot.Cover(tab, mask)
	if err != nil {
		t.Fatal(err)
	}
	covered, err := chromedp.Run(tab, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('.autofill-mask-layer div')).map(d => d.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1101**********0012", "138****8000", "138****8000"} // two inputs and the table cell; not the hidden ones
	if n != 3 || len(covered) != 3 || covered[0] != want[0] || covered[1] != want[1] || covered[2] != want[2] {
		t.Errorf("covered %d: %q, want %q", n, covered, want)
	}
	screenshot.Uncover(tab)

	png1, err := screenshot.Capture(tab, mask)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(png1)); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	type after struct {
		Layers int    `json:"layers"`
		ID     string `json:"id"`
		Phone  string `json:"phone"`
		Cell   string `json:"cell"`
	}
	a, err := chromedp.Run(tab, chromedp.Evaluate[after](`({
		layers: document.querySelectorAll('.autofill-mask-layer').length,
		id: document.getElementById('id').value,
		phone: document.getElementById('phone').value,
		cell: document.getElementById('cell').textContent,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if a.Layers != 0 || a.ID != "110105199805120012" || a.Phone != "13800138000" || a.Cell != "13800138000" {
		t.Errorf("page changed by the capture: %+v", a)
	}
}

package screenshot

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/profile"
)

const watchedPage = `<!DOCTYPE html><html><body style="font:16px sans-serif;margin:20px">
<p><label>证件号码 <input id="id" value="110105199805120012" readonly style="width:300px;height:30px;font-size:20px"></label></p>
<p><label>姓名 <input id="name" value="张三 Zhang" style="width:300px;height:30px;font-size:20px"></label></p>
<script>window.muts = 0; new MutationObserver((m) => { muts += m.length; })
  .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });</script>
</body></html>`

// The window's picture has the ID number painted over and the name as it
// was, and the page saw no change at all while it was taken.
func TestWindowMasksThePictureNotThePage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(watchedPage))
	}))
	defer srv.Close()
	tab := browsertest.Tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(tab, chromedp.Evaluate[int](`muts`)) // the parser's own, after the observer
	if err != nil {
		t.Fatal(err)
	}
	p := &profile.Profile{}
	p.Applicant.IDType, p.Applicant.IDNumber = "id_card", "110105199805120012"
	w, err := TakeWindow(tab, profile.NewRedactor(p).String, 90)
	if err != nil {
		t.Fatal(err)
	}
	masked, err := w.JPEG()
	if err != nil {
		t.Fatal(err)
	}
	q := int64(90)
	plain, err := chromedp.Call(tab, cdppage.CaptureScreenshot, cdppage.CaptureScreenshotParams{Format: cdppage.CaptureScreenshotFormatJpeg, Quality: &q})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(tab, chromedp.Evaluate[int](`muts`)); err != nil || n != before {
		t.Errorf("the page saw %d mutations during the capture (%v), want none", n-before, err)
	}
	a, b := decode(t, masked), decode(t, plain.Data)
	box := func(id string) image.Rectangle {
		r, err := chromedp.Run(tab, chromedp.Evaluate[[]int](`(() => { const r = document.getElementById(`+"`"+id+"`"+`).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round); })()`))
		if err != nil {
			t.Fatal(err)
		}
		return image.Rect(r[0]+3, r[1]+3, r[2]-3, r[3]-3)
	}
	if d := diff(a, b, box("id")); d < 8 {
		t.Errorf("the ID number's box differs by %.1f on average from the page's own picture: not masked", d)
	}
	if d := diff(a, b, box("name")); d > 4 {
		t.Errorf("the name's box differs by %.1f on average: masked or damaged, want as it was", d)
	}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a JPEG: %v", err)
	}
	return img
}

// diff is the mean absolute difference of grey levels of a and b inside r.
func diff(a, b image.Image, r image.Rectangle) float64 {
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ga := color.GrayModel.Convert(a.At(x, y)).(color.Gray).Y
			gb := color.GrayModel.Convert(b.At(x, y)).(color.Gray).Y
			d := float64(ga) - float64(gb)
			if d < 0 {
				d = -d
			}
			sum += d
			n++
		}
	}
	return sum / max(n, 1)
}

// paint covers only the box it is given (scaled from CSS to device
// pixels), with the background colour, and draws the masked text inside it.
func TestPaint(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	out := paint(img, 100, []text{{Text: "1101**0012", X: 10, Y: 10, W: 40, H: 10, BG: "rgb(255, 255, 255)", Color: "rgba(0, 0, 0, 1)"}})
	inside, ink := 0, 0
	for y := 0; y < 100; y++ {
		for x := 0; x < 200; x++ {
			c := out.(*image.RGBA).RGBAAt(x, y)
			in := image.Pt(x, y).In(image.Rect(20, 20, 100, 40))
			switch {
			case !in && c != (color.RGBA{0x80, 0x80, 0x80, 0x80}):
				t.Fatalf("pixel (%d,%d) outside the box changed to %v", x, y, c)
			case in && c == (color.RGBA{0x80, 0x80, 0x80, 0x80}):
				t.Fatalf("pixel (%d,%d) inside the box kept the page's colour", x, y)
			case in && c.R == 0:
				ink++
			case in:
				inside++
			}
		}
	}
	if ink == 0 || inside == 0 {
		t.Errorf("box has %d background and %d text pixels, want both", inside, ink)
	}
	if got := ascii("张* 13*8"); got != "** 13*8" {
		t.Errorf("ascii = %q", got)
	}
	if c := cssColor("transparent", color.White); c != color.White {
		t.Errorf("cssColor(transparent) = %v, want the default", c)
	}
}

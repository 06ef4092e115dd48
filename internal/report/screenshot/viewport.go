package screenshot

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"regexp"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"github.com/cscse-tools/autofill/internal/page"
)

//go:embed js/texts.js
var textsJS string

var textsFunc = page.Func{Name: "screenshot.texts", Source: textsJS}

// shown is what js/texts.js reads: the window's size and scroll in CSS
// pixels and the texts that could hold a personal number, with their boxes.
type shown struct {
	VW    float64 `json:"vw"`
	VH    float64 `json:"vh"`
	SX    float64 `json:"sx"`
	SY    float64 `json:"sy"`
	Items []text  `json:"items"`
}

type text struct {
	Text  string  `json:"text"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	BG    string  `json:"bg"`
	Color string  `json:"color"`
	// How a copy laid in the page draws it (Cover).
	Font   string `json:"font"`
	Align  string `json:"align"`
	Pad    string `json:"pad"`
	Radius string `json:"radius"`
	Border string `json:"border"`
}

// Window is a picture of the window as the browser took it, with the
// masks still to paint: JPEG finishes it without the tab, so the engine
// can go on while it does.
type Window struct {
	raw     []byte
	vw      float64
	covers  []text
	quality int64
}

// TakeWindow captures what the window shows, for Window.JPEG to paint
// every text that mask changes over with its masked form. The page is only
// read: the boxes are measured and the window captured here, the masks
// painted on the picture, so nothing is added to the portal's page, even
// for a moment. A capture of the window does not lay the page out again,
// so the boxes measured just before it are where the texts are in it.
// Until it returns the page must not move (reading it is fine). quality is
// the JPEG quality (0–100).
func TakeWindow(ctx context.Context, mask func(string) string, quality int64) (*Window, error) {
	s, covers, err := masked(ctx, mask, false)
	if err != nil {
		return nil, fmt.Errorf("finding personal data for the screenshot: %w", err)
	}
	raw, err := page.ViewportJPEG(ctx, quality)
	if err != nil {
		return nil, err
	}
	return &Window{raw: raw, vw: s.VW, covers: covers, quality: quality}, nil
}

// JPEG paints the masks on the picture and encodes it.
func (w *Window) JPEG() ([]byte, error) {
	if len(w.covers) == 0 {
		return w.raw, nil
	}
	img, err := jpeg.Decode(bytes.NewReader(w.raw))
	if err != nil {
		return nil, fmt.Errorf("reading the screenshot to mask it: %w", err)
	}
	out := paint(img, w.vw, w.covers)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: int(w.quality)}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// masked lists the texts the window shows (the whole page when all) that
// mask changes, each carrying its masked form.
func masked(ctx context.Context, mask func(string) string, all bool) (shown, []text, error) {
	s, err := page.CallFunc[shown](ctx, "", textsFunc, all)
	var covers []text
	for _, t := range s.Items {
		if m := mask(t.Text); m != t.Text {
			t.Text = m
			covers = append(covers, t)
		}
	}
	return s, covers, err
}

// paint draws each cover (boxes in CSS pixels of a window vw wide) onto
// img: its background, then its masked text. A decoded JPEG is painted in
// place, in its own colour planes (a copy as RGBA would take 5 MB a
// picture); another image is copied first.
func paint(img image.Image, vw float64, covers []text) draw.Image {
	b := img.Bounds()
	var out draw.Image
	if y, ok := img.(*image.YCbCr); ok {
		out = ycc{y}
	} else {
		rgba := image.NewRGBA(b)
		draw.Draw(rgba, b, img, b.Min, draw.Src)
		out = rgba
	}
	scale := 1.0
	if vw > 0 {
		scale = float64(b.Dx()) / vw // device pixels per CSS pixel
	}
	face := basicfont.Face7x13
	for _, c := range covers {
		r := image.Rect(int(c.X*scale), int(c.Y*scale), int((c.X+c.W)*scale+0.999), int((c.Y+c.H)*scale+0.999)).Add(b.Min).Intersect(b)
		if r.Empty() {
			continue
		}
		draw.Draw(clipped{out, r}, r, image.NewUniform(cssColor(c.BG, color.White)), image.Point{}, draw.Src)
		d := &font.Drawer{Dst: clipped{out, r}, Src: image.NewUniform(cssColor(c.Color, color.Black)), Face: face}
		d.Dot = fixed.P(r.Min.X+2, r.Min.Y+(r.Dy()+face.Ascent-face.Descent)/2)
		d.DrawString(ascii(c.Text))
	}
	return out
}

// clipped is an image that takes paint only inside r (a masked text longer
// than its box must not spill onto its neighbours).
type clipped struct {
	draw.Image
	r image.Rectangle
}

func (c clipped) Set(x, y int, v color.Color) {
	if image.Pt(x, y).In(c.r) {
		c.Image.Set(x, y, v)
	}
}

// ycc paints a decoded JPEG's planes. A chroma sample shared by several
// pixels takes the colour last set: the masks are boxes of one background
// with text, so a box's edge may bleed half a chroma sample, never its text.
type ycc struct{ *image.YCbCr }

func (p ycc) Set(x, y int, v color.Color) {
	if !image.Pt(x, y).In(p.Rect) {
		return
	}
	c := color.YCbCrModel.Convert(v).(color.YCbCr)
	p.Y[p.YOffset(x, y)] = c.Y
	i := p.COffset(x, y)
	p.Cb[i], p.Cr[i] = c.Cb, c.Cr
}

// ascii replaces what the built-in font cannot draw (the masks are of
// numbers, phones and addresses, mostly ASCII) by a mask character.
func ascii(s string) string {
	b := []rune(s)
	for i, r := range b {
		if r < 0x20 || r > 0x7e {
			b[i] = '*'
		}
	}
	return string(b)
}

var rgbRE = regexp.MustCompile(`^rgba?\((\d+),\s*(\d+),\s*(\d+)`)

// cssColor reads a computed colour ("rgb(r, g, b)" or "rgba(…)"), or def.
func cssColor(s string, def color.Color) color.Color {
	m := rgbRE.FindStringSubmatch(s)
	if m == nil {
		return def
	}
	v := func(i int) uint8 { n, _ := strconv.Atoi(m[i]); return uint8(min(n, 255)) }
	return color.RGBA{v(1), v(2), v(3), 255}
}

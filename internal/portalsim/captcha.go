package portalsim

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
)

// glyphs is a 5×7 bitmap font for the captcha's digits: one byte per row,
// the low 5 bits from left to right. A font file would need a dependency;
// ten digits do not.
var glyphs = map[byte][7]byte{
	'0': {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E},
	'1': {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E},
	'2': {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F},
	'3': {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E},
	'4': {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02},
	'5': {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E},
	'6': {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E},
	'7': {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},
	'8': {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E},
	'9': {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C},
}

// handleCaptcha draws a new 4-digit captcha for this browser and remembers
// its answer (GET /__sim/captcha tells tests the latest one).
func (s *Server) handleCaptcha(w http.ResponseWriter, r *http.Request) {
	id := ""
	if c, err := r.Cookie(captchaCookie); err == nil && len(c.Value) == 32 {
		id = c.Value
	} else {
		id = randomToken()
		http.SetCookie(w, &http.Cookie{Name: captchaCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	s.mu.Lock()
	answer := make([]byte, 4)
	for i := range answer {
		answer[i] = byte('0' + s.rng.IntN(10))
	}
	s.captchas[id] = string(answer)
	s.lastCaptcha = string(answer)
	seed := s.rng.Uint64()
	s.mu.Unlock()

	var buf bytes.Buffer
	_ = png.Encode(&buf, drawCaptcha(string(answer), seed))
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

// drawCaptcha renders text with jitter, colour and noise, like the
// captchas of government portals: legible to a person, not trivial to OCR.
func drawCaptcha(text string, seed uint64) image.Image {
	const w, h, scale = 110, 38, 3
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := func(n int) int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed>>33) % n }
	bg := color.RGBA{0xEE, 0xF3, 0xFA, 0xFF}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, bg)
		}
	}
	for i := 0; i < 140; i++ { // speckles
		img.Set(rnd(w), rnd(h), color.RGBA{uint8(120 + rnd(120)), uint8(120 + rnd(120)), uint8(120 + rnd(120)), 0xFF})
	}
	for i, ch := range []byte(text) {
		g := glyphs[ch]
		c := color.RGBA{uint8(rnd(120)), uint8(40 + rnd(100)), uint8(90 + rnd(140)), 0xFF}
		ox, oy := 8+i*25+rnd(5), 5+rnd(8)
		slant := rnd(3) - 1
		for row := 0; row < 7; row++ {
			for col := 0; col < 5; col++ {
				if g[row]&(1<<(4-col)) == 0 {
					continue
				}
				for dy := 0; dy < scale; dy++ {
					for dx := 0; dx < scale; dx++ {
						img.Set(ox+col*scale+dx+slant*(6-row)/2, oy+row*scale+dy, c)
					}
				}
			}
		}
	}
	for i := 0; i < 3; i++ { // interference lines
		c := color.RGBA{uint8(rnd(200)), uint8(rnd(200)), uint8(rnd(200)), 0xFF}
		y0, y1 := rnd(h), rnd(h)
		for x := 0; x < w; x++ {
			img.Set(x, y0+(y1-y0)*x/w, c)
		}
	}
	return img
}

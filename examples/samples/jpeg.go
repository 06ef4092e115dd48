package samples

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
)

// JPEG returns a w×h JPEG: a tinted page with ruled lines, a box where a
// photo or stamp would be, and SPECIMEN in block letters, so that a sample
// can never pass for a real document. The encoder is deterministic, so
// regenerating gives the same bytes.
func JPEG(w, h int, tint color.RGBA, face bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{tint}, image.Point{}, draw.Src)
	ink := color.RGBA{60, 60, 80, 255}
	if face {
		// A head-and-shoulders silhouette on a plain background.
		cx, cy, r := w/2, h*2/5, w/5
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				dx, dy := x-cx, y-cy
				inHead := dx*dx*100/(r*r)+dy*dy*100/(r*r*16/10) <= 100
				inBody := y > cy+r && (x-cx)*(x-cx) < (y-cy-r/2)*(y-cy-r/2)*2 && y < h
				if inHead || inBody {
					img.Set(x, y, color.RGBA{90, 100, 120, 255})
				}
			}
		}
	} else {
		for y := h / 8; y < h*7/8; y += h / 24 {
			fill(img, image.Rect(w/10, y, w*9/10, y+2), color.RGBA{170, 170, 190, 255})
		}
		fill(img, image.Rect(w*7/10, h/10, w*9/10, h/10+w/4), color.RGBA{200, 190, 180, 255})
	}
	text(img, "SPECIMEN", w/12, h-h/6, max(2, w/90), ink)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 70}); err != nil {
		panic(err) // encoding to memory cannot fail
	}
	return b.Bytes()
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

// glyphs is a 5×7 block font for the letters the samples print.
var glyphs = map[rune][7]string{
	'S': {"01111", "10000", "10000", "01110", "00001", "00001", "11110"},
	'P': {"11110", "10001", "10001", "11110", "10000", "10000", "10000"},
	'E': {"11111", "10000", "10000", "11110", "10000", "10000", "11111"},
	'C': {"01111", "10000", "10000", "10000", "10000", "10000", "01111"},
	'I': {"11111", "00100", "00100", "00100", "00100", "00100", "11111"},
	'M': {"10001", "11011", "10101", "10101", "10001", "10001", "10001"},
	'N': {"10001", "11001", "10101", "10011", "10001", "10001", "10001"},
}

func text(img *image.RGBA, s string, x, y, scale int, c color.RGBA) {
	for _, r := range s {
		g := glyphs[r]
		for row, bits := range g {
			for col, bit := range bits {
				if bit == '1' {
					px, py := x+col*scale, y+row*scale
					fill(img, image.Rect(px, py, px+scale, py+scale), c)
				}
			}
		}
		x += 6 * scale
	}
}

package materials

import (
	"image"

	xdraw "golang.org/x/image/draw"
)

// resizeLong scales an image so its long side is long pixels; it never
// enlarges. Large reductions first halve by 2×2 averaging, which is fast
// and keeps fine print from aliasing into noise, then finish with a
// bilinear (tent) filter over less than a factor of two: x/image widens it
// when shrinking, so it does not alias, at half the cost of Catmull-Rom.
func resizeLong(src *image.RGBA, long int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	if max(w, h) <= long {
		return src
	}
	for max(w, h) >= 2*long {
		src = halve(src)
		w, h = src.Bounds().Dx(), src.Bounds().Dy()
	}
	if max(w, h) == long {
		return src
	}
	var dw, dh int
	if w >= h {
		dw, dh = long, max(1, (h*long+w/2)/w)
	} else {
		dw, dh = max(1, (w*long+h/2)/h), long
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	xdraw.BiLinear.Scale(dst, dst.Bounds(), src, src.Bounds(), xdraw.Src, nil)
	return dst
}

// halve averages each 2×2 block into one pixel.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Bounds().Dx()/2, src.Bounds().Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := src.Pix[(2*y)*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			i := 8 * x
			for c := 0; c < 4; c++ {
				sum := uint32(r0[i+c]) + uint32(r0[i+4+c]) + uint32(r1[i+c]) + uint32(r1[i+4+c])
				d[4*x+c] = uint8((sum + 2) / 4)
			}
		}
	}
	return dst
}

package materials

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // decoders prepare converts from
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"
)

// maxPixels refuses images whose header claims more pixels than any scan
// has (a 600 dpi A3 page is 50 MP): decoding such a file could take
// gigabytes.
const maxPixels = 100_000_000

// decodeImage decodes a whole image, so a truncated or damaged file is
// caught here rather than by the portal or a reviewer.
func decodeImage(data []byte) (image.Image, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if cfg.Width*cfg.Height > maxPixels {
		return nil, fmt.Errorf("%d×%d px is more than any scan needs", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	return img, err
}

// toRGBA copies any image into an *image.RGBA, the one layout the resize
// and rotate code below works on (and one the JPEG encoder has a fast path
// for).
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Bounds().Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	flattenAlpha(dst)
	return dst
}

// flattenAlpha puts transparent pixels on white: JPEG has no alpha, and a
// transparent PNG signature would otherwise turn black.
func flattenAlpha(m *image.RGBA) {
	p := m.Pix
	for i := 0; i+3 < len(p); i += 4 {
		a := uint32(p[i+3])
		if a == 0xff {
			continue
		}
		// premultiplied: c' = c + (255 - a)
		for c := 0; c < 3; c++ {
			p[i+c] = uint8(min(255, uint32(p[i+c])+255-a))
		}
		p[i+3] = 0xff
	}
}

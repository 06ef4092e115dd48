package materials

import (
	"encoding/binary"
	"image"
)

// exifOrientation returns the EXIF orientation tag (1–8) of a JPEG, or 0
// when it has none. Phones store a sideways photo with a tag saying "turn
// me"; browsers obey it, but an upload viewer may not, so a passport page
// can reach a reviewer on its side.
func exifOrientation(jpeg []byte) int {
	p := jpeg[2:] // after SOI
	for len(p) >= 4 && p[0] == 0xFF {
		marker := p[1]
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return 0
		}
		n := int(binary.BigEndian.Uint16(p[2:4]))
		if n < 2 || len(p) < 2+n {
			return 0
		}
		seg := p[4 : 2+n]
		if marker == 0xE1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		p = p[2+n:]
	}
	return 0
}

// tiffOrientation reads tag 0x0112 from IFD0 of an EXIF TIFF block.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	ifd := int(bo.Uint32(t[4:8]))
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := int(bo.Uint16(t[ifd:]))
	for i := 0; i < count; i++ {
		e := ifd + 2 + 12*i
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}

// swapsSides reports whether an orientation turns the image by 90°.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }

func orientationWord(o int) string {
	switch o {
	case 3, 4:
		return "upside down"
	case 5, 6, 7, 8:
		return "sideways"
	case 2:
		return "mirrored"
	}
	return "upright"
}

// applyOrientation returns the image as it should be seen: the pixels
// turned and flipped as the EXIF tag says.
func applyOrientation(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if swapsSides(o) {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		row := src.Pix[y*src.Stride : y*src.Stride+4*w]
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // 180°
				dx, dy = w-1-x, h-1-y
			case 4: // flipped vertically
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // turn 90° clockwise
				dx, dy = h-1-y, x
			case 7: // transverse
				dx, dy = h-1-y, w-1-x
			case 8: // turn 90° counter-clockwise
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:], row[4*x:4*x+4])
		}
	}
	return dst
}

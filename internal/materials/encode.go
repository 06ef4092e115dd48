package materials

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
)

// fitted is a JPEG that fits a byte budget.
type fitted struct {
	data           []byte
	width, height  int
	quality        int
	scaledFromLong int // the long side before any scaling
}

// scaleStep is how much each failed round shrinks the long side: 0.8 keeps
// the number of rounds small (the long side halves in three) while not
// giving away more resolution than the budget demands.
const scaleStep = 0.8

// fitJPEG encodes img as a JPEG of at most budget bytes, as sharp as the
// budget allows: first scale down to capLong (pixels past it are never
// seen), then per size a binary search for the highest quality in
// [qualityMin, qualityMax] that fits; when even qualityMin does not fit,
// shrink the long side by scaleStep and try again, but never below
// floorLong. An image already smaller than the floor keeps its size.
func fitJPEG(img *image.RGBA, budget int64, floorLong, capLong int) (fitted, error) {
	orig := max(img.Bounds().Dx(), img.Bounds().Dy())
	work := img
	if capLong > 0 && orig > capLong {
		work = resizeLong(img, capLong)
	}
	floorLong = min(floorLong, orig)
	long := max(work.Bounds().Dx(), work.Bounds().Dy())
	cur := work
	for round := 0; ; round++ {
		if round == 0 {
			// most scans fit at once at full quality: one encode
			top, err := encodeJPEG(cur, qualityMax)
			if err != nil {
				return fitted{}, err
			}
			if int64(len(top)) <= budget {
				return result(cur, top, qualityMax, orig), nil
			}
		}
		small, err := encodeJPEG(cur, qualityMin)
		if err != nil {
			return fitted{}, err
		}
		if int64(len(small)) <= budget {
			return searchQuality(cur, small, budget, orig, round == 0)
		}
		if long <= floorLong {
			return fitted{}, fmt.Errorf("at %d px on the long side (the least that stays legible) and JPEG quality %d it is still %s, over the %s budget",
				long, qualityMin, HumanSize(int64(len(small))), HumanSize(budget))
		}
		long = max(floorLong, int(float64(long)*scaleStep))
		// scale from the capped image each time, not from the last
		// result, so rounding and blur do not accumulate
		cur = resizeLong(work, long)
	}
}

// searchQuality finds the highest quality that fits, knowing qualityMin
// does (its output is small) and, when topFailed, qualityMax does not.
func searchQuality(img *image.RGBA, small []byte, budget int64, orig int, topFailed bool) (fitted, error) {
	if !topFailed {
		top, err := encodeJPEG(img, qualityMax)
		if err != nil {
			return fitted{}, err
		}
		if int64(len(top)) <= budget {
			return result(img, top, qualityMax, orig), nil
		}
	}
	best, bestQ := small, qualityMin
	// a quality step of 2 is invisible and saves two encodes
	lo, hi := qualityMin, qualityMax
	for hi-lo > 2 {
		mid := (lo + hi) / 2
		b, err := encodeJPEG(img, mid)
		if err != nil {
			return fitted{}, err
		}
		if int64(len(b)) <= budget {
			lo, best, bestQ = mid, b, mid
		} else {
			hi = mid
		}
	}
	return result(img, best, bestQ, orig), nil
}

func result(img *image.RGBA, data []byte, q, orig int) fitted {
	return fitted{data: data, width: img.Bounds().Dx(), height: img.Bounds().Dy(), quality: q, scaledFromLong: orig}
}

func encodeJPEG(img image.Image, q int) ([]byte, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, fmt.Errorf("encoding JPEG: %w", err)
	}
	return b.Bytes(), nil
}

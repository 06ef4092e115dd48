package materials

// Legibility floors, in pixels on the image's long side. The portal takes
// any JPEG under its size limit, but a reviewer at CSCSE who cannot read
// the passport number or the grades sends the application back (补交材料)
// weeks later, so the tool refuses images that small up front and never
// shrinks an image below what stays readable.
const (
	// photoMin: the 证件照片 is printed on the certificate at about 33×48 mm;
	// 300 px over 48 mm is about 160 dpi, the lowest that still prints as a
	// sharp face.
	photoMin = 300
	// photoFloor: a 2-inch photo at 300 dpi is about 413×579 px, the size
	// photo studios deliver; prepare keeps at least that (600 px).
	photoFloor = 600
	// photoCap: nothing past 1200 px (600 dpi at print size) is ever seen;
	// prepare scales larger photos down to it before fitting 1 MB.
	photoCap = 1200

	// idPageMin: a passport data page is 125 mm wide (ICAO ID-3); at 600 px
	// that is 4.8 px/mm, so the 2.4 mm OCR-B characters of the machine
	// readable zone are about 12 px tall, the least at which a reviewer or
	// OCR reads them reliably.
	idPageMin = 600
	// a4PageMin: an A4 page is 297 mm tall; at 1000 px (about 85 dpi) the
	// 9-point print of a transcript (cap height about 2.2 mm) is 7 px tall,
	// the edge of readable. Below that grades blur.
	a4PageMin = 1000
	// docFloor: prepare never scales a document below 1200 px: an A4 page
	// at about 100 dpi, a passport page at about 240 dpi; small print stays
	// readable with some margin.
	docFloor = 1200
	// docCap: 2400 px is an A4 page at about 200 dpi, what a scanner's
	// document setting gives; more only spends the 1 MB on paper texture.
	docCap = 2400
)

// JPEG quality bounds for prepare: above 92 the file grows with no visible
// gain; below 65 JPEG ringing blurs small print, so prepare scales down
// rather than go lower.
const (
	qualityMax = 92
	qualityMin = 65
)

// sizeMargin keeps prepared files a little under the limit: the portal may
// count a megabyte as 1,000,000 bytes rather than 1,048,576, and 95% of the
// limit is under both.
const sizeMargin = 0.95

// Package samples makes the fictional applicant's upload materials under
// examples/materials: small real JPEGs and PDFs that pass the portal's type
// and size rules and say SPECIMEN on their face. `go generate ./examples/...`
// writes them; a test checks the committed files are what it writes.
package samples

import (
	"image/color"
	"os"
	"path/filepath"
)

// Files returns every sample file by name. Sizes follow the documents'
// shapes (a 33×48 mm photo, an ICAO ID-3 passport page, A4) and clear the
// legibility minimums of internal/materials.
func Files() map[string][]byte {
	paper := color.RGBA{246, 244, 236, 255}
	return map[string][]byte{
		"photo.jpg":        JPEG(330, 480, color.RGBA{235, 240, 250, 255}, true),
		"passport-bio.jpg": JPEG(880, 625, color.RGBA{225, 235, 245, 255}, false),
		"visa.jpg":         JPEG(880, 625, color.RGBA{240, 230, 240, 255}, false),
		"transcript-1.jpg": JPEG(724, 1024, paper, false),
		"diploma.pdf": PDF("SPECIMEN - The University of Edinburgh (fictional sample)",
			"Master of Science in Artificial Intelligence",
			"awarded to ZHANG SAN on 28 November 2023",
			"This is a generated sample for autofill's examples. It is not a degree certificate."),
		"authorization.pdf": PDF("SPECIMEN - Authorization statement (fictional sample)",
			"I, ZHANG SAN, authorize the CSCSE to verify my degree.",
			"Signed by hand: ____________________",
			"This is a generated sample for autofill's examples. It authorizes nothing."),
	}
}

// Write writes every sample file into dir.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range Files() {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

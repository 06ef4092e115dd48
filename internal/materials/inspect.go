package materials

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"os"
)

// FileInfo is what the checks learned about one file, and what is wrong
// with it.
type FileInfo struct {
	Slot  string `json:"slot"`
	Label string `json:"label"`
	Index int    `json:"index"`
	Path  string `json:"path"`
	// Kind is the real format from the content: jpeg, png, gif, webp, bmp,
	// tiff, pdf, heic, zip, empty, unknown; "" when the file is unreadable.
	Kind string `json:"type"`
	Size int64  `json:"size"`
	// Images: pixels as a viewer shows them (EXIF orientation applied), and
	// the EXIF orientation tag (1 is upright, 0 absent).
	Width       int `json:"width,omitempty"`
	Height      int `json:"height,omitempty"`
	Orientation int `json:"exif_orientation,omitempty"`
	// PDFs.
	Pages     int  `json:"pages,omitempty"`
	Encrypted bool `json:"encrypted,omitempty"`

	Findings []Finding `json:"findings"`
}

// Verdict is "ok", "warning" or "error": the worst of the findings.
func (fi FileInfo) Verdict() string {
	v := "ok"
	for _, f := range fi.Findings {
		if f.IsError() {
			return "error"
		}
		v = "warning"
	}
	return v
}

// Detail is the pixels of an image or the pages of a PDF, for tables.
func (fi FileInfo) Detail() string {
	switch {
	case fi.Pages == 1:
		return "1 page"
	case fi.Pages > 1:
		return fmt.Sprintf("%d pages", fi.Pages)
	case fi.Width > 0:
		return fmt.Sprintf("%d×%d px", fi.Width, fi.Height)
	}
	return ""
}

// maxReadBytes bounds what the checks read into memory; no scan of a
// document is anywhere near it, and the limit keeps a wrong path (a video)
// from eating the machine.
const maxReadBytes = 256 << 20

// Inspect reads one file and checks it against a slot's rules. Index is
// left at 0; CheckSlot and CheckAll set it.
func Inspect(s Slot, path string) FileInfo {
	fi, _ := inspect(s, path)
	return fi
}

// loaded is what inspect read, so prepare does not read and decode twice.
type loaded struct {
	data []byte
	img  image.Image // decoded, not yet oriented; nil unless an image
}

func inspect(s Slot, path string) (FileInfo, loaded) {
	fi := FileInfo{Slot: s.Key, Label: s.Label, Path: path, Findings: []Finding{}}
	add := func(sev Severity, fixable bool, hint, format string, args ...any) {
		reason := fmt.Sprintf(format, args...)
		fi.Findings = append(fi.Findings, Finding{Severity: sev, Slot: s.Key, Label: s.Label,
			Path: path, Message: path + ": " + reason, Reason: reason, Hint: hint, Fixable: fixable})
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		add(SeverityError, false, "check the path; relative paths are resolved against the profile's folder",
			"cannot read it: %v", unwrapPathError(err))
		return fi, loaded{}
	case !st.Mode().IsRegular():
		add(SeverityError, false, "give the path of a file, not a folder", "is not a regular file")
		return fi, loaded{}
	case st.Size() > maxReadBytes:
		fi.Size = st.Size()
		add(SeverityError, false, "this is no scan; check the path", "is %s, far larger than any scan", HumanSize(st.Size()))
		return fi, loaded{}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		add(SeverityError, false, "check the file's permissions (chmod 600 keeps it private and readable by you)",
			"cannot read it: %v", unwrapPathError(err))
		return fi, loaded{}
	}
	fi.Size = int64(len(data))
	fi.Kind = kind(data)
	ld := loaded{data: data}

	switch {
	case fi.Kind == "empty":
		add(SeverityError, false, "the copy or download went wrong; copy the file again from its source", "is empty (0 bytes)")
		return fi, ld
	case fi.Kind == "pdf":
		checkPDF(s, &fi, data, add)
	case isImage(fi.Kind):
		ld.img = checkImage(s, &fi, data, add)
	default:
		add(SeverityError, false, convertHint(s, fi.Kind), "is %s; %s takes %s", describeKind(fi.Kind), s.Label, typeName(s.Type))
		return fi, ld
	}
	if fi.Size > s.MaxBytes {
		hint := "run `autofill materials prepare` to shrink it"
		fixable := fi.Kind != "pdf" || s.Type == PDF
		if fi.Kind == "pdf" {
			hint = "run `autofill materials prepare`; if it is still too large, scan again at 200–300 dpi in greyscale"
		}
		add(SeverityError, fixable, hint, "is %s; %s takes at most %s", HumanSize(fi.Size), s.Label, HumanSize(s.MaxBytes))
	}
	return fi, ld
}

// checkImage decodes an image fully (a truncated or damaged file fails
// here, not on the portal), then checks type, pixels and orientation.
func checkImage(s Slot, fi *FileInfo, data []byte, add addFunc) image.Image {
	img, err := decodeImage(data)
	if err != nil {
		add(SeverityError, false, "the file is damaged or not what its content claims; export or scan it again",
			"cannot be decoded as %s: %v", describeKind(fi.Kind), err)
		return nil
	}
	if fi.Kind == "jpeg" {
		fi.Orientation = exifOrientation(data)
	}
	b := img.Bounds()
	fi.Width, fi.Height = b.Dx(), b.Dy()
	if swapsSides(fi.Orientation) {
		fi.Width, fi.Height = fi.Height, fi.Width
	}
	switch {
	case s.Type == JPEG && fi.Kind != "jpeg":
		add(SeverityError, true, "`autofill materials prepare` converts it to JPEG",
			"is %s; %s takes JPEG images only", describeKind(fi.Kind), s.Label)
	case s.Type == PDF:
		add(SeverityError, true, "`autofill materials prepare` turns it into a one-page PDF (use --diploma-pages for front and back)",
			"is %s; %s takes a PDF only", describeKind(fi.Kind), s.Label)
	}
	if long := max(fi.Width, fi.Height); s.MinLongSide > 0 && long < s.MinLongSide {
		add(SeverityError, false, fmt.Sprintf("scan or photograph it again so the long side has at least %d px (300 dpi is plenty)", s.MinLongSide),
			"is %d×%d px, too small to read: %s needs at least %d px on the long side", fi.Width, fi.Height, s.Label, s.MinLongSide)
	}
	if fi.Orientation > 1 {
		add(SeverityWarning, true, "`autofill materials prepare` turns the pixels upright; or rotate and save it in an image editor",
			"is stored %s and relies on its EXIF orientation tag (%d), which the reviewers' viewer may ignore, showing it %s",
			orientationWord(fi.Orientation), fi.Orientation, orientationWord(fi.Orientation))
	}
	if s.Key == "photo" && fi.Width > fi.Height {
		add(SeverityWarning, false, "use an upright (portrait) passport-style photo; if it is a sideways scan, rotate it",
			"is landscape (%d×%d px); a 证件照 is portrait", fi.Width, fi.Height)
	}
	return img
}

// checkPDF parses a PDF with pdfcpu: it must open without a password, have
// pages, and go into a JPEG slot not at all.
func checkPDF(s Slot, fi *FileInfo, data []byte, add addFunc) {
	if s.Type == JPEG {
		add(SeverityError, false, fmt.Sprintf("export each page as a JPEG image (your scanner app or PDF reader can) and list them under %s", s.Key),
			"is a PDF; %s takes JPEG images only", s.Label)
	}
	p := inspectPDF(data)
	fi.Pages, fi.Encrypted = p.pages, p.encrypted
	switch {
	case p.needsPassword:
		add(SeverityError, false, "open it with its password and save or print an unprotected copy (\"Print to PDF\")",
			"is encrypted and needs a password to open; reviewers cannot open it")
	case p.err != nil:
		add(SeverityError, false, "the PDF is damaged; export or scan it again, or open it and \"Print to PDF\"",
			"cannot be read as a PDF: %v", p.err)
	case p.encrypted:
		add(SeverityError, true, "`autofill materials prepare` saves an unprotected copy; or \"Print to PDF\"",
			"is encrypted (with permissions, no password to open); the portal wants an unprotected PDF")
	case p.pages == 0:
		add(SeverityError, false, "export or scan it again", "has no pages")
	case p.invalid != nil:
		add(SeverityWarning, false, "if the upload fails, open it and \"Print to PDF\" for a clean copy",
			"opens, but breaks the PDF rules: %v", p.invalid)
	}
}

type addFunc func(sev Severity, fixable bool, hint, format string, args ...any)

func typeName(t Type) string {
	if t == PDF {
		return "a PDF only"
	}
	return "JPEG images only"
}

func convertHint(s Slot, k string) string {
	switch {
	case k == "heic":
		return "export it as JPEG (iPhone: Settings › Camera › Formats › Most Compatible, then take or export it again)"
	case s.Type == PDF:
		return "scan or export it as PDF; `autofill materials prepare` can turn JPEG/PNG images into one PDF"
	}
	return "save or export it as JPEG; `autofill materials prepare` converts PNG, GIF, WebP, BMP and TIFF"
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

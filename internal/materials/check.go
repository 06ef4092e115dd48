package materials

import (
	"bytes"
	"fmt"
)

// Severity tells whether a finding stops an upload.
type Severity string

const (
	// SeverityError: the portal refuses the file, or a reviewer cannot use it.
	SeverityError Severity = "error"
	// SeverityWarning: the upload goes through, but something is likely wrong.
	SeverityWarning Severity = "warning"
)

// Finding is one problem with one file (or with a slot's file count).
type Finding struct {
	Severity Severity `json:"severity"`
	Slot     string   `json:"slot"`  // slot key
	Label    string   `json:"label"` // the slot's label on the page
	Index    int      `json:"index"` // position in the slot's list, -1 for the slot itself
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"` // a whole sentence naming the file
	Reason   string   `json:"reason"`  // the same without the file, for tables
	Hint     string   `json:"hint,omitempty"`
	// Fixable says `autofill materials prepare` can fix it by itself.
	Fixable bool `json:"fixable"`
}

// IsError reports whether the finding stops an upload. A finding without a
// severity counts as an error, as every finding did before severities.
func (f Finding) IsError() bool { return f.Severity != SeverityWarning }

// String renders the finding as one line: severity, slot, message, fix.
func (f Finding) String() string {
	sev := f.Severity
	if sev == "" {
		sev = SeverityError
	}
	where := f.Label
	if f.Index >= 0 {
		where = fmt.Sprintf("%s #%d", f.Label, f.Index+1)
	}
	s := fmt.Sprintf("%s: %s: %s", sev, where, f.Message)
	if f.Hint != "" {
		s += " (" + f.Hint + ")"
	}
	return s
}

// Sniff returns the real type of a file from its first bytes, or "" when it
// is neither a JPEG nor a PDF. Extensions lie; content does not.
func Sniff(head []byte) Type {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF
	}
	return ""
}

// kind names the format of a file from its first bytes, more finely than
// Sniff: the formats prepare can convert, and a few it cannot.
func kind(head []byte) string {
	switch {
	case len(head) == 0:
		return "empty"
	case Sniff(head) == JPEG:
		return "jpeg"
	case Sniff(head) == PDF:
		return "pdf"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "gif"
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return "webp"
	case bytes.HasPrefix(head, []byte("BM")):
		return "bmp"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "tiff"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return "heic"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "zip"
	}
	return "unknown"
}

// isImage reports whether prepare can decode a file of this kind.
func isImage(k string) bool {
	switch k {
	case "jpeg", "png", "gif", "webp", "bmp", "tiff":
		return true
	}
	return false
}

// Describe names a file's type for messages ("a PNG image").
func Describe(head []byte) string {
	return describeKind(kind(head))
}

func describeKind(k string) string {
	switch k {
	case "jpeg":
		return "a JPEG image"
	case "pdf":
		return "a PDF"
	case "png", "gif", "bmp", "tiff":
		return "a " + upper(k) + " image"
	case "webp":
		return "a WebP image"
	case "heic":
		return "a HEIC/MP4 file"
	case "zip":
		return "a ZIP/Office document"
	case "empty":
		return "an empty file"
	}
	return "not a JPEG or PDF"
}

func upper(s string) string { return string(bytes.ToUpper([]byte(s))) }

// CheckSlot checks the files of one slot: count, existence, real type,
// size, image pixels, PDF structure and encryption. Paths must already be
// resolved (absolute or relative to the working directory). It returns
// errors only, as it always has, so a caller that treats every finding as
// an error stays right; CheckSlotAll adds the warnings.
func CheckSlot(s Slot, paths []string) []Finding {
	var out []Finding
	for _, f := range CheckSlotAll(s, paths) {
		if f.IsError() {
			out = append(out, f)
		}
	}
	return out
}

// CheckSlotAll is CheckSlot with warnings too (a sideways scan, a landscape
// photo, a PDF that breaks the specification but opens); Finding.IsError
// tells them apart.
func CheckSlotAll(s Slot, paths []string) []Finding {
	var out []Finding
	if f, bad := checkCount(s, len(paths)); bad {
		out = append(out, f)
	}
	for i, p := range paths {
		info := Inspect(s, p)
		for _, f := range info.Findings {
			f.Index = i
			out = append(out, f)
		}
	}
	return out
}

func checkCount(s Slot, n int) (Finding, bool) {
	if s.MaxFiles == 0 || n <= s.MaxFiles {
		return Finding{}, false
	}
	reason := fmt.Sprintf("%d files, but %s takes at most %d", n, s.Label, s.MaxFiles)
	return Finding{Severity: SeverityError, Slot: s.Key, Label: s.Label, Index: -1,
		Message: reason, Reason: reason,
		Hint: fmt.Sprintf("keep %d: combine pages into one image (e.g. a two-page spread) or leave out the least important", s.MaxFiles)}, true
}

// CheckFile checks one file against a slot's rules and returns its first
// error, if any. Warnings (a sideways scan) do not make a file bad; use
// Inspect or CheckSlot to see them.
func CheckFile(s Slot, path string) (Finding, bool) {
	for _, f := range Inspect(s, path).Findings {
		if f.IsError() {
			return f, true
		}
	}
	return Finding{Severity: SeverityError, Slot: s.Key, Label: s.Label, Path: path}, false
}

// HumanSize formats a byte count the way people read file sizes.
func HumanSize(n int64) string {
	switch {
	case n >= mb && n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		// two decimals, so a file just over a limit does not read as equal to it
		return fmt.Sprintf("%.2f MB", float64(n)/mb)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

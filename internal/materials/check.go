package materials

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// Finding is one problem with one file (or with a slot's file count).
type Finding struct {
	Slot    string // slot key
	Index   int    // position in the slot's list, -1 for the slot itself
	Path    string
	Message string
	Hint    string
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

// Describe names a file's type for messages ("a PNG image").
func Describe(head []byte) string {
	switch {
	case Sniff(head) == JPEG:
		return "a JPEG image"
	case Sniff(head) == PDF:
		return "a PDF"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "a PNG image"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "a GIF image"
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return "a WebP image"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return "a HEIC/MP4 file"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a ZIP/Office document"
	case len(head) == 0:
		return "an empty file"
	}
	return "not a JPEG or PDF"
}

// CheckSlot checks the files of one slot: count, existence, real type and
// size. Paths must already be resolved (absolute or relative to the working
// directory).
func CheckSlot(s Slot, paths []string) []Finding {
	var out []Finding
	if s.MaxFiles > 0 && len(paths) > s.MaxFiles {
		out = append(out, Finding{Slot: s.Key, Index: -1,
			Message: fmt.Sprintf("%d files, but %s takes at most %d", len(paths), s.Label, s.MaxFiles),
			Hint:    "merge pages or leave out the least important ones"})
	}
	for i, p := range paths {
		if f, bad := CheckFile(s, p); bad {
			f.Index = i
			out = append(out, f)
		}
	}
	return out
}

// CheckFile checks one file against a slot's type and size rules.
func CheckFile(s Slot, path string) (Finding, bool) {
	f := Finding{Slot: s.Key, Path: path}
	fh, err := os.Open(path)
	if err != nil {
		f.Message = fmt.Sprintf("cannot read %s: %v", path, unwrapPathError(err))
		f.Hint = "check the path; relative paths are resolved against the profile's folder"
		return f, true
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil || st.IsDir() {
		f.Message = fmt.Sprintf("%s is not a regular file", path)
		return f, true
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if got := Sniff(head); got != s.Type {
		f.Message = fmt.Sprintf("%s is %s; %s takes %s", path, Describe(head), s.Label, typeName(s.Type))
		f.Hint = fixHint(s.Type)
		return f, true
	}
	if st.Size() > s.MaxBytes {
		f.Message = fmt.Sprintf("%s is %s; %s takes at most %s", path, HumanSize(st.Size()), s.Label, HumanSize(s.MaxBytes))
		f.Hint = "run `autofill materials prepare` to shrink it"
		return f, true
	}
	return f, false
}

func typeName(t Type) string {
	if t == PDF {
		return "PDF only"
	}
	return "JPEG images only"
}

func fixHint(t Type) string {
	if t == PDF {
		return "scan or export it as PDF; `autofill materials prepare` can turn images into one PDF"
	}
	return "`autofill materials prepare` converts PNG and other images to JPEG"
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// HumanSize formats a byte count the way people read file sizes.
func HumanSize(n int64) string {
	switch {
	case n >= mb:
		return fmt.Sprintf("%.1f MB", float64(n)/mb)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

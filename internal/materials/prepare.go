package materials

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// Output is what prepare did for one file of the prepared set.
type Output struct {
	Slot   string   `json:"slot"`
	Label  string   `json:"label"`
	Index  int      `json:"index"`
	Inputs []string `json:"inputs"`
	// Path is the file the prepared profile points at: a new file in the
	// output folder, or the original when nothing usable could be made.
	Path string `json:"path"`
	// Action is one of copied, converted, merged, decrypted, optimised,
	// kept (nothing written: see the report for what to do).
	Action string `json:"action"`
	Note   string `json:"note"` // what changed, in words
}

// Prepared is the result of Prepare.
type Prepared struct {
	Outputs []Output `json:"outputs"`
	// Files are the prepared paths by slot key, for the profile copy.
	Files map[string][]string `json:"files"`
	// Check is CheckAll of Files: what still needs a person.
	Check Report `json:"check"`
}

// OK reports whether every prepared file may be uploaded.
func (p Prepared) OK() bool { return p.Check.OK() }

// Prepare makes upload-ready copies of files (keyed by slot key) in outDir:
// images converted, turned upright and fitted under the slot's limit as
// JPEG; images and PDFs for a PDF slot merged into one PDF; files that are
// fine copied byte for byte. Originals are never written. What cannot be
// fixed keeps its original path and shows up in the result's Check. The
// error is for trouble writing outDir, or an outDir that holds originals.
func Prepare(files map[string][]string, outDir string) (Prepared, error) {
	res := Prepared{Files: map[string][]string{}}
	if err := guardOriginals(files, outDir); err != nil {
		return res, err
	}
	if err := os.MkdirAll(outDir, 0o700); err != nil {
		return res, fmt.Errorf("creating the output folder: %w", err)
	}
	for _, s := range Slots {
		paths := files[s.Key]
		if len(paths) == 0 {
			continue
		}
		var outs []Output
		var err error
		if s.Type == PDF {
			var o Output
			o, err = preparePDFSlot(s, paths, outDir)
			outs = []Output{o}
		} else {
			outs, err = prepareJPEGSlot(s, paths, outDir)
		}
		if err != nil {
			return res, err
		}
		for _, o := range outs {
			res.Outputs = append(res.Outputs, o)
			res.Files[s.Key] = append(res.Files[s.Key], o.Path)
		}
	}
	for k, v := range files { // unknown keys: CheckAll names them
		if _, ok := SlotByKey(k); !ok {
			res.Files[k] = v
		}
	}
	res.Check = CheckAll(res.Files)
	settleKept(&res)
	return res, nil
}

// settleKept rewrites the advice for files prepare tried and could not
// fix: "run prepare" no longer helps, what prepare found out does.
func settleKept(res *Prepared) {
	why := map[string]string{}
	for _, o := range res.Outputs {
		if o.Action == "kept" {
			why[o.Path] = strings.TrimPrefix(o.Note, "left as it is: ")
		}
	}
	for i := range res.Check.Files {
		fi := &res.Check.Files[i]
		for j := range fi.Findings {
			f := &fi.Findings[j]
			if w, ok := why[f.Path]; ok && f.Fixable {
				f.Fixable, f.Hint = false, "prepare could not fix it: "+w
			}
		}
	}
}

// outputName is the prepared file's name: photo.jpg, passport-1.jpg,
// diploma.pdf.
func outputName(s Slot, i int) string {
	if s.Multi {
		return fmt.Sprintf("%s-%d.%s", s.Key, i+1, s.Type)
	}
	return fmt.Sprintf("%s.%s", s.Key, s.Type)
}

// ErrOutHoldsOriginals is returned when the output folder is where the
// originals are: prepare writes nothing then.
var ErrOutHoldsOriginals = errors.New("prepare never overwrites originals")

// guardOriginals refuses an output folder where a prepared file would
// overwrite one of the inputs (prepare --out materials/, next to the
// originals).
func guardOriginals(files map[string][]string, outDir string) error {
	for _, s := range Slots {
		n := len(files[s.Key])
		if s.Type == PDF {
			n = min(n, 1)
		}
		for i := 0; i < n; i++ {
			out := filepath.Join(outDir, outputName(s, i))
			ost, err := os.Stat(out)
			if err != nil {
				continue
			}
			for _, paths := range files {
				for _, p := range paths {
					if ist, err := os.Stat(p); err == nil && os.SameFile(ist, ost) {
						return fmt.Errorf("%w: --out %s holds your original %s; choose an empty folder", ErrOutHoldsOriginals, outDir, p)
					}
				}
			}
		}
	}
	return nil
}

func prepareJPEGSlot(s Slot, paths []string, outDir string) ([]Output, error) {
	var outs []Output
	for i, p := range paths {
		o := Output{Slot: s.Key, Label: s.Label, Index: i, Inputs: []string{p}, Path: keepPath(p), Action: "kept"}
		fi, ld := inspect(s, p)
		if ld.img == nil { // unreadable, not an image, or damaged: a person must act
			o.Note = "left as it is: " + firstReason(fi)
			outs = append(outs, o)
			continue
		}
		dst := filepath.Join(outDir, outputName(s, i))
		if fi.Kind == "jpeg" && fi.Size <= s.MaxBytes && fi.Orientation <= 1 {
			if err := writePrivate(dst, ld.data); err != nil {
				return nil, err
			}
			o.Path, o.Action, o.Note = dst, "copied", "already fine, copied unchanged"
			outs = append(outs, o)
			continue
		}
		f, err := fitJPEG(applyOrientation(toRGBA(ld.img), fi.Orientation), budget(s.MaxBytes), s.PrepareFloor, s.PrepareCap)
		if err != nil {
			o.Note = "cannot fit it legibly: " + err.Error() + "; scan it again in greyscale or crop to the page"
			outs = append(outs, o)
			continue
		}
		if err := writePrivate(dst, f.data); err != nil {
			return nil, err
		}
		o.Path, o.Action = dst, "converted"
		o.Note = fmt.Sprintf("%s %s, %d×%d px → JPEG %s, %d×%d px, quality %d%s",
			upper(fi.Kind), HumanSize(fi.Size), fi.Width, fi.Height, HumanSize(int64(len(f.data))), f.width, f.height, f.quality,
			orientNote(fi.Orientation))
		outs = append(outs, o)
	}
	return outs, nil
}

// preparePDFSlot makes the one PDF of a PDF slot from its inputs: a PDF
// that is fine is copied unchanged; otherwise images become A4 pages and
// everything is merged in order, then decrypted or optimised as needed.
func preparePDFSlot(s Slot, paths []string, outDir string) (Output, error) {
	o := Output{Slot: s.Key, Label: s.Label, Inputs: paths, Path: keepPath(paths[0]), Action: "kept"}
	dst := filepath.Join(outDir, outputName(s, 0))
	type part struct {
		pdf  []byte  // a PDF input
		img  *fitted // or an image input, as a page
		land bool
	}
	var parts []part
	var pdfBytes int64
	imgCount := 0
	var infos []FileInfo
	var loads []loaded
	for _, p := range paths {
		fi, ld := inspect(s, p)
		infos, loads = append(infos, fi), append(loads, ld)
		switch {
		case fi.Kind == "pdf" && fi.Pages > 0 && !hasUnfixable(fi):
			pdfBytes += fi.Size
		case ld.img != nil: // too few pixels is reported, but does not stop the rest
			imgCount++
		default:
			o.Note = fmt.Sprintf("left as it is: %s: %s", filepath.Base(p), firstReason(fi))
			return o, nil
		}
	}
	if len(paths) == 1 && infos[0].Kind == "pdf" && infos[0].Verdict() != "error" {
		if err := writePrivate(dst, loads[0].data); err != nil {
			return o, err
		}
		o.Path, o.Action, o.Note = dst, "copied", "already fine, copied unchanged"
		return o, nil
	}
	// Images share what the PDF inputs leave of the budget; 16 KB a page
	// covers pdfcpu's page and image objects.
	var perImage int64
	if imgCount > 0 {
		perImage = (budget(s.MaxBytes) - pdfBytes) / int64(imgCount)
		perImage -= 16 << 10
	}
	var notes []string
	for i, fi := range infos {
		ld := loads[i]
		if fi.Kind == "pdf" {
			data := ld.data
			if fi.Encrypted {
				d, err := decryptPDF(data)
				if err != nil {
					o.Note = fmt.Sprintf("left as it is: %s: %v", filepath.Base(fi.Path), err)
					return o, nil
				}
				data = d
				notes = append(notes, filepath.Base(fi.Path)+" decrypted")
			}
			parts = append(parts, part{pdf: data})
			continue
		}
		if perImage < 64<<10 {
			o.Note = fmt.Sprintf("left as it is: the PDF inputs leave no room under %s for the images", HumanSize(s.MaxBytes))
			return o, nil
		}
		rgba := applyOrientation(toRGBA(ld.img), fi.Orientation)
		f, err := fitJPEG(rgba, perImage, s.PrepareFloor, s.PrepareCap)
		if err != nil {
			o.Note = fmt.Sprintf("left as it is: %s cannot fit legibly: %v", filepath.Base(fi.Path), err)
			return o, nil
		}
		parts = append(parts, part{img: &f, land: f.width > f.height})
		notes = append(notes, fmt.Sprintf("%s → A4 page (%d×%d px, quality %d)", filepath.Base(fi.Path), f.width, f.height, f.quality))
	}
	var pdfs [][]byte
	for _, p := range parts {
		if p.img != nil {
			b, err := imagesToPDF([][]byte{p.img.data}, []bool{p.land})
			if err != nil {
				return o, err
			}
			pdfs = append(pdfs, b)
		} else {
			pdfs = append(pdfs, p.pdf)
		}
	}
	out, err := mergePDFs(pdfs)
	if err != nil {
		o.Note = "left as it is: " + err.Error()
		return o, nil
	}
	action := "converted"
	if len(paths) > 1 {
		action = "merged"
	} else if infos[0].Kind == "pdf" && infos[0].Encrypted {
		action = "decrypted"
	}
	if int64(len(out)) > s.MaxBytes {
		if opt, err := optimizePDF(out); err == nil && len(opt) < len(out) {
			out = opt
			notes = append(notes, "optimised")
			if action == "converted" {
				action = "optimised"
			}
		}
	}
	if int64(len(out)) > s.MaxBytes {
		o.Note = fmt.Sprintf("left as it is: still %s after optimising, over %s; scan it again at 200–300 dpi in greyscale",
			HumanSize(int64(len(out))), HumanSize(s.MaxBytes))
		return o, nil
	}
	if err := writePrivate(dst, out); err != nil {
		return o, err
	}
	o.Path, o.Action = dst, action
	o.Note = fmt.Sprintf("%s, %s", joinNotes(notes), HumanSize(int64(len(out))))
	return o, nil
}

// hasUnfixable reports an error prepare cannot fix (a damaged file, a
// password, pixels too few to read).
func hasUnfixable(fi FileInfo) bool {
	for _, f := range fi.Findings {
		if f.IsError() && !f.Fixable {
			return true
		}
	}
	return false
}

func firstReason(fi FileInfo) string {
	for _, f := range fi.Findings {
		if f.IsError() && !f.Fixable {
			return f.Reason
		}
	}
	for _, f := range fi.Findings {
		if f.IsError() {
			return f.Reason
		}
	}
	return "nothing prepare can do"
}

// budget is the byte size prepare aims for: a margin under the limit.
func budget(limit int64) int64 { return int64(float64(limit) * sizeMargin) }

// keepPath is the original's path as the prepared profile should name it:
// absolute, since the profile copy lives in another folder.
func keepPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

func orientNote(o int) string {
	if o > 1 {
		return fmt.Sprintf(", turned upright (EXIF orientation %d)", o)
	}
	return ""
}

func joinNotes(n []string) string {
	if len(n) == 0 {
		return "PDF"
	}
	s := n[0]
	for _, x := range n[1:] {
		s += "; " + x
	}
	return s
}

// writePrivate writes a prepared file readable by its owner only: these
// are identity documents.
func writePrivate(path string, data []byte) error {
	if err := atomicfile.Write(path, data, 0o600); err != nil { // a file already there keeps no wider mode
		var pe *os.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("writing %s: %v", path, pe.Err)
		}
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

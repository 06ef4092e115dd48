package materials

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

var disableConfigDir sync.Once

// pdfConfig returns a fresh pdfcpu configuration. pdfcpu's default one
// writes a config folder into the user's home (~/.config/pdfcpu) on first
// use; a tool that handles identity documents must not leave files behind,
// so the config dir is switched off (process-wide, once) before any use.
func pdfConfig() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	// Bookmarks named after temporary inputs mean nothing to a reviewer.
	conf.CreateBookmarks = false
	return conf
}

// pdfFacts is what inspectPDF learned.
type pdfFacts struct {
	pages         int
	encrypted     bool  // has an Encrypt dictionary
	needsPassword bool  // cannot be opened without a user password
	err           error // cannot be parsed at all
	invalid       error // parses, but pdfcpu's validator objects
}

// inspectPDF parses a PDF with pdfcpu. Parsing failures are errors; a
// validation complaint is only reported, because many PDFs that every
// reader opens break some rule of the specification.
func inspectPDF(data []byte) (f pdfFacts) {
	defer func() {
		// pdfcpu reports most damage as errors, but a hostile or mangled
		// file must never take the whole check down with it.
		if r := recover(); r != nil {
			f.err = fmt.Errorf("the PDF parser gave up: %v", r)
		}
	}()
	conf := pdfConfig()
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			f.encrypted, f.needsPassword = true, true
			return f
		}
		f.err = shortPDFError(err)
		return f
	}
	f.encrypted = ctx.Encrypt != nil
	if err := ctx.EnsurePageCount(); err != nil {
		f.err = shortPDFError(err)
		return f
	}
	f.pages = ctx.PageCount
	if err := api.ValidateContext(ctx); err != nil {
		f.invalid = shortPDFError(err)
	}
	return f
}

// shortPDFError keeps pdfcpu's innermost message: its wrapped chains
// ("read context: xref table: …") say where in pdfcpu, not what is wrong.
func shortPDFError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("it ends too early, as if cut off (an interrupted download or copy?)")
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		msg = msg[i+2:]
	}
	return errors.New(msg)
}

// imagesToPDF makes a PDF with one A4 page per JPEG, each image centred
// and fitted to the page (landscape pages for landscape images). pdfcpu
// embeds JPEG data as is, so the PDF is barely larger than the images.
func imagesToPDF(jpegs [][]byte, landscape []bool) ([]byte, error) {
	var pages [][]byte
	for i, j := range jpegs {
		form := "A4"
		if landscape[i] {
			form = "A4L"
		}
		imp, err := api.Import("form:"+form+", pos:c, sc:1.0", types.POINTS)
		if err != nil {
			return nil, fmt.Errorf("pdf import settings: %w", err)
		}
		var out bytes.Buffer
		if err := api.ImportImages(nil, &out, []io.Reader{bytes.NewReader(j)}, imp, pdfConfig()); err != nil {
			return nil, fmt.Errorf("image %d into PDF: %w", i+1, err)
		}
		pages = append(pages, out.Bytes())
	}
	return mergePDFs(pages)
}

// mergePDFs joins PDFs in order into one.
func mergePDFs(pdfs [][]byte) ([]byte, error) {
	if len(pdfs) == 1 {
		return pdfs[0], nil
	}
	rs := make([]io.ReadSeeker, len(pdfs))
	for i, p := range pdfs {
		rs[i] = bytes.NewReader(p)
	}
	var out bytes.Buffer
	if err := api.MergeRaw(rs, &out, false, pdfConfig()); err != nil {
		return nil, fmt.Errorf("merging PDFs: %w", shortPDFError(err))
	}
	return out.Bytes(), nil
}

// optimizePDF rewrites a PDF with pdfcpu's optimiser (shared resources,
// object streams): lossless, and often enough for an exported PDF that is
// just over a limit. It does not recompress scanned images.
func optimizePDF(data []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := api.Optimize(bytes.NewReader(data), &out, pdfConfig()); err != nil {
		return nil, fmt.Errorf("optimising PDF: %w", shortPDFError(err))
	}
	return out.Bytes(), nil
}

// decryptPDF removes permissions-only encryption (no password to open).
func decryptPDF(data []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := api.Decrypt(bytes.NewReader(data), &out, pdfConfig()); err != nil {
		return nil, fmt.Errorf("removing PDF encryption: %w", shortPDFError(err))
	}
	return out.Bytes(), nil
}

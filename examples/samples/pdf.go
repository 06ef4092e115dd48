package samples

import (
	"bytes"
	"fmt"
	"strings"
)

// PDF returns a one-page A4 PDF 1.4 showing lines of text in Helvetica.
// It is written by hand, objects and cross-reference table included, so the
// samples need no PDF library and stay a few hundred bytes; the offsets are
// exact, so strict parsers (pdfcpu) read it without repairs.
func PDF(title string, lines ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT\n/F1 20 Tf\n72 760 Td\n(" + pdfEscape(title) + ") Tj\n/F1 12 Tf\n")
	for _, l := range lines {
		content.WriteString("0 -24 Td\n(" + pdfEscape(l) + ") Tj\n")
	}
	content.WriteString("ET\n")
	// A diagonal watermark, so nobody mistakes a sample for a document.
	content.WriteString("q\n0.85 g\nBT\n/F1 72 Tf\n0.7071 0.7071 -0.7071 0.7071 150 250 Tm\n(SPECIMEN) Tj\nET\nQ\n")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Title (" + pdfEscape(title) + ") /Producer (autofill examples/gen) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") // binary comment: marks the file as binary for transfer tools
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off) // each entry exactly 20 bytes
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}

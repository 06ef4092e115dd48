package materials

import "fmt"

// ReadablePDF reports whether data is a PDF that pdfcpu reads and finds
// valid (in relaxed mode), and its page count: the check of a downloaded
// document such as the electronic 认证书.
func ReadablePDF(data []byte) (pages int, err error) {
	if Sniff(data[:min(len(data), 512)]) != PDF {
		return 0, fmt.Errorf("not a PDF (%s)", Describe(data[:min(len(data), 512)]))
	}
	f := inspectPDF(data)
	switch {
	case f.err != nil:
		return 0, f.err
	case f.needsPassword:
		return 0, fmt.Errorf("the PDF needs a password to open")
	case f.invalid != nil:
		return f.pages, fmt.Errorf("pdfcpu finds it invalid: %w", f.invalid)
	case f.pages == 0:
		return 0, fmt.Errorf("the PDF has no pages")
	}
	return f.pages, nil
}

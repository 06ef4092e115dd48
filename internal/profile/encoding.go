package profile

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns data as UTF-8 and the encoding it was converted from
// ("" for UTF-8). Windows editors in China save GB18030 (GBK) by default and
// Notepad's "Unicode" is UTF-16; both are read rather than refused. ok is
// false when data is none of these (a binary file, a word processor
// document).
func decodeText(data []byte) (text []byte, from string, ok bool) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		enc, from = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16"
	case looksUTF16(data, 1):
		enc, from = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"
	case looksUTF16(data, 0):
		enc, from = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"
	case utf8.Valid(data):
		return data, "", bytes.IndexByte(data, 0) < 0
	default:
		enc, from = simplifiedchinese.GB18030, "GB18030"
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.IndexByte(out, 0) >= 0 || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, "", false
	}
	return out, from, true
}

// looksUTF16 reports BOM-less UTF-16 text: a profile is mostly ASCII, so in
// UTF-16 every other byte (odd ones for little-endian) is zero.
func looksUTF16(data []byte, zeroAt int) bool {
	if len(data) < 4 || len(data)%2 != 0 {
		return false
	}
	zeros, n := 0, 0
	for i := zeroAt; i < len(data) && n < 256; i += 2 {
		n++
		if data[i] == 0 {
			zeros++
		}
	}
	return zeros*2 > n
}

// encoding notes a profile read from another encoding than UTF-8, so the
// person knows and can save it as UTF-8 for other tools.
func (c *checker) encoding() {
	if c.p.src == nil || c.p.src.encoding == "" {
		return
	}
	name := "the file"
	if c.p.Path != "" {
		name = c.p.Path
	}
	c.probs = append(c.probs, Problem{Severity: Warning,
		Message: "is " + c.p.src.encoding + " text, not UTF-8; autofill converted it to read it",
		Hint:    "nothing to do for autofill; to be safe with other tools, save " + name + " as UTF-8 (Notepad: 另存为 → 编码 UTF-8)"})
}

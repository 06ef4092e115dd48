package portalsim

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"

	qrcode "github.com/skip2/go-qrcode"
)

// certificate is the electronic 认证书 of a 认证完成 application: a
// 12-digit number and a one-page PDF with the applicant's (fictional) data,
// the degree and a QR code that, on the live portal, leads to the
// certificate's online check.
type certificate struct {
	Number string
	pdf    []byte
}

func newCertificate(acc Account, a *application, done time.Time, rng interface{ IntN(int) int }) *certificate {
	num := fmt.Sprintf("%012d", 100_000_000_000+rng.IntN(900_000_000_000))
	lines := []string{
		"证书编号：" + num,
		"姓名：" + acc.Name + "　性别：" + acc.Gender,
		"证件号码：" + acc.IDNumber,
	}
	if d := a.degree; d != nil {
		lines = append(lines,
			"颁证国家（地区）："+d.AwardingCountry,
			"颁证学校："+d.institution(),
			"学位："+d.DegreeName+"（"+d.Level+"）",
		)
		if d.MajorForeign != "" {
			lines = append(lines, "专业："+d.MajorForeign)
		}
	}
	lines = append(lines, "认证日期："+done.Format(time.DateOnly), "（模拟器生成，仅供测试，不具任何效力）")
	qr, _ := qrcode.New("SIMULATOR-ONLY https://zwfw.cscse.edu.cn/cert/verify?no="+num, qrcode.Medium)
	return &certificate{Number: num, pdf: certificatePDF("国(境)外学历学位认证书", lines, qr.Image(160))}
}

// handleCertificate serves the 认证书 PDF of the session's application.
func (s *Server) handleCertificate(w http.ResponseWriter, r *http.Request, sess *session) {
	s.mu.Lock()
	_, a := s.afterApp(r, sess)
	var c *certificate
	if a != nil {
		c = a.after.cert
	}
	s.mu.Unlock()
	if c == nil {
		http.Error(w, "该申请暂无电子认证书", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="certificate-`+c.Number+`.pdf"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(c.pdf)
}

// certificatePDF builds a one-page A4 PDF by hand: text in the standard
// Chinese font STSong-Light (no embedding needed, every reader has it) and
// the QR code as a Flate-compressed grey image.
func certificatePDF(title string, lines []string, qr image.Image) []byte {
	var content bytes.Buffer
	text := func(size, x, y int, s string) {
		fmt.Fprintf(&content, "BT /F1 %d Tf %d %d Td <%s> Tj ET\n", size, x, y, ucs2Hex(s))
	}
	text(24, 150, 760, title)
	y := 700
	for _, l := range lines {
		text(13, 72, y, l)
		y -= 28
	}
	b := qr.Bounds()
	w, h := b.Dx(), b.Dy()
	fmt.Fprintf(&content, "q %d 0 0 %d 400 90 cm /Im1 Do Q\n", w, h)

	var pix bytes.Buffer
	zw := zlib.NewWriter(&pix)
	for yy := b.Min.Y; yy < b.Max.Y; yy++ {
		row := make([]byte, w)
		for xx := 0; xx < w; xx++ {
			r, g, bl, _ := qr.At(b.Min.X+xx, yy).RGBA()
			row[xx] = byte((r + g + bl) / 3 >> 8)
		}
		_, _ = zw.Write(row)
	}
	_ = zw.Close()

	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 7 0 R >> >> /Contents 8 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 >>",
		"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, pix.Len(), pix.Bytes()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.Bytes()),
		"<< /Title (Certificate) /Producer (autofill portal simulator) >>",
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return out.Bytes()
}

// ucs2Hex encodes s for the UniGB-UCS2-H CMap: UTF-16BE code units in hex.
func ucs2Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

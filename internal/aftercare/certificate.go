package aftercare

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/page"
)

// Certificate is a downloaded electronic 认证书.
type Certificate struct {
	App    string `json:"app"`
	Degree string `json:"degree"`
	Number string `json:"number"`
	Path   string `json:"path"`
	Pages  int    `json:"pages"`
	Bytes  int    `json:"bytes"`
}

// download is what the page's fetch of the 认证书 returned.
type download struct {
	Status int    `json:"status"`
	Type   string `json:"type"`
	Data   string `json:"data"` // base64
}

// Certificate downloads the 认证书 of a (认证完成, read by Detail) from its
// 查看 page, checks that pdfcpu reads it, and saves it as dir/name.pdf
// (0600). It returns to 我的申请. Only navigation and a GET of the
// download link: nothing changes on the portal.
func (s *Session) Certificate(a *Application, dir, name string) (Certificate, error) {
	c := Certificate{App: a.ID, Degree: a.Degree, Number: a.Certificate}
	if !a.CertificateReady() {
		return c, fmt.Errorf("application %s is %s: no electronic 认证书 yet", a.ID, a.Status)
	}
	if err := s.rowAction(a, "view", DetailPage); err != nil {
		return c, err
	}
	m := s.maps.Get(DetailPage)
	t, ok := m.Action("download")
	if !ok {
		return c, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no actions.download (the 认证书 link)", m.File))
	}
	var href string
	if err := waitFor(s, "the 认证书 link", func() (bool, error) {
		var err error
		href, err = page.CallFunc[string](s.tab, "", hrefFunc, t.CSS)
		return href != "", err
	}); err != nil {
		return c, exitcode.With(exitcode.Drift, fmt.Errorf("%s: the 认证书 link %q (%s) is not on the 查看 page of %s: %w", m.File, t.Text, t.CSS, a.ID, err))
	}
	d, err := page.CallFunc[download](s.tab, "", fetchFunc, href)
	if err != nil {
		return c, fmt.Errorf("downloading the 认证书 of %s: %w", a.ID, err)
	}
	if d.Status != 200 {
		return c, fmt.Errorf("downloading the 认证书 of %s: HTTP %d", a.ID, d.Status)
	}
	data, err := base64.StdEncoding.DecodeString(d.Data)
	if err != nil {
		return c, err
	}
	pages, err := materials.ReadablePDF(data)
	if err != nil {
		return c, fmt.Errorf("the 认证书 of %s is not a readable PDF: %w; download it from the 查看 page yourself and tell the centre", a.ID, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return c, err
	}
	c.Path, c.Pages, c.Bytes = filepath.Join(dir, name+".pdf"), pages, len(data)
	if err := atomicfile.Write(c.Path, data, 0o600); err != nil {
		return c, err
	}
	return c, s.backToList()
}

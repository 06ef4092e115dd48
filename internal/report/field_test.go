package report_test

import (
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
)

// The report says what CSCSE will most likely file the degree under.
func TestReportLikelyField(t *testing.T) {
	r := report.New(report.Options{Profile: applicant(), RunDir: t.TempDir(), Pages: pages,
		Degree: &profile.Degree{ID: "msc", DegreeName: "Master of Science", Level: "master", MajorChinese: "金融"}})
	rep := r.Report()
	if f := rep.Degree.Field; !strings.Contains(f, "经济学: 金融 0251") || !strings.Contains(f, "12 months") {
		t.Errorf("field %q", f)
	}
	html, err := report.HTML(&rep, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `id="field"`) {
		t.Error("the HTML report does not show the field")
	}
}

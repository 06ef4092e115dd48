package portalsim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

var simDegree = &portalsim.AdvanceDegree{Country: "英国", Institution: "University of Oxford", DegreeName: "Master of Science", Level: "硕士", Major: "Computer Science"}

// TestAdvance walks an application through every status after 提交 and
// checks the pages, the 认证书, the uploads of a 补交材料 request and that
// the final 提交 of 补材料 and 复核 are counted.
func TestAdvance(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	acc := sim.NewAccount("after1")
	c := newClient(t, sim)
	c.login(acc.Username, acc.Password)

	id := sim.Advance(portalsim.Advance{Account: "after1", Degree: simDegree, To: portalsim.StatusAwaitingPayment})
	if st := sim.App("after1"); st.Status != portalsim.StatusDraft || st.After == nil || !st.After.AwaitingPayment {
		t.Fatalf("待支付: state %+v", st)
	}
	c.expect("GET", "/user/applications", nil, 200, "/apply/"+id+"/payment")

	sim.Advance(portalsim.Advance{Account: "after1", App: id, To: portalsim.StatusReviewing, Expected: "2027-01-15"})
	c.expect("GET", "/user/applications/"+id, nil, 200, "2027-01-15")

	// An add request: files added, the old ones kept.
	sim.Advance(portalsim.Advance{Account: "after1", App: id, To: portalsim.StatusSupplement,
		Request: &portalsim.Request{Kind: portalsim.RequestAdd, Text: "请补充成绩单", Deadline: "2027-01-05"}})
	c.expect("GET", "/user/applications", nil, 200, "/user/applications/"+id+"/supplement")
	c.expect("GET", "/user/applications/"+id+"/supplement", nil, 200, "请补充成绩单")
	jpg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 100)...)
	if code, b := c.upload("/api/applications/"+id+"/supplement/files", "more.jpg", jpg); code != 200 {
		t.Fatalf("add upload: %d %s", code, b)
	}
	if code, b := c.upload("/api/applications/"+id+"/supplement/files", "big.jpg", append(jpg, make([]byte, 1<<20)...)); code != 422 {
		t.Fatalf("oversized add upload: %d %s, want 422", code, b)
	}
	c.expect("POST", "/api/applications/"+id+"/supplement/submit", map[string]any{}, 200, "补交材料已提交")
	st := sim.State("after1")
	if st.SubmitAttempts != 1 || st.Applications[0].After.SupplementSubmit != 1 || st.Applications[0].Status != portalsim.StatusReviewing {
		t.Fatalf("supplement submit not counted or not applied: %+v %+v", st, st.Applications[0].After)
	}

	// Done: the 认证书 is a readable PDF with a 12-digit number.
	sim.Advance(portalsim.Advance{Account: "after1", App: id, To: portalsim.StatusDone})
	num := sim.App("after1").After.Certificate
	if len(num) != 12 {
		t.Fatalf("certificate number %q", num)
	}
	pdf := c.expect("GET", "/user/applications/"+id+"/certificate.pdf", nil, 200, "%PDF")
	if _, err := materials.ReadablePDF(pdf); err != nil {
		t.Fatalf("certificate: %v", err)
	}
	c.expect("GET", "/user/applications", nil, 200, "/user/applications/"+id+"/review")
	c.expect("PUT", "/api/applications/"+id+"/review", map[string]string{"reason": "专业领域表述有误"}, 200, "保存成功")
	if code, b := c.upload("/api/applications/"+id+"/review/files", "r1.jpg", jpg); code != 200 {
		t.Fatalf("review upload: %d %s", code, b)
	}
	c.expect("POST", "/api/applications/"+id+"/review/submit", map[string]any{}, 200, "复核申请已提交")
	st = sim.State("after1")
	if a := st.Applications[0].After; st.SubmitAttempts != 2 || !a.ReviewSubmitted || a.ReviewReason != "专业领域表述有误" || len(a.ReviewFiles) != 1 {
		t.Fatalf("review: %+v %+v", st, a)
	}
	if b := c.expect("GET", "/user/applications", nil, 200, id); strings.Contains(string(b), "/review") {
		t.Fatal("复核 is offered again after a review was submitted")
	}

	// A review window of 12 months.
	old := sim.Advance(portalsim.Advance{Account: "after1", Degree: simDegree, To: portalsim.StatusDone,
		Completed: time.Now().AddDate(-1, -1, 0).Format(time.DateOnly)})
	c.expect("PUT", "/api/applications/"+old+"/review", map[string]string{"reason": "x"}, 422, "12 个月")

	// A reupload request replaces exactly the named file.
	rid := sim.Advance(portalsim.Advance{Account: "after1", Degree: simDegree, To: portalsim.StatusSupplement,
		Request: &portalsim.Request{Kind: portalsim.RequestReupload, Text: "护照照片不清晰", Files: []string{"scan-passport.jpg"}}})
	c.expect("GET", "/user/applications/"+rid+"/supplement", nil, 200, "scan-passport.jpg")
	pid := 0
	for _, f := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15} {
		if code, _ := c.upload("/api/applications/"+rid+"/supplement/files/"+itoa(f), "passport-new.jpg", jpg); code == 200 {
			pid = f
			break
		}
	}
	if pid == 0 {
		t.Fatal("no file of the reupload request could be replaced")
	}
	a := sim.State("after1").Applications[2]
	if got := a.Accepted.Materials["护照/通行证"]; len(got) != 1 || got[0] != "passport-new.jpg" || a.After.Replaced[0] != "scan-passport.jpg" {
		t.Fatalf("reupload: materials %v, after %+v", a.Accepted.Materials, a.After)
	}
	if got := a.Accepted.Materials["证件照片"]; len(got) != 1 || got[0] != "scan-photo.jpg" {
		t.Fatalf("reupload touched another file: %v", a.Accepted.Materials)
	}
	sim.Advance(portalsim.Advance{Account: "after1", App: rid, To: portalsim.StatusNotCertified})
	if s := sim.State("after1").Applications[2]; s.Status != portalsim.StatusNotCertified || s.After.Certificate != "" {
		t.Fatalf("暂不认证: %+v", s)
	}
}

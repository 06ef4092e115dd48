package portalsim_test

// HTTP-level tests: the server's rules, hooks and faults without a browser.

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// client is one browser-like HTTP client (cookies, no redirects followed).
type client struct {
	t   *testing.T
	sim *simtest.Sim
	hc  *http.Client
}

func newClient(t *testing.T, sim *simtest.Sim) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, sim: sim, hc: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// call sends a JSON request and returns the status and the raw body.
func (c *client) call(method, path string, body any) (int, []byte) {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.sim.URL+path, rd)
	req.Header.Set("Content-Type", "application/json")
	return c.send(req)
}

func (c *client) send(req *http.Request) (int, []byte) {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode/100 == 3 {
		return res.StatusCode, []byte(res.Header.Get("Location"))
	}
	return res.StatusCode, b
}

// expect calls and checks the status and that the body contains want.
func (c *client) expect(method, path string, body any, status int, want string) []byte {
	c.t.Helper()
	got, b := c.call(method, path, body)
	if got != status || !strings.Contains(string(b), want) {
		c.t.Fatalf("%s %s: HTTP %d %s; want %d containing %q", method, path, got, b, status, want)
	}
	return b
}

// login registers nothing: it solves the captcha and logs user in.
func (c *client) login(user, password string) {
	c.t.Helper()
	c.expect("GET", "/captcha.png", nil, 200, "PNG")
	c.expect("POST", "/api/login", map[string]string{"username": user, "password": password, "captcha": c.sim.Captcha()}, 200, "登录成功")
}

// verifiedApp logs in a new account and returns the id of a verified draft.
func verifiedApp(t *testing.T, o portalsim.Options) (*simtest.Sim, *client, string) {
	sim := simtest.Start(t, o)
	acc := sim.NewAccount("user1")
	c := newClient(t, sim)
	c.login(acc.Username, simtest.Password)
	var created struct{ ID string }
	_ = json.Unmarshal(c.expect("POST", "/api/applications", map[string]any{}, 200, `"id"`), &created)
	sim.Verify(acc.Username)
	return sim, c, created.ID
}

var goodBasic = map[string]any{
	"birth_date": "1999-03-15", "name_pinyin": "WANG XIAOMING", "former_name": "", "phone": "13912345678",
	"email": "a.b@example.com", "region": []string{"北京市", "海淀区"}, "address_detail": "学院路 1 号", "postal_code": "100083",
}

func with(m map[string]any, k string, v any) map[string]any {
	out := map[string]any{}
	for kk, vv := range m {
		out[kk] = vv
	}
	out[k] = v
	return out
}

func TestMissingAssetsSaysHowToInstall(t *testing.T) {
	_, err := portalsim.New(portalsim.Options{AssetsDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "make deps") || !strings.Contains(err.Error(), "npm ci") {
		t.Fatalf("error %v; want one naming `make deps` and `npm ci`", err)
	}
}

func TestAccountsHook(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	c := newClient(t, sim)
	a := map[string]string{"username": "u", "password": "p", "姓名": "王小明", "性别": "男", "国籍": "中国", "证件类型": "居民身份证", "证件号码": "11010819990315123X"}
	c.expect("POST", "/__sim/accounts", a, 200, "registered")
	c.expect("POST", "/__sim/accounts", a, 200, "registered")
	c.expect("POST", "/__sim/accounts", with(map[string]any{"username": "u", "password": "p", "姓名": "李四", "证件号码": "1"}, "性别", "男"), 409, "different identity")
	c.expect("POST", "/__sim/accounts", "not an object", 400, "want {")
	c.expect("GET", "/__sim/state?user=nobody", nil, 404, "POST /__sim/accounts")
}

func TestHooksAbsentWithoutHooks(t *testing.T) {
	srv, err := portalsim.New(portalsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", "/__sim/state?user=x", nil)
	rec := &recorder{header: http.Header{}}
	srv.ServeHTTP(rec, req)
	if rec.status != http.StatusNotFound {
		t.Fatalf("hooks answered %d without Options.Hooks", rec.status)
	}
}

type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(s int)           { r.status = s }

func TestLoginSessionsAndRedirects(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	sim.NewAccount("u1")
	c := newClient(t, sim)
	if st, loc := c.call("GET", "/", nil); st != 302 || string(loc) != "/login" {
		t.Fatalf("/ without session: %d %s", st, loc)
	}
	if st, loc := c.call("GET", "/apply/A00000001/degree", nil); st != 302 || string(loc) != "/login?redirect=%2Fapply%2FA00000001%2Fdegree" {
		t.Fatalf("step page without session: %d %s", st, loc)
	}
	c.expect("POST", "/api/applications", map[string]any{}, 401, "登录已过期，请重新登录")
	c.expect("GET", "/captcha.png", nil, 200, "PNG")
	c.expect("POST", "/api/login", map[string]string{"username": "u1", "password": simtest.Password, "captcha": "x"}, 422, "验证码错误")
	// The captcha is single-use: the right answer after a wrong try fails too.
	answer := sim.Captcha()
	c.expect("POST", "/api/login", map[string]string{"username": "u1", "password": simtest.Password, "captcha": answer}, 422, "验证码")
	c.expect("GET", "/captcha.png", nil, 200, "PNG")
	c.expect("POST", "/api/login", map[string]string{"username": "u1", "password": "bad", "captcha": sim.Captcha()}, 422, "用户名或密码错误")
	c.expect("GET", "/captcha.png", nil, 200, "PNG")
	b := c.expect("POST", "/api/login", map[string]any{"username": "u1", "password": simtest.Password, "captcha": sim.Captcha(), "redirect": "//evil.example/x"}, 200, "登录成功")
	if !strings.Contains(string(b), `"redirect":"/user/applications"`) {
		t.Fatalf("off-site redirect kept: %s", b)
	}
	if st, loc := c.call("GET", "/", nil); st != 302 || string(loc) != "/user/applications" {
		t.Fatalf("/ with session: %d %s", st, loc)
	}
	// Captcha off: no captcha needed.
	off := false
	sim2 := simtest.Start(t, portalsim.Options{Captcha: &off})
	sim2.NewAccount("u2")
	c2 := newClient(t, sim2)
	c2.expect("POST", "/api/login", map[string]string{"username": "u2", "password": simtest.Password}, 200, "登录成功")
}

func TestServerValidation(t *testing.T) {
	_, c, id := verifiedApp(t, portalsim.Options{})
	p := "/api/applications/" + id + "/"
	for _, tc := range []struct {
		field string
		value any
		want  string
	}{
		{"phone", "23912345678", "手机号码：格式不正确"},
		{"email", "nope", "电子邮箱：格式不正确"},
		{"postal_code", "10008", "邮政编码：格式不正确"},
		{"name_pinyin", "Wang Xiaoming", "姓名拼音：格式不正确"},
		{"birth_date", "1999-02-30", "出生日期：“1999-02-30”不是有效日期"},
		{"birth_date", "2999-01-01", "出生日期：不能晚于今天"},
		{"region", []string{"广东省", "深圳市"}, "通讯地址：“广东省/深圳市”不是完整的省/市/区"},
		{"address_detail", " ", "详细地址：必填项"},
	} {
		c.expect("PUT", p+"basic-info", with(goodBasic, tc.field, tc.value), 422, tc.want)
	}
	c.expect("PUT", p+"basic-info", goodBasic, 200, "保存成功")
	c.expect("PUT", p+"apply-type", map[string]string{"apply_type": "别的"}, 422, "申请类型：“别的”不是可选项")

	degree := map[string]any{
		"awarding_country": "英国", "awarding_institution": "The University of Edinburgh", "degree_name": "Master of Science",
		"level": "硕士", "award_date": "2023-11-28", "major_foreign": "AI", "major_chinese": "人工智能", "same_school": true,
		"start": "2022-09-12", "end": "2023-09-01", "student_number": "s1", "discipline": "工学", "remote_study": "否",
	}
	for _, tc := range []struct {
		field string
		value any
		want  string
	}{
		{"awarding_country", "中国", "颁证学校所在地点：“中国”不在国家/地区列表中"},
		{"awarding_institution", "其他（手动输入）", "颁证学校外文名称（手动输入）：必填项"},
		{"degree_name", "理学硕士", "学位外文名称：请按学位证书原文填写外文名称"},
		{"level", "Master", "学位层次：“Master”不是可选项"},
		{"end", "2022-09-01", "学习结束时间：应晚于学习开始时间"},
		{"award_date", "2021-01-01", "认证学位/证书授予时间：不能早于学习开始时间"},
		{"discipline", "计算机", "学科类别：“计算机”不是可选项"},
		{"remote_study", "是", "远程修读说明：必填项"},
		{"same_school", false, "就读地点：必填项"},
	} {
		c.expect("PUT", p+"degree", with(degree, tc.field, tc.value), 422, tc.want)
	}
	c.expect("PUT", p+"degree", degree, 200, "保存成功")

	row := map[string]any{"from": "2013-09", "to": "2016-06", "country": "中国", "school": "某中学", "major": "", "level": "高中"}
	c.expect("PUT", p+"study-history", map[string]bool{"next": true}, 422, "至少需要两条")
	c.expect("POST", p+"study-history/rows", with(row, "to", "2013-01"), 422, "结束时间：应晚于开始时间")
	c.expect("POST", p+"study-history/rows", with(row, "level", "初中"), 422, "学历/学位")
	c.expect("POST", p+"study-history/rows", row, 200, "保存成功")
	c.expect("DELETE", p+"study-history/rows/0", nil, 422, "自动生成")
	c.expect("PUT", p+"study-history", map[string]bool{"next": true}, 200, "保存成功")
	c.expect("PUT", p+"materials", map[string]bool{"next": true}, 422, "证件照片：必传材料")
	c.expect("PUT", p+"materials", map[string]bool{"next": false}, 200, "保存成功")
}

func (c *client) upload(path, name string, content []byte) (int, []byte) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(content)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.sim.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.send(req)
}

func TestUploadRules(t *testing.T) {
	sim, c, id := verifiedApp(t, portalsim.Options{})
	p := "/api/applications/" + id + "/materials/"
	body := func(head []byte, n int) []byte { b := make([]byte, n); copy(b, head); return b }
	check := func(status int, want string, st int, b []byte) {
		t.Helper()
		if st != status || !strings.Contains(string(b), want) {
			t.Fatalf("upload: HTTP %d %s; want %d with %q", st, b, status, want)
		}
	}
	st, b := c.upload(p+"photo", "photo.jpg", body(pngHead, 1000))
	check(422, "实际格式是其他格式（a PNG image）", st, b)
	st, b = c.upload(p+"diploma", "d.pdf", body(jpegHead, 1000))
	check(422, "只接受PDF 文件", st, b)
	st, b = c.upload(p+"photo", "big.jpg", body(jpegHead, 1<<20+1))
	check(422, "big.jpg 超过 1", st, b)
	st, b = c.upload(p+"diploma", "huge.pdf", body(pdfHead, 7<<20))
	check(422, "文件过大", st, b)
	st, b = c.upload(p+"photo", "photo.jpg", body(jpegHead, 1000))
	check(200, "上传成功", st, b)
	st, b = c.upload(p+"photo", "photo2.jpg", body(jpegHead, 1000))
	check(422, "最多上传 1 个文件", st, b)
	st, b = c.upload(p+"nope", "x.jpg", body(jpegHead, 10))
	check(404, "材料类别 nope 不存在", st, b)
	if got := sim.App("user1").Accepted.Materials["证件照片"]; len(got) != 1 || got[0] != "photo.jpg" {
		t.Fatalf("materials after uploads: %v", got)
	}
	var up struct{ ID int }
	_ = json.Unmarshal(b, &up)
	c.expect("DELETE", p+"photo/1", nil, 200, "已删除")
	c.expect("DELETE", p+"photo/1", nil, 404, "文件不存在")
	if got := sim.App("user1").Accepted.Materials; got != nil {
		t.Fatalf("materials after delete: %v", got)
	}
}

func TestErrorRateChangesNothing(t *testing.T) {
	sim, c, id := verifiedApp(t, portalsim.Options{})
	c.expect("POST", "/__sim/faults", map[string]any{"error_rate": 1}, 200, "error_rate")
	c.expect("PUT", "/api/applications/"+id+"/basic-info", goodBasic, 500, "系统繁忙，请稍后重试")
	st, _ := c.upload("/api/applications/"+id+"/materials/photo", "p.jpg", append(jpegHead, make([]byte, 100)...))
	if st != 500 {
		t.Fatalf("upload under error_rate 1: HTTP %d", st)
	}
	c.expect("GET", "/api/applications/"+id+"/verify", nil, 200, "face_done") // reads are spared
	c.expect("GET", "/__sim/state?user=user1", nil, 200, "applications")      // so are hooks
	c.expect("GET", "/user/applications", nil, 200, "我的申请")                   // and pages
	if acc := sim.App("user1").Accepted; acc.BasicInfo != nil || acc.Materials != nil {
		t.Fatalf("a failed request changed state: %+v", acc)
	}
	c.expect("POST", "/__sim/faults", map[string]any{}, 200, "")
	c.expect("PUT", "/api/applications/"+id+"/basic-info", goodBasic, 200, "保存成功")
	c.expect("POST", "/__sim/faults", map[string]any{"error_rate": 2}, 400, "within 0..1")
}

func TestLatency(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	sim.SetFaults(portalsim.Faults{LatencyMS: 150})
	c := newClient(t, sim)
	var slowest time.Duration
	for i := 0; i < 12; i++ {
		start := time.Now()
		c.expect("GET", "/api/institutions?country=英国&q=edin", nil, 200, "Edinburgh")
		slowest = max(slowest, time.Since(start))
	}
	// Each delay is uniform in 0..150 ms: twelve all under 30 ms would be
	// a one-in-250-million chance, so this is not flaky.
	if slowest < 30*time.Millisecond || slowest > 2*time.Second {
		t.Fatalf("slowest of 12 requests with latency_ms 150 took %v", slowest)
	}
}

func TestSessionExpiryHooks(t *testing.T) {
	sim, c, id := verifiedApp(t, portalsim.Options{})
	p := "/api/applications/" + id + "/"
	c.expect("POST", "/__sim/faults", map[string]any{"expire_after_saves": 2}, 200, "")
	c.expect("PUT", p+"basic-info", goodBasic, 200, "保存成功")
	c.expect("PUT", p+"apply-type", map[string]string{"apply_type": "国(境)外学历学位认证"}, 200, "保存成功")
	c.expect("PUT", p+"apply-type", map[string]string{"apply_type": "国(境)外学历学位认证"}, 401, "登录已过期，请重新登录")
	if st, loc := c.call("GET", "/apply/"+id+"/degree", nil); st != 302 || !strings.HasPrefix(string(loc), "/login?redirect=") {
		t.Fatalf("page after expiry: %d %s", st, loc)
	}
	if acc := sim.App("user1").Accepted; acc.BasicInfo["手机号码"] != "13912345678" || acc.ApplyType == nil {
		t.Fatalf("draft lost on expiry: %+v", acc)
	}
	c.login("user1", simtest.Password)
	c.expect("GET", p+"verify", nil, 200, "face_done")
	sim.SetFaults(portalsim.Faults{ExpireSessions: true})
	c.expect("GET", p+"verify", nil, 401, "登录已过期")
}

func TestSubmitAndPaymentAttemptsInDemo(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	c := newClient(t, sim)
	c.expect("POST", "/api/login", map[string]string{"username": "demo", "password": "demo1234"}, 200, "登录成功")
	p := "/api/applications/" + portalsim.DemoAppID + "/"
	c.expect("POST", p+"submit", map[string]bool{"pledge": false}, 422, "请先阅读并勾选")
	c.expect("POST", p+"submit", map[string]bool{"pledge": true}, 200, "演示模式")
	c.expect("POST", p+"pay", map[string]string{"method": "wechat"}, 200, "演示模式")
	sim.SetFaults(portalsim.Faults{ErrorRate: 1})
	c.expect("POST", p+"pay", map[string]string{"method": "alipay"}, 500, "系统繁忙") // still counted
	st := sim.State("demo")
	if st.SubmitAttempts != 2 || st.PaymentAttempts != 2 || st.Applications[0].Status != portalsim.StatusDraft {
		t.Fatalf("demo state after submit and pay: %+v", st)
	}
}

func TestDemoSeedAndState(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	b, err := json.Marshal(sim.State("demo"))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Applications []map[string]json.RawMessage `json:"applications"`
		Submit       *int                         `json:"submit_attempts"`
		Payment      *int                         `json:"payment_attempts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil || raw.Submit == nil || raw.Payment == nil || len(raw.Applications) != 1 {
		t.Fatalf("state JSON %s", b)
	}
	var acc map[string]json.RawMessage
	_ = json.Unmarshal(raw.Applications[0]["accepted"], &acc)
	for _, k := range []string{"basic-info", "apply-type", "degree", "study-history", "materials"} {
		if acc[k] == nil {
			t.Errorf("demo draft lacks %q in %s", k, b)
		}
	}
	a := sim.App("demo").Accepted
	if len(a.StudyHistory) != 3 || a.StudyHistory[2]["学校名称"] != "The University of Edinburgh" || a.StudyHistory[2]["学历/学位"] != "硕士" {
		t.Errorf("automatic study-history row: %v", a.StudyHistory)
	}
	if _, ok := a.Degree["就读地点"]; ok {
		t.Error("hidden 就读地点 reported while 就读学校与颁证学校相同 is ticked")
	}
	if id := portalsim.DemoAccount.IDNumber; len(id) != 18 || a.BasicInfo["证件号码"] != id || id == "110105199805120012" {
		t.Errorf("demo ID number %q", id)
	}
	c := newClient(t, sim)
	c.expect("POST", "/__sim/reset", nil, 200, "reset")
	if st := sim.State("demo"); len(st.Applications) != 1 {
		t.Fatal("reset in Demo did not re-seed the demo account")
	}
}

func TestDemoVerificationCompletesByItself(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	c := newClient(t, sim)
	c.expect("POST", "/api/login", map[string]string{"username": "demo", "password": "demo1234"}, 200, "登录成功")
	var created struct{ ID string }
	_ = json.Unmarshal(c.expect("POST", "/api/applications", map[string]any{}, 200, `"id"`), &created)
	status := "/api/applications/" + created.ID + "/verify"
	c.expect("GET", status, nil, 200, `"face_done":false`)
	c.expect("GET", "/apply/"+created.ID+"/verify/qr.png", nil, 200, "PNG")
	start := time.Now()
	var faceAt time.Duration
	tick := time.NewTicker(50 * time.Millisecond) // polling, as the page does
	defer tick.Stop()
	for deadline := start.Add(5 * time.Second); ; <-tick.C {
		_, b := c.call("GET", status, nil)
		if faceAt == 0 && strings.Contains(string(b), `"face_done":true`) {
			faceAt = time.Since(start)
		}
		if strings.Contains(string(b), `"code_done":true`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo verification not done after 5 s: %s", b)
		}
	}
	if faceAt < 800*time.Millisecond || time.Since(start) < 1800*time.Millisecond {
		t.Fatalf("demo face step after %v, code after %v; want ~1 s and ~2 s", faceAt, time.Since(start))
	}
}

func TestContinueLeadsToFirstUnsavedStep(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	sim.NewAccount("user1")
	c := newClient(t, sim)
	c.login("user1", simtest.Password)
	var created struct{ ID string }
	_ = json.Unmarshal(c.expect("POST", "/api/applications", map[string]any{}, 200, `"id"`), &created)
	cont := func() string {
		_, b := c.call("GET", "/user/applications", nil)
		m := regexp.MustCompile(`"continue_url":"([^"]+)"`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("no continue_url in %s", b)
		}
		return string(m[1])
	}
	base := "/apply/" + created.ID + "/"
	if got := cont(); got != base+"verify" {
		t.Fatalf("unverified: %s", got)
	}
	sim.Verify("user1")
	if got := cont(); got != base+"basic-info" {
		t.Fatalf("verified, nothing saved: %s", got)
	}
	c.expect("PUT", "/api/applications/"+created.ID+"/basic-info", goodBasic, 200, "保存成功")
	if got := cont(); got != base+"apply-type" {
		t.Fatalf("basic-info saved: %s", got)
	}
}

func TestVariants(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true, RenameClasses: true, DuplicateLabel: "学位外文名称"})
	c := newClient(t, sim)
	c.expect("POST", "/api/login", map[string]string{"username": "demo", "password": "demo1234"}, 200, "登录成功")
	for _, page := range []string{"basic-info", "degree", "study-history", "materials", "confirm"} {
		_, b := c.call("GET", "/apply/"+portalsim.DemoAppID+"/"+page, nil)
		if regexp.MustCompile(`\bfi-[a-z]`).Match(b) {
			t.Errorf("%s still has fi-* names with RenameClasses", page)
		}
		if !strings.Contains(string(b), "row-") {
			t.Errorf("%s has no renamed row-* classes", page)
		}
	}
	_, b := c.call("GET", "/apply/"+portalsim.DemoAppID+"/degree", nil)
	if n := strings.Count(string(b), `label="学位外文名称"`); n != 2 {
		t.Errorf("DuplicateLabel: %d form items labelled 学位外文名称, want 2", n)
	}
}

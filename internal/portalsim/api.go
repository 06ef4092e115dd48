package portalsim

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// --- login ---

func (s *Server) apiLogin(r *http.Request, _ *session) (any, error) {
	var in struct {
		Username, Password, Captcha string
		Redirect                    string
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.captcha {
		c, err := r.Cookie(captchaCookie)
		var want string
		if err == nil {
			want = s.captchas[c.Value]
			delete(s.captchas, c.Value) // one try per image, like a real captcha
		}
		if strings.TrimSpace(in.Captcha) == "" {
			return nil, httpErr(http.StatusUnprocessableEntity, "请输入验证码")
		}
		if want == "" || !strings.EqualFold(strings.TrimSpace(in.Captcha), want) {
			return nil, httpErr(http.StatusUnprocessableEntity, "验证码错误，请重新输入")
		}
	}
	acc := s.accounts[strings.TrimSpace(in.Username)]
	if acc == nil || acc.Password != in.Password {
		return nil, httpErr(http.StatusUnprocessableEntity, "用户名或密码错误")
	}
	token := randomToken()
	s.sessions[token] = &session{user: acc.Username, lastSeen: s.now()}
	s.log.Info().Str("user", maskLogin(acc.Username)).Msg("sim: login")
	return &loginReply{Message: "登录成功", Redirect: safeRedirect(in.Redirect), token: token}, nil
}

// loginReply carries the new session; the api wrapper sets its cookie.
type loginReply struct {
	Message  string `json:"message"`
	Redirect string `json:"redirect"`
	token    string
}

func (l *loginReply) setCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: l.token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func (s *Server) apiLogout(r *http.Request, _ *session) (any, error) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.mu.Lock()
		delete(s.sessions, c.Value)
		s.mu.Unlock()
	}
	return map[string]string{"message": "已退出", "redirect": "/login"}, nil
}

// --- applications ---

func (s *Server) apiCreate(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	acc := s.accounts[sess.user]
	a := newApplication(s.newAppID(), s.now())
	a.manual = acc.ManualVerify
	s.variantApp(acc, a)
	acc.apps = append(acc.apps, a)
	s.log.Info().Str("user", maskLogin(sess.user)).Str("app", a.id).Msg("sim: application created")
	return map[string]string{"id": a.id, "redirect": "/apply/" + a.id + "/verify"}, nil
}

// newAppID returns "A" and 8 digits, unique across accounts.
func (s *Server) newAppID() string {
	for {
		id := fmt.Sprintf("A%08d", s.rng.IntN(100_000_000))
		if !s.appIDTaken(id) {
			return id
		}
	}
}

func (s *Server) appIDTaken(id string) bool {
	for _, acc := range s.accounts {
		if acc.app(id) != nil {
			return true
		}
	}
	return false
}

// editable looks up the session's application for a change: it must exist,
// belong to the user, be verified and not yet submitted. The caller holds
// s.mu.
func (s *Server) editable(r *http.Request, sess *session) (*account, *application, error) {
	acc := s.accounts[sess.user]
	a := acc.app(r.PathValue("id"))
	if a == nil {
		return nil, nil, httpErr(http.StatusNotFound, "申请 "+r.PathValue("id")+" 不存在或不属于当前用户")
	}
	s.refreshVerify(a)
	if a.status != StatusDraft || a.submitted {
		return nil, nil, httpErr(http.StatusUnprocessableEntity, "申请已提交，不能再修改")
	}
	if !a.verified() {
		return nil, nil, httpErr(http.StatusUnprocessableEntity, "请先完成实人认证并获取出入境记录")
	}
	return acc, a, nil
}

// editApp runs change on the user's editable application, under the lock:
// the frame of every request that changes an application.
func (s *Server) editApp(r *http.Request, sess *session, change func(*application) (any, error)) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, a, err := s.editable(r, sess)
	if err != nil {
		return nil, err
	}
	return change(a)
}

// edit is editApp for a request with a JSON body, decoded into a T first.
func edit[T any](s *Server, r *http.Request, sess *session, change func(*application, *T) (any, error)) (any, error) {
	var in T
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	return s.editApp(r, sess, func(a *application) (any, error) { return change(a, &in) })
}

type applyTypeIn struct {
	ApplyType string `json:"apply_type"`
}

type pledgeIn struct {
	Pledge bool `json:"pledge"`
}

// stepSaved marks a page saved and counts the save.
func (s *Server) stepSaved(a *application, page string) {
	a.saved[page] = true
	s.saved()
}

func (s *Server) apiSaveBasic(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *basicInfo) (any, error) {
		if fe := in.validate(s.now(), s.o.Variant); fe != nil {
			return nil, fe
		}
		a.basic = in
		s.stepSaved(a, "basic-info")
		return saveOK, nil
	})
}

var saveOK = map[string]string{"message": "保存成功"}

func (s *Server) apiSaveApplyType(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *applyTypeIn) (any, error) {
		var c checker
		c.oneOf("申请类型", in.ApplyType, applyTypes)
		if c.err != nil {
			return nil, c.err
		}
		a.applyType = in.ApplyType
		s.stepSaved(a, "apply-type")
		return saveOK, nil
	})
}

func (s *Server) apiSaveDegree(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *degreeForm) (any, error) {
		if s.o.Variant.NoSameSchool {
			in.SameSchool, in.noCheckbox = false, true
		}
		if fe := in.validate(s.now()); fe != nil {
			return nil, fe
		}
		s.o.Drift.saved(in)
		a.degree = in
		s.stepSaved(a, "degree")
		return saveOK, nil
	})
}

// --- study history ---

type stepIn struct {
	Next bool `json:"next"`
}

func (s *Server) apiSaveHistoryStep(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *stepIn) (any, error) {
		if in.Next && len(a.historyRows()) < 2 {
			return nil, bad("学习经历", "至少需要两条学习经历（从高中阶段开始），请点击“新增”添加")
		}
		s.stepSaved(a, "study-history")
		return saveOK, nil
	})
}

func (s *Server) historyReply(a *application) any {
	return map[string]any{"message": "保存成功", "rows": a.historyRows()}
}

func (s *Server) apiAddRow(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *historyRow) (any, error) {
		if fe := in.validate(s.now()); fe != nil {
			return nil, fe
		}
		if len(a.history) >= 20 {
			return nil, bad("学习经历", "最多填写20条")
		}
		a.nextRowID++
		in.ID, in.Auto = a.nextRowID, false
		a.history = append(a.history, in)
		s.saved()
		return s.historyReply(a), nil
	})
}

func (s *Server) findRow(a *application, r *http.Request) (int, error) {
	id, _ := strconv.Atoi(r.PathValue("row"))
	for i, h := range a.history {
		if h.ID == id {
			return i, nil
		}
	}
	if id == 0 {
		return -1, httpErr(http.StatusUnprocessableEntity, "该条学习经历由申请信息自动生成，请在“申请信息”页修改")
	}
	return -1, httpErr(http.StatusNotFound, "学习经历不存在，请刷新页面")
}

func (s *Server) apiEditRow(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *historyRow) (any, error) {
		i, err := s.findRow(a, r)
		if err != nil {
			return nil, err
		}
		if fe := in.validate(s.now()); fe != nil {
			return nil, fe
		}
		in.ID, in.Auto = a.history[i].ID, false
		a.history[i] = in
		s.saved()
		return s.historyReply(a), nil
	})
}

func (s *Server) apiDeleteRow(r *http.Request, sess *session) (any, error) {
	return s.editApp(r, sess, func(a *application) (any, error) {
		i, err := s.findRow(a, r)
		if err != nil {
			return nil, err
		}
		a.history = append(a.history[:i], a.history[i+1:]...)
		s.saved()
		return s.historyReply(a), nil
	})
}

// --- confirm and payment: counted (see countAttempt), never completing in Demo ---

func (s *Server) apiSubmit(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *pledgeIn) (any, error) {
		if !in.Pledge {
			return nil, bad("承诺书", "请先阅读并勾选“本人承诺所填信息及所交材料真实有效”")
		}
		if missing := a.missingSteps(); missing != "" {
			return nil, bad("确认提交", "以下步骤尚未完成：%s", missing)
		}
		if s.o.Demo {
			return map[string]any{"message": "模拟器演示模式：提交不会生效，申请仍为未提交", "demo": true}, nil
		}
		a.submitted = true
		s.log.Info().Str("user", maskLogin(sess.user)).Str("app", a.id).Msg("sim: application submitted")
		return map[string]string{"message": "提交成功，请完成支付", "redirect": "/apply/" + a.id + "/payment"}, nil
	})
}

func (a *application) missingSteps() string {
	var out []string
	for _, p := range stepPages {
		if !a.saved[p] {
			out = append(out, pageTitles[p])
		}
	}
	return strings.Join(out, "、")
}

func (s *Server) apiPay(r *http.Request, sess *session) (any, error) {
	var in struct {
		Method string `json:"method"`
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	if in.Method != "wechat" && in.Method != "alipay" {
		return nil, httpErr(http.StatusBadRequest, "支付方式应为 wechat 或 alipay")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	acc := s.accounts[sess.user]
	a := acc.app(r.PathValue("id"))
	if a == nil {
		return nil, httpErr(http.StatusNotFound, "申请不存在")
	}
	if s.o.Demo {
		return map[string]any{"message": "模拟器演示模式：不会真正支付", "demo": true}, nil
	}
	if !a.submitted {
		return nil, httpErr(http.StatusUnprocessableEntity, "请先在“确认提交”页提交申请，再支付")
	}
	if a.status != StatusDraft {
		return nil, httpErr(http.StatusUnprocessableEntity, "该申请已支付")
	}
	a.status = StatusReviewing
	return map[string]string{"message": "支付成功，申请进入认证中", "redirect": "/user/applications"}, nil
}

// --- reference data ---

func (s *Server) apiInstitutions(r *http.Request, _ *session) (any, error) {
	country := r.URL.Query().Get("country")
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	items := []string{}
	if s.o.Variant.CSCSEList {
		return map[string]any{"items": append(cscseSearch(country, q), manualInstitution)}, nil
	}
	for _, name := range institutions[country] {
		if q == "" || strings.Contains(strings.ToLower(name), q) {
			items = append(items, name)
		}
	}
	return map[string]any{"items": append(items, manualInstitution)}, nil
}

func randomCode(rng interface{ IntN(int) int }) string {
	return fmt.Sprintf("%08d", rng.IntN(100_000_000))
}

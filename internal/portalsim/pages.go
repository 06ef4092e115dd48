package portalsim

import (
	"bytes"
	"embed"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// The pages and the simulator's own JS/CSS are committed and embedded; so
// are the libraries (see assets.go).
//
//go:embed web/templates/*.html
var templateFS embed.FS

//go:embed web/static
var staticFS embed.FS

// pageTitles are the titles of PORTAL.md's flow table, shown as h2.page-title.
var pageTitles = map[string]string{
	"login":         "个人用户登录",
	"applications":  "我的申请",
	"agreement":     "国(境)外学历学位认证服务协议",
	"verify":        "实人认证，获取出入境记录",
	"basic-info":    "基本信息",
	"apply-type":    "申请类型",
	"degree":        "申请信息",
	"study-history": "学习经历",
	"materials":     "上传材料",
	"confirm":       "确认提交",
	"payment":       "在线支付",
}

// flow is the order of an application's pages; the el-steps bar shows it
// from verify on.
var flow = []string{"agreement", "verify", "basic-info", "apply-type", "degree", "study-history", "materials", "confirm", "payment"}

var stepNames = []string{"实人认证", "基本信息", "申请类型", "申请信息", "学习经历", "上传材料", "确认提交", "在线支付"}

func flowIndex(page string) int {
	for i, p := range flow {
		if p == page {
			return i
		}
	}
	return -1
}

// pageSet holds one parsed template per page and the class renamer.
type pageSet struct {
	t       map[string]*template.Template
	rename  bool
	dupe    string
	regions []byte
}

func loadPages(o Options) (*pageSet, error) {
	ps := &pageSet{t: map[string]*template.Template{}, rename: o.RenameClasses, dupe: o.DuplicateLabel}
	for id := range pageTitles {
		t, err := template.New("layout.html").Delims("[[", "]]").ParseFS(templateFS,
			"web/templates/layout.html", "web/templates/step-buttons.html", "web/templates/user-centre.html", "web/templates/"+id+".html")
		if err != nil {
			return nil, fmt.Errorf("portal simulator: page template %s: %w", id, err)
		}
		ps.t[id] = t
	}
	regions, err := regionsJS()
	if err != nil {
		return nil, err
	}
	ps.regions = regions
	return ps, nil
}

// view is what layout.html and the page templates see.
type view struct {
	ID, Title      string
	Script         string
	Scripts        []string
	User           *userCentre
	Steps          bool
	Active         int
	StepNames      []string
	Demo           Account
	DuplicateLabel string
	V              Variant        // the form of the portal shown
	Data           map[string]any // becomes window.SIM
}

// render writes a page. With RenameClasses every fi-* class (and every
// fi-* name in the page data) becomes row-<hash>, so CSS selectors of the
// page maps stop matching while labels stay the same.
func (s *Server) render(w http.ResponseWriter, v view) {
	v.Title = pageTitles[v.ID]
	if v.Script == "" {
		v.Script = v.ID
	}
	v.StepNames = stepNames
	v.Demo = DemoAccount
	v.DuplicateLabel = s.pages.dupe
	v.V = s.o.Variant
	if v.Data == nil {
		v.Data = map[string]any{}
	}
	v.Data["page"] = v.ID
	v.Data["demo"] = s.o.Demo
	s.o.Drift.view(&v)
	var buf bytes.Buffer
	if err := s.pages.t[v.ID].Execute(&buf, v); err != nil {
		http.Error(w, "portal simulator: rendering "+v.ID+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	out := s.o.Drift.html(v.ID, buf.Bytes())
	if s.pages.rename {
		out = renameClasses(out)
	}
	out = s.o.Drift.retext(out)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(out)
}

var reFieldClass = regexp.MustCompile(`(^|[^A-Za-z0-9_-])fi-([a-z0-9-]+)`)

func renameClasses(b []byte) []byte {
	return reFieldClass.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := reFieldClass.FindSubmatch(m)
		h := fnv.New32a()
		h.Write(sub[2])
		return []byte(fmt.Sprintf("%srow-%06x", sub[1], h.Sum32()&0xffffff))
	})
}

// --- handlers ---

// page wraps a handler that needs a login: without one it goes to
// /login?redirect=<this page>.
func (s *Server) page(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess := s.sessionOf(r)
		if sess == nil {
			loginRedirect(w, r)
			return
		}
		h(w, r, sess)
	}
}

func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	redirect := safeRedirect(r.URL.Query().Get("redirect"))
	if s.sessionOf(r) != nil && r.URL.Query().Get("expired") == "" {
		http.Redirect(w, r, redirect, http.StatusFound)
		return
	}
	if s.o.Variant.SSO {
		s.ssoRedirect(w, r, redirect)
		return
	}
	s.render(w, view{ID: "login", Data: map[string]any{
		"captcha":  s.captcha,
		"redirect": redirect,
		"expired":  r.URL.Query().Get("expired") != "",
	}})
}

func (s *Server) applicationsPage(w http.ResponseWriter, r *http.Request, sess *session) {
	s.mu.Lock()
	acc := s.accounts[sess.user]
	show := !sess.noticeSeen
	sess.noticeSeen = true
	var apps []map[string]string
	for _, a := range acc.apps {
		s.refreshVerify(a)
		row := map[string]string{
			"id": a.id, "status": a.status, "created": a.created.Format("2006-01-02 15:04"),
			"apply_type": "—", "institution": "—", "degree": "—",
			"continue_url": "/apply/" + a.id + "/" + a.continuePage(),
			"view_url":     "/apply/" + a.id + "/confirm",
		}
		s.afterRow(a, row)
		if a.applyType != "" {
			row["apply_type"] = a.applyType
		}
		if a.degree != nil {
			row["institution"], row["degree"] = a.degree.institution(), a.degree.DegreeName
		}
		apps = append(apps, row)
	}
	s.mu.Unlock()
	if apps == nil {
		apps = []map[string]string{}
	}
	s.render(w, view{ID: "applications", User: s.userView(sess), Data: map[string]any{"apps": apps, "showNotice": show}})
}

// continuePage is where 继续填写 leads: verify until verified, then the
// first step page not yet saved, else basic-info.
func (a *application) continuePage() string {
	if a.submitted {
		return "payment" // past 提交: only payment is left
	}
	if !a.verified() {
		return "verify"
	}
	for _, p := range stepPages {
		if !a.saved[p] {
			return p
		}
	}
	return "basic-info"
}

func (s *Server) newAgreementPage(w http.ResponseWriter, r *http.Request, sess *session) {
	s.render(w, view{ID: "agreement", User: s.userView(sess), Data: map[string]any{"app": nil}})
}

// stepPage serves /apply/{id}/{step}.
func (s *Server) stepPage(w http.ResponseWriter, r *http.Request, sess *session) {
	step := r.PathValue("step")
	idx := flowIndex(step)
	if idx < 0 {
		http.NotFound(w, r)
		return
	}
	user := s.userView(sess)
	s.mu.Lock()
	acc := s.accounts[sess.user]
	a := acc.app(r.PathValue("id"))
	if a == nil {
		s.mu.Unlock()
		http.Error(w, "申请 "+r.PathValue("id")+" 不存在或不属于当前用户（请从“我的申请”进入）", http.StatusNotFound)
		return
	}
	s.refreshVerify(a)
	if step == "verify" && a.noFace {
		// No face step for this ID type: the page is skipped.
		s.mu.Unlock()
		http.Redirect(w, r, "/apply/"+a.id+"/basic-info", http.StatusFound)
		return
	}
	if idx >= flowIndex("basic-info") && !a.verified() {
		s.mu.Unlock()
		http.Redirect(w, r, "/apply/"+a.id+"/verify", http.StatusFound)
		return
	}
	base := "/apply/" + a.id + "/"
	data := map[string]any{
		"app":     map[string]string{"id": a.id, "status": a.status},
		"prevURL": base + flow[max(idx-1, 1)],
		"nextURL": "",
	}
	if idx+1 < len(flow) {
		data["nextURL"] = base + flow[idx+1]
	}
	v := view{ID: step, User: user, Steps: step != "agreement", Active: idx - 1, Data: data}
	s.stepData(acc, a, step, &v)
	s.mu.Unlock()
	s.render(w, v)
}

// stepData adds what one step page shows; the caller holds s.mu.
func (s *Server) stepData(acc *account, a *application, step string, v *view) {
	d := v.Data
	switch step {
	case "verify":
		d["status"] = s.verifyStatusOf(a)
		d["oldVerify"] = s.o.Variant.OldVerify
	case "basic-info":
		form := basicInfo{Region: []string{}}
		if a.basic != nil {
			form = *a.basic
		}
		d["form"] = form
		d["identity"] = map[string]string{"name": acc.Name, "gender": acc.Gender,
			"nationality": acc.Nationality, "id_type": acc.IDType, "id_number": acc.IDNumber}
		v.Scripts = []string{"/static/data/regions.js"}
	case "apply-type":
		d["form"] = map[string]string{"apply_type": a.applyType}
		d["types"] = applyTypes
	case "degree":
		form := degreeForm{SameSchool: !s.o.Variant.NoSameSchool}
		if a.degree != nil {
			form = *a.degree
		}
		d["form"] = form
		d["countries"] = countryLists()
		d["levels"] = degreeLevels
		d["disciplines"] = disciplineNames()
	case "study-history":
		d["rows"] = a.historyRows()
		d["countries"] = countryLists()
		d["levels"] = historyLevels
	case "materials":
		d["slots"] = s.variantSlots(a, slotViews())
		d["files"] = a.filesView()
	case "confirm":
		s.confirmData(acc, a, d)
	}
}

func (s *Server) confirmData(acc *account, a *application, d map[string]any) {
	type section struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Items []kv   `json:"items"`
	}
	var secs []section
	if a.basic != nil {
		secs = append(secs, section{"basic-info", "基本信息", a.basic.view(acc.Account, s.o.Variant)})
	}
	if a.applyType != "" {
		secs = append(secs, section{"apply-type", "申请类型", []kv{{"申请类型", a.applyType}}})
	}
	if a.degree != nil {
		secs = append(secs, section{"degree", "申请信息", a.degree.view()})
	}
	var mats []kv
	for _, sv := range s.variantSlots(a, slotViews()) {
		var names []string
		if sv.Sign && a.signed {
			names = append(names, "已在线签署")
		}
		for _, f := range a.files[sv.Key] {
			names = append(names, f.Name)
		}
		mats = append(mats, kv{sv.Label, strings.Join(names, "、")})
	}
	d["sections"] = secs
	d["rows"] = a.historyRows()
	d["materials"] = mats
	d["missing"] = a.missingSteps()
}

// countryLists are the options of the country dropdowns: the common
// destinations, then the rest (sorted by the browser in pinyin order).
// 中国 is left out: the study-history dialog adds it back.
func countryLists() map[string][]string {
	common := map[string]bool{}
	for _, c := range commonCountries {
		common[c] = true
	}
	var others []string
	for _, c := range refdata.Countries() {
		if !common[c.Name] && c.Name != "中国" {
			others = append(others, c.Name)
		}
	}
	return map[string][]string{"common": commonCountries, "others": others}
}

// --- static files ---

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "web/static")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		fsrv.ServeHTTP(w, r)
	})
}

// vendorHandler serves vue and element-ui from assets, and nothing else
// from it (a node_modules directory holds much more).
func vendorHandler(assets fs.FS) http.Handler {
	fsrv := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if !(strings.HasPrefix(p, "vue/dist/") || strings.HasPrefix(p, "element-ui/lib/")) || strings.HasSuffix(p, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

func (s *Server) handleRegions(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "regions.js", time.Time{}, bytes.NewReader(s.pages.regions))
}

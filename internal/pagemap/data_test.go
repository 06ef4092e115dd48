package pagemap

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cscse-tools/autofill/selectors"
)

// edited is the built-in selectors/ with, in file name, old replaced by new
// (new "" with old a file name drops that file).
func edited(t *testing.T, edits ...[3]string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	names, _ := fs.Glob(selectors.FS, "*.yaml")
	for _, n := range names {
		b, err := fs.ReadFile(selectors.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = &fstest.MapFile{Data: b}
	}
	for _, e := range edits {
		name, old, new := e[0], e[1], e[2]
		if old == "" {
			delete(out, name)
			continue
		}
		f := out[name]
		if f == nil {
			f = &fstest.MapFile{}
			out[name] = f
		}
		if old == "*" {
			f.Data = []byte(new)
			continue
		}
		if !strings.Contains(string(f.Data), old) {
			t.Fatalf("%s has no %q", name, old)
		}
		f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	}
	return out
}

// What moved from Go into the maps is checked when the maps load: each
// mistake is named with file:line and how to fix it, all of them at once.
func TestLoaderChecksTheMapData(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits [][3]string
		want  []string
	}{
		{"a field key the profile does not have",
			[][3]string{{"degree.yaml", "key: degree.remarks,", "key: degree.remarkz,"}},
			[]string{`sel/degree.yaml:66: field key "degree.remarkz" is not a profile key; did you mean "degree.remarks"?`}},
		{"a key nothing resembles",
			[][3]string{{"degree.yaml", "key: degree.remarks,", "key: degree.shoe_size,"}},
			[]string{`sel/degree.yaml:66: field key "degree.shoe_size" is not a profile key; the keys are those of docs/profile.md`}},
		{"fallback, when, a table column and a dialog field, all at once",
			[][3]string{
				{"degree.yaml", "fallback: degree.awarding_country", "fallback: degree.awarding_contry"},
				{"degree.yaml", "when: degree.remote_study", "when: degree.remote_studdy"},
				{"study-history.yaml", "{header: 专业, key: study.major}", "{header: 专业, key: study.majr}"},
				{"study-history.yaml", "{key: study.major, label: 专业", "{key: study.majo, label: 专业"},
			},
			[]string{
				`sel/degree.yaml:42: fallback "degree.awarding_contry" is not a profile key; did you mean "degree.awarding_country"?`,
				`sel/degree.yaml:65: when "degree.remote_studdy" is not a profile key; did you mean "degree.remote_study"?`,
				`sel/study-history.yaml:19: column key "study.majr" is not a profile key; did you mean "study.major"?`,
				`sel/study-history.yaml:33: field key "study.majo" is not a profile key; did you mean "study.major"?`,
			}},
		{"a password that is not secret, an unknown role",
			[][3]string{{"login.yaml", "    secret: true\n", ""}, {"login.yaml", "role: captcha", "role: capcha"}},
			[]string{`sel/login.yaml:17: field account.password: a login.password field must say secret: true`,
				`sel/login.yaml:22: field human.captcha: unknown role "capcha"`}},
		{"a bad upload limit",
			[][3]string{{"materials.yaml", "max_size: 5 MB", "max_size: 5 GB"}, {"materials.yaml", "type: jpg, max_size: 1 MB, max_files: 5", "type: png, max_size: 1 MB, max_files: 5"}},
			[]string{`sel/materials.yaml:18: field degree.materials.diploma: upload max_size "5 GB"`,
				`sel/materials.yaml:14: field degree.materials.passport: upload type "png": use jpg or pdf`}},
		{"an unknown key in upload limits",
			[][3]string{{"materials.yaml", "max_files: 30", "max_file: 30"}},
			[]string{`sel/materials.yaml:23: unknown key "max_file" in limits; did you mean "max_files"?`}},
		{"a list without its draft status",
			[][3]string{{"applications.yaml", "  draft: 未提交", "  #"}},
			[]string{`sel/applications.yaml:7: list needs table, rows, draft`}},
		{"a flow with an unknown step and a page without a map",
			[][3]string{{"flow.yaml", "{page: verify, step: verify}", "{page: verify, step: face}"}, {"payment.yaml", "", ""}},
			[]string{`sel/flow.yaml:16: page verify: step "face": use one of login, list, consent, verify, form, finish`,
				`sel/flow.yaml: the flow names page payment but there is no payment.yaml`}},
		{"a step without its part of the map",
			[][3]string{{"flow.yaml", "{page: basic-info, step: form}", "{page: basic-info, step: list}"}, {"login.yaml", "role: login.username", "role: captcha"}},
			[]string{`sel/basic-info.yaml:3: flow.yaml has step list, which needs a list: section in basic-info.yaml`,
				`sel/login.yaml:7: flow.yaml has step login, which needs a field with role: login.username in login.yaml`}},
		{"a map the flow does not name",
			[][3]string{{"flow.yaml", "  - {page: payment, step: finish}\n", ""}},
			[]string{`sel/payment.yaml:2: unknown page id "payment"; sel/flow.yaml has login,`}},
		{"an entry outside the flow, a typo in flow.yaml",
			[][3]string{{"flow.yaml", "entry: login", "entry: home"}, {"flow.yaml", "after: [", "afterwards: ["}},
			[]string{`sel/flow.yaml:11: entry "home" is not a page of the flow`,
				`sel/flow.yaml:26: unknown key "afterwards" in flow`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(edited(t, c.edits...), "sel")
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%s", w, err)
				}
			}
		})
	}
}

// A directory of page maps without flow.yaml (an override set) has the
// built-in flow; one with its own flow orders the pages by it.
func TestTheFlowComesFromTheMaps(t *testing.T) {
	set, err := Load(edited(t, [3]string{"flow.yaml", "", ""}), "sel")
	if err != nil {
		t.Fatal(err)
	}
	if got := set.FlowPages(); strings.Join(got, " ") != strings.Join(FlowOrder, " ") || set.Entry() != "login" {
		t.Fatalf("no flow.yaml: %v, entry %q", got, set.Entry())
	}
	// agreement comes after verify in this copy: the order follows the map.
	set, err = Load(edited(t, [3]string{"flow.yaml", "  - {page: agreement, step: consent}\n  - {page: verify, step: verify}\n", "  - {page: verify, step: verify}\n  - {page: agreement, step: consent}\n"}), "sel")
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Pages()[:4]; strings.Join(got, " ") != "login applications verify agreement" {
		t.Fatalf("pages %v", got)
	}
	for page, step := range map[string]Step{"login": StepLogin, "applications": StepList, "verify": StepVerify, "degree": StepForm, "payment": StepFinish, "review": ""} {
		if got := set.StepOf(page); got != step {
			t.Errorf("step of %s: %q, want %q", page, got, step)
		}
	}
	if set.PageOf(StepList) != "applications" {
		t.Errorf("list page %q", set.PageOf(StepList))
	}
}

// The built-in maps carry what the engine used to hard-code.
func TestTheBuiltInMapsHoldThePortalKnowledge(t *testing.T) {
	set, err := Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	login := set.Get("login")
	if u := login.WithRole(LoginUsername); len(u) != 1 || u[0].Key != "account.username" {
		t.Errorf("user name field %+v", u)
	}
	if p := login.WithRole(LoginPassword); len(p) != 1 || !p[0].Secret {
		t.Errorf("password field %+v", p)
	}
	if c := login.WithRole(CaptchaRole); len(c) != 2 {
		t.Errorf("captcha fields %+v", c)
	}
	if d := set.Get("applications").List.Draft; d != "未提交" {
		t.Errorf("draft status %q", d)
	}
	h, _ := set.Get("study-history").FieldByKey("study_history")
	if got := strings.Join(h.Table.Headers(), " "); got != "起止时间 国家/地区 学校名称 专业 学历/学位 操作" {
		t.Errorf("headers %s", got)
	}
	if got := h.Table.DataColumns(); len(got) != 5 || strings.Join(got[0].AllKeys(), ",") != "study.from,study.to" || got[4].Key != "study.level" {
		t.Errorf("data columns %+v", got)
	}
	if got := set.Get("login").ButtonText("login", "?"); got != "登录" {
		t.Errorf("login button %q", got)
	}
	if got := set.Get("login").ButtonText("nope", "?"); got != "?" {
		t.Errorf("fallback %q", got)
	}
	photo, _ := set.Get("materials").FieldByKey("degree.materials.photo")
	if photo.Upload == nil || photo.Upload.Type != "jpg" || photo.Upload.MaxFiles != 1 {
		t.Errorf("photo limits %+v", photo.Upload)
	}
}

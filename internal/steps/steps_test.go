package steps_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/steps"
	"github.com/cscse-tools/autofill/selectors"
)

func TestStepNames(t *testing.T) {
	cases := []struct {
		step   steps.Step
		en, zh string
	}{
		{steps.Captcha, "log in (captcha)", "登录（验证码）"},
		{steps.Consent, "accept the service agreement", "接受服务协议"},
		{steps.FaceAndCode, "face scan with 微留服 and the 移民局12367 code", "微留服实人认证及移民局12367授权码"},
		{steps.Navigate, "go to a page autofill knows", "转到本工具可识别的页面"},
		{steps.Step("sign_authorization"), "sign authorization", "sign_authorization"}, // a map's own step
	}
	for _, c := range cases {
		if got := c.step.Name(); got.EN != c.en || got.ZH != c.zh {
			t.Errorf("%s.Name() = %+v, want %q / %q", c.step, got, c.en, c.zh)
		}
	}
}

// TestMapStepsKnown: every page-level human step the maps may name is one
// the engine knows by name, so no display falls back to the raw id.
func TestMapStepsKnown(t *testing.T) {
	known := []steps.Step{steps.Captcha, steps.Consent, steps.FaceAndCode, steps.Confirm, steps.Payment}
	for _, h := range pagemap.Humans {
		if h != pagemap.NoHuman && !slices.Contains(known, steps.Step(h)) {
			t.Errorf("pagemap human %q has no steps.Step", h)
		}
	}
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range maps.Pages() {
		if h := maps.Get(id).Human; h != pagemap.NoHuman && steps.Step(h).Name().EN == strings.ReplaceAll(string(h), "_", " ") {
			t.Errorf("page %s: human step %q has no name for people", id, h)
		}
	}
}

func TestTodos(t *testing.T) {
	cases := []struct {
		name  string
		todos []steps.Todo
		ids   []steps.TodoID
		has   string // in the Chinese of the first
	}{
		{"ready with a report", steps.Ready("runs/x"), []steps.TodoID{steps.TodoReview, steps.TodoPledge, steps.TodoSubmit, steps.TodoPay}, "runs/x 中的运行报告"},
		{"ready without", steps.Ready(""), []steps.TodoID{steps.TodoReview, steps.TodoPledge, steps.TodoSubmit, steps.TodoPay}, "逐项核对"},
		{"submitted, found on 在线支付", steps.Submitted(""), []steps.TodoID{steps.TodoAlreadySubmitted}, "此申请已提交"},
		{"submitted, found on 我的申请", steps.Submitted("MSc (已提交)"), []steps.TodoID{steps.TodoAlreadySubmitted}, "MSc (已提交)：已提交"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ids []steps.TodoID
			for _, td := range c.todos {
				ids = append(ids, td.ID)
				if td.EN == "" || td.ZH == "" {
					t.Errorf("%s: a language is missing: %+v", td.ID, td)
				}
			}
			if !slices.Equal(ids, c.ids) {
				t.Errorf("ids %v, want %v", ids, c.ids)
			}
			if !strings.Contains(c.todos[0].ZH, c.has) {
				t.Errorf("first to-do %q lacks %q", c.todos[0].ZH, c.has)
			}
		})
	}
}

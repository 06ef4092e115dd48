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
		{steps.Sign, "sign the authorization statement (授权声明) online", "在线签署授权声明"},
		{steps.Step("wave_hello"), "wave hello", "wave_hello"}, // not one the engine knows
	}
	for _, c := range cases {
		if got := c.step.Name(); got.EN != c.en || got.ZH != c.zh {
			t.Errorf("%s.Name() = %+v, want %q / %q", c.step, got, c.en, c.zh)
		}
	}
}

// TestMapStepsKnown: every human step the page maps may name is in the
// vocabulary, so the batch and the report switch on it and every display
// names it in both languages.
func TestMapStepsKnown(t *testing.T) {
	for _, h := range pagemap.Humans {
		if h != pagemap.NoHuman && !slices.Contains(steps.Known, steps.Step(h)) {
			t.Errorf("pagemap human %q is not a steps.Step", h)
		}
	}
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range maps.Pages() {
		for _, h := range maps.Get(id).HumanSteps {
			if !slices.Contains(steps.Known, steps.Step(h.Name)) {
				t.Errorf("selectors/%s.yaml: human step %q is not in steps.Known; add it there with its name for people", id, h.Name)
			}
		}
	}
	for _, s := range steps.Known {
		if n := s.Name(); n.EN == strings.ReplaceAll(string(s), "_", " ") || n.ZH == "" {
			t.Errorf("%s has no name for people: %+v", s, n)
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

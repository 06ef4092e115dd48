package page

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		err       error
		transient bool
		detached  bool
	}{
		{&cdproto.Error{Code: -32000, Message: "Execution context was destroyed."}, true, false},
		{&cdproto.Error{Code: -32000, Message: "Cannot find context with specified id"}, true, false},
		{&cdproto.Error{Code: -32000, Message: "Could not find object with given id"}, true, true},
		{&cdproto.Error{Code: -32000, Message: "No node with given id found"}, true, true},
		{&chromedp.ExceptionError{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught TypeError: x is not a function"}}, false, false},
		{errors.New("connection reset"), false, false},
		{fmt.Errorf("wrapped: %w", &NavigationError{Op: "x", Err: errors.New("gone")}), true, false},
	} {
		got := classify("call", c.err)
		if Transient(got) != c.transient || errors.Is(got, ErrDetached) != c.detached {
			t.Errorf("classify(%v) = %v: transient %v detached %v, want %v %v", c.err, got, Transient(got), errors.Is(got, ErrDetached), c.transient, c.detached)
		}
	}
	if classify("call", nil) != nil {
		t.Error("classify(nil) is not nil")
	}
}

func TestResolutionDecode(t *testing.T) {
	for word, want := range map[string]Resolution{
		"css": ByCSS, "label": ByLabel, "wrong-label": WrongLabel, "ambiguous-css": AmbiguousCSS,
		"ambiguous-label": AmbiguousLabel, "other-widget": OtherWidget, "missing-widget": MissingWidget,
		"missing": Missing, "bad-css": BadCSS,
	} {
		var r Resolved
		if err := json.Unmarshal([]byte(`{"how":"`+word+`"}`), &r); err != nil || r.How != want || r.How.String() != word {
			t.Errorf("%q decodes to %v (%v), want %v", word, r.How, err, want)
		}
		if r.How.Found() != (want == ByCSS || want == ByLabel) {
			t.Errorf("%v.Found() = %v", want, r.How.Found())
		}
	}
	var r Resolved
	if err := json.Unmarshal([]byte(`{"how":"guessed"}`), &r); err == nil {
		t.Error("an unknown resolution decodes without an error")
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"  Ａ１　b  c ": "A1 b c",
		"北京\n\t大学":   "北京 大学",
		"（英国）":       "（英国）",
	} {
		if got := NormText(in); got != want {
			t.Errorf("NormText(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range [][2]string{{"*护照(通行证)：", "护照(通行证)"}, {"护照（通行证）:", "护照(通行证)"}, {"开始 时间", "开始时间"}} {
		if got := LabelKey(c[0]); got != c[1] {
			t.Errorf("LabelKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestRegistry(t *testing.T) {
	for _, lib := range []string{ElementUI, Native} {
		for _, kind := range []string{"text", "textarea", "select", "date", "month", "radio", "checkbox", "readonly"} {
			if _, err := DriverFor(lib, kind); err != nil {
				t.Error(err)
			}
		}
	}
	for _, kind := range []string{"cascader", "upload", "table"} {
		if _, err := DriverFor(ElementUI, kind); err != nil {
			t.Error(err)
		}
	}
	if _, err := DriverFor(Native, "cascader"); err == nil {
		t.Error("a native cascader driver exists")
	}
}

func TestOffered(t *testing.T) {
	long := make([]string, 14)
	for i := range long {
		long[i] = fmt.Sprint(i)
	}
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, "nothing"}, {[]string{"a", "b"}, "a, b"}, {long, "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … (2 more)"}} {
		if got := Offered(c.in); got != c.want {
			t.Errorf("Offered(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

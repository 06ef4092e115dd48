package portalsim

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// fieldError is a server-side validation failure. The front end shows
// Message as an el-message error toast; Label says which field.
type fieldError struct {
	Label string
	Msg   string
}

func (e *fieldError) Error() string { return e.Label + "：" + e.Msg }

func bad(label, format string, args ...any) *fieldError {
	return &fieldError{Label: label, Msg: fmt.Sprintf(format, args...)}
}

// checker collects the first problem, so each validate function reads as a
// flat list of rules in page order.
type checker struct{ err *fieldError }

func (c *checker) fail(label, format string, args ...any) {
	if c.err == nil {
		c.err = bad(label, format, args...)
	}
}

func (c *checker) required(label, v string) bool {
	if strings.TrimSpace(v) == "" {
		c.fail(label, "必填项，请填写%s", label)
		return false
	}
	return true
}

func (c *checker) match(label, v string, re *regexp.Regexp, hint string) {
	if c.required(label, v) && !re.MatchString(v) {
		c.fail(label, "格式不正确，%s", hint)
	}
}

func (c *checker) maxLen(label, v string, n int) {
	if len([]rune(v)) > n {
		c.fail(label, "不能超过%d个字符", n)
	}
}

func (c *checker) oneOf(label, v string, opts []string) {
	if !c.required(label, v) {
		return
	}
	for _, o := range opts {
		if v == o {
			return
		}
	}
	c.fail(label, "“%s”不是可选项，请从下拉列表中选择", v)
}

// date checks a YYYY-MM-DD date: real, and not in the future.
func (c *checker) date(label, v string, now time.Time) (time.Time, bool) {
	if !c.required(label, v) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		c.fail(label, "“%s”不是有效日期，请按 YYYY-MM-DD 填写", v)
		return time.Time{}, false
	}
	if t.After(now) {
		c.fail(label, "不能晚于今天")
		return t, false
	}
	return t, true
}

// month checks a YYYY-MM month, not in the future.
func (c *checker) month(label, v string, now time.Time) (time.Time, bool) {
	if !c.required(label, v) {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01", v)
	if err != nil {
		c.fail(label, "“%s”不是有效月份，请按 YYYY-MM 填写", v)
		return time.Time{}, false
	}
	if t.After(now) {
		c.fail(label, "不能晚于当前月份")
		return t, false
	}
	return t, true
}

func (c *checker) country(label, v string, allowChina bool) {
	if !c.required(label, v) {
		return
	}
	if !isCountry(v) || (!allowChina && v == "中国") {
		c.fail(label, "“%s”不在国家/地区列表中，请从下拉列表中选择", v)
	}
}

var (
	rePhone   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	reEmail   = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
	rePostal  = regexp.MustCompile(`^\d{6}$`)
	rePinyin  = regexp.MustCompile(`^[A-Z]+( [A-Z]+)*$`)
	reCode    = regexp.MustCompile(`^\d{8}$`)
	reLatinOK = regexp.MustCompile(`^[\x20-\x7E\x{00C0}-\x{024F}’‘]+$`)
)

func isCountry(name string) bool {
	for _, c := range refdata.Countries() {
		if c.Name == name {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

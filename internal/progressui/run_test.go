package progressui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/internal/steps"
)

const (
	testID    = "110105199805120012"
	testPhone = "13800138000"
)

var testPages = []report.PageInfo{
	{ID: "login", Title: "个人用户登录", Human: "captcha"},
	{ID: "agreement", Title: "国(境)外学历学位认证服务协议", Human: "consent"},
	{ID: "verify", Title: "实人认证，获取出入境记录", Human: "face_and_code"},
	{ID: "basic-info", Title: "基本信息"},
	{ID: "degree", Title: "申请信息"},
	{ID: "confirm", Title: "确认提交", Human: "confirm"},
}

// events is a short run with raw personal numbers in it, as the engine
// emits them: every display must mask them.
func events() []portal.Event {
	t0 := time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	f := func(s int, page, key, label, v string, st portal.FieldStatus) portal.Event {
		return portal.Event{Time: at(s), Type: portal.EvField, Page: page, Field: &portal.FieldReport{Key: key, Label: label, Value: v, Found: v, Status: st}}
	}
	return []portal.Event{
		{Time: at(0), Type: portal.EvStart, Message: "degree msc"},
		{Time: at(1), Type: portal.EvPage, Page: "login", Title: "个人用户登录"},
		f(2, "login", "account.username", "用户名", testPhone, portal.Filled),
		{Time: at(3), Type: portal.EvPage, Page: "agreement", Title: "国(境)外学历学位认证服务协议"},
		{Time: at(4), Type: portal.EvPage, Page: "verify", Title: "实人认证，获取出入境记录"},
		{Time: at(5), Type: portal.EvHuman, Page: "verify", Human: "face_and_code", File: "run/verify-qr.png",
			Message: "Scan the QR code with 微留服.", MessageZH: "请用“微留服”APP扫描二维码。"},
		{Time: at(6), Type: portal.EvInfo, Page: "verify", Message: "verification: 等待扫码"},
		{Time: at(65), Type: portal.EvHumanRemind, Page: "verify", Human: "face_and_code", Message: "Still waiting for you.", MessageZH: "仍在等待您完成操作。"},
		{Time: at(70), Type: portal.EvHumanDone, Page: "verify", Human: "face_and_code"},
		{Time: at(71), Type: portal.EvPage, Page: "basic-info", Title: "基本信息"},
		f(72, "basic-info", "applicant.id_number", "证件号码", testID, portal.Already),
		f(73, "basic-info", "applicant.phone", "手机号码", testPhone, portal.Filled),
		f(74, "basic-info", "applicant.former_name", "曾用名", "", portal.Skipped),
		{Time: at(75), Type: portal.EvWarning, Page: "basic-info", Message: "the portal answered HTTP 503 for " + testPhone + "; retrying"},
		{Time: at(76), Type: portal.EvPageDone, Page: "basic-info", Title: "基本信息", Screenshot: "screenshots/04-basic-info.png"},
		{Time: at(77), Type: portal.EvPage, Page: "degree", Title: "申请信息"},
		f(78, "degree", "degree.degree_name", "学位外文名称", "Master of Science", portal.Filled),
		{Time: at(79), Type: portal.EvPageDone, Page: "degree", Title: "申请信息", Screenshot: "screenshots/06-degree.png"},
		{Time: at(80), Type: portal.EvPage, Page: "confirm", Title: "确认提交"},
		{Time: at(81), Type: portal.EvDone, Page: "confirm", Message: "the draft is ready"},
	}
}

func testRedactor() *profile.Redactor {
	p := &profile.Profile{}
	p.Applicant.IDType, p.Applicant.IDNumber, p.Applicant.Phone = "id_card", testID, testPhone
	p.Account.Username = testPhone
	return profile.NewRedactor(p)
}

type shown struct {
	out, err string
	prog     *Run
}

func play(t *testing.T, tty bool, o RunOptions, size ...int) shown {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(tty)
	if len(size) == 2 {
		ios.SetSize(size[0], size[1])
	}
	if o.Pages == nil {
		o.Pages = testPages
	}
	if o.Wait == 0 {
		o.Wait = 15 * time.Minute
	}
	var now time.Time
	o.Now = func() time.Time { return now } // the clock stands at the event being shown
	if o.Ticker == 0 {
		o.Ticker = time.Hour // redraws come from events only: the output is the same every time
	}
	p := NewRun(ios, testRedactor(), o)
	for _, e := range events() {
		now = e.Time
		p.Emit(e)
	}
	p.Close()
	return shown{out.String(), errOut.String(), p}
}

func noRaw(t *testing.T, where, s string) {
	t.Helper()
	for _, raw := range []string{testID, testPhone} {
		if strings.Contains(s, raw) {
			t.Errorf("%s shows %s unmasked", where, raw)
		}
	}
}

// Without a terminal: one line per event, the human step in both languages
// with the QR code, the wait and how to continue, and no bell.
func TestProgressLines(t *testing.T) {
	s := play(t, false, RunOptions{Again: "autofill --profile me.yaml --run-dir run"})
	noRaw(t, "stderr", s.err)
	if s.out != "" {
		t.Errorf("stdout without --json: %q", s.out)
	}
	for _, want := range []string{
		"▶ 基本信息 (basic-info)", "  ✓ 手机号码: 138****8000", "  = 证件号码: 1101**********0012",
		"◆ 需要您操作 · Your turn: 微留服实人认证及移民局12367授权码",
		"请用“微留服”APP扫描二维码。", "二维码 QR code: " + mustAbs("run/verify-qr.png"),
		"最多等待 15m（至 09:15）", "Waiting up to 15m (until 09:15)",
		"To continue later: Ctrl-C now, then run autofill --profile me.yaml --run-dir run",
		"仍在等待您完成操作。", "  ✓ 完成 done", "  ! the portal answered HTTP 503 for 138****8000; retrying",
	} {
		if !strings.Contains(s.err, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if strings.Contains(s.err, "\a") || strings.Contains(s.err, "\x1b[") {
		t.Errorf("bell or escape codes without a terminal:\n%q", s.err)
	}
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// --quiet: what the person must do and problems, nothing else.
func TestProgressQuiet(t *testing.T) {
	s := play(t, false, RunOptions{Quiet: true})
	if strings.Contains(s.err, "手机号码") || strings.Contains(s.err, "▶") {
		t.Errorf("quiet shows fields or pages:\n%s", s.err)
	}
	if !strings.Contains(s.err, "需要您操作") || !strings.Contains(s.err, "HTTP 503") {
		t.Errorf("quiet hides the human step or the warning:\n%s", s.err)
	}
}

// --json: every stdout line is one JSON event, masked, then the result.
func TestProgressJSON(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	p := NewRun(ios, testRedactor(), RunOptions{JSON: true, Pages: testPages})
	for _, e := range events() {
		p.Emit(e)
	}
	p.Result(&portal.Result{Ready: true, Page: "confirm", Left: steps.Ready("")[2:3]}, nil, t.TempDir())
	noRaw(t, "stdout", out.String())
	var types []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not JSON: %s", sc.Text())
		}
		types = append(types, m["type"].(string))
	}
	if len(types) != len(events())+1 || types[0] != "run_started" || types[len(types)-1] != "result" {
		t.Errorf("types %v", types)
	}
}

// On a terminal: the checklist redrawn in place; the human step above it
// with a bell; at the end the confirm page is the person's.
func TestProgressLiveChecklist(t *testing.T) {
	live := true
	s := play(t, true, RunOptions{Live: &live}, 100, 40)
	noRaw(t, "stderr", s.err)
	if !strings.Contains(s.err, "\a") {
		t.Error("no bell for the human step")
	}
	screen, frames := emulate(s.err)
	final := strings.Join(screen, "\n")
	for _, want := range []string{
		"autofill  ⏱ 1:21",
		" ✓ 个人用户登录        1 ✓",
		" ✓ 实人认证，获取出…   您已完成 · done by you",
		" ✓ 基本信息            2 ✓ · 1 skipped",
		" ◆ 确认提交            请您核对并提交 · your turn: review, pledge, 提交",
		"◆ 需要您操作 · Your turn", // the prompt stays in the scrollback, above
		"! the portal answered HTTP 503 for 138****8000",
	} {
		if !strings.Contains(final, want) {
			t.Errorf("final screen lacks %q:\n%s", want, final)
		}
	}
	if n := strings.Count(final, "autofill  ⏱"); n != 1 {
		t.Errorf("the checklist is on the screen %d times: redraws must replace it\n%s", n, final)
	}
	if !anyFrame(frames, " ▸ 基本信息            2 ✓  › 手机号码 138****8000") {
		t.Error("no frame shows the current field of 基本信息")
	}
	if !anyFrame(frames, "◆ 实人认证，获取出…   等待您操作 · waiting for you · until 09:15") {
		t.Error("no frame shows the verify page waiting for the person")
	}
	if strings.Contains(s.err, "\x1b[3") {
		t.Error("colours although they are off")
	}
}

func anyFrame(frames []string, s string) bool {
	for _, f := range frames {
		if strings.Contains(f, s) {
			return true
		}
	}
	return false
}

// Narrow or short terminals get one compact line, never wider than the
// screen (a wrapped line would break the redraw).
func TestProgressLiveNarrow(t *testing.T) {
	live := true
	for _, size := range [][2]int{{40, 40}, {100, 8}, {20, 40}} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			s := play(t, true, RunOptions{Live: &live}, size[0], size[1])
			screen, frames := emulate(s.err)
			for _, f := range frames {
				block := f[strings.LastIndex(f, "\n")+1:]
				if runewidth.StringWidth(block) >= size[0] {
					t.Errorf("line of width %d on a %d-column terminal: %q", runewidth.StringWidth(block), size[0], block)
				}
			}
			last := screen[len(screen)-1]
			if !strings.HasPrefix(last, "⏱ 1:21 ✓✓✓✓✓◆") {
				t.Errorf("compact line %q", last)
			}
		})
	}
}

// emulate plays terminal output (cursor up, clear to the end of the
// screen, CR, LF; colours dropped) and returns the final screen and the
// screen before each redraw. A wide rune fills two cells; the second holds 0.
func emulate(out string) (screen []string, frames []string) {
	out = regexp.MustCompile(`\x1b\[[0-9;]*m|\a`).ReplaceAllString(out, "")
	lines := [][]rune{{}}
	row, col := 0, 0
	snap := func() []string {
		s := make([]string, len(lines))
		for i, l := range lines {
			s[i] = strings.ReplaceAll(string(l), "\x00", "")
		}
		for len(s) > 1 && s[len(s)-1] == "" {
			s = s[:len(s)-1]
		}
		return s
	}
	csi := regexp.MustCompile(`^\x1b\[(\d*)([AJ])`)
	for i := 0; i < len(out); {
		if m := csi.FindStringSubmatch(out[i:]); m != nil {
			if m[2] == "A" {
				frames = append(frames, strings.Join(snap(), "\n"))
				n, _ := strconv.Atoi(m[1])
				row = max(0, row-n)
			} else if col < len(lines[row]) {
				lines[row] = lines[row][:col]
				lines = lines[:row+1]
			} else {
				lines = lines[:row+1]
			}
			i += len(m[0])
			continue
		}
		c, size := utf8.DecodeRuneInString(out[i:])
		i += size
		switch c {
		case '\r':
			col = 0
		case '\n':
			row, col = row+1, 0
			for len(lines) <= row {
				lines = append(lines, []rune{})
			}
		default:
			w := runewidth.RuneWidth(c)
			l := lines[row]
			for len(l) < col+w {
				l = append(l, ' ')
			}
			l[col] = c
			for k := 1; k < w; k++ {
				l[col+k] = 0
			}
			lines[row] = l
			col += w
		}
	}
	frames = append(frames, strings.Join(snap(), "\n"))
	return snap(), frames
}

// The 12367 code can be typed at the terminal while the checklist shows:
// a wrong code is asked again, a right one goes to the engine.
func TestProgressCodePrompt(t *testing.T) {
	for _, live := range []bool{true, false} {
		t.Run(fmt.Sprint("live=", live), func(t *testing.T) {
			ios, in, _, errOut := iostreams.Test()
			ios.SetTTY(true)
			ios.SetSize(80, 40)
			in.WriteString("1234\n12345678\n")
			codes := make(chan string, 1)
			p := NewRun(ios, testRedactor(), RunOptions{Live: &live, Pages: testPages, Codes: codes, Ticker: time.Hour})
			p.Emit(portal.Event{Type: portal.EvPage, Page: "verify", Title: "实人认证"})
			p.Emit(portal.Event{Type: portal.EvHuman, Page: "verify", Human: "face_and_code", Message: "scan", MessageZH: "扫码"})
			select {
			case c := <-codes:
				if c != "12345678" {
					t.Errorf("code %q", c)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no code reached the engine")
			}
			p.Emit(portal.Event{Type: portal.EvHumanDone, Page: "verify", Human: "face_and_code"})
			p.Close()
			p.mu.Lock()
			out := errOut.String()
			p.mu.Unlock()
			if !strings.Contains(out, "12367 授权码") || !strings.Contains(out, "8 digits") {
				t.Errorf("prompt or retry missing:\n%s", out)
			}
		})
	}
}

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/profile"
)

// ptyTerm is the autofill command (this test binary, see init in
// batch_test.go) running in a pseudo-terminal, driven like a person: wait
// for a prompt, type a line.
type ptyTerm struct {
	t    *testing.T
	cmd  *exec.Cmd
	f    *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output before this offset has been matched
	done chan struct{}
}

func startTerm(t *testing.T, dir string, args ...string) *ptyTerm {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AUTOFILL_TEST_AS_COMMAND=1", "NO_COLOR=1", "TERM=dumb", "AUTOFILL_HOME="+t.TempDir())
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	tm := &ptyTerm{t: t, cmd: cmd, f: f, done: make(chan struct{})}
	go func() {
		defer close(tm.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = f.Close()
	})
	return tm
}

// expect waits for text in the output not matched before and returns the
// output up to it. The deadline is generous: the machine may be busy.
func (tm *ptyTerm) expect(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		tm.mu.Lock()
		all := tm.out.String()
		tm.mu.Unlock()
		if i := strings.Index(all[tm.seen:], text); i >= 0 {
			got := all[tm.seen : tm.seen+i+len(text)]
			tm.seen += i + len(text)
			return got
		}
		select {
		case <-tm.done:
			tm.t.Fatalf("the command ended before %q; output:\n%s", text, all[tm.seen:])
		default:
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no %q after 90s; output:\n%s", text, all[tm.seen:])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tm *ptyTerm) send(line string) {
	tm.t.Helper()
	if _, err := tm.f.WriteString(line + "\r"); err != nil {
		tm.t.Fatal(err)
	}
}

// answer waits for the question, then types the answer.
func (tm *ptyTerm) answer(question, line string) {
	tm.t.Helper()
	tm.expect(question)
	tm.send(line)
}

var optionLine = regexp.MustCompile(`(?m)^(\d+)\. (.*?)\r?$`)

// choose waits for a numbered list under question and picks the option
// whose text starts with label.
func (tm *ptyTerm) choose(question, label string) {
	tm.t.Helper()
	tm.expect(question)
	list := tm.expect("Enter a number")
	for _, m := range optionLine.FindAllStringSubmatch(list, -1) {
		if strings.HasPrefix(m[2], label) {
			tm.send(m[1])
			return
		}
	}
	tm.t.Fatalf("no option %q in:\n%s", label, list)
}

func (tm *ptyTerm) wait() int {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(90 * time.Second):
		tm.t.Fatal("the command did not end")
	}
	err := tm.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		tm.t.Fatal(err)
	}
	return 0
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The interview in a real terminal, in plain (accessible) mode: a wrong
// answer gets the validator's message and is asked again; Ctrl-C keeps the
// draft; running again resumes; the profile written validates and equals
// the fixture.
func TestInterviewInTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: drives the command in a pseudo-terminal; skipped by -short (make test-fast), make test runs it")
	}
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("pseudo-terminals: Unix")
	}
	dir := t.TempDir()
	copyDir(t, "../../examples/materials", filepath.Join(dir, "materials"))

	tm := startTerm(t, dir, "init", "me.yaml")
	tm.answer("Nationality", "")
	tm.answer("Name", "Zhang San")
	tm.expect(`"Zhang San" must be Chinese characters for nationality 中国`)
	tm.expect("hint: Chinese nationals write the name in Chinese characters")
	tm.answer("Name", "张三")
	tm.answer("Name in Latin letters", "ZHANG SAN")
	tm.answer("Former name", "")
	tm.choose("Gender", "男")
	tm.answer("Date of birth", "1998-05-12")
	tm.choose("Identity document", "居民身份证")
	tm.answer("Document number", "110105199805120013")
	tm.expect("check character")
	tm.answer("Document number", "110105199805120012")
	tm.answer("Mobile phone", "13800138000")
	tm.expect("E-mail")
	time.Sleep(100 * time.Millisecond) // let the prompt be read before the interrupt
	tm.send("\x03")
	tm.expect("kept in me.yaml.draft")
	if code := tm.wait(); code != 130 {
		t.Errorf("Ctrl-C: exit %d, want 130", code)
	}
	draft := filepath.Join(dir, "me.yaml.draft")
	st, err := os.Stat(draft)
	if err != nil {
		t.Fatalf("no draft after Ctrl-C: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("draft mode %o, want 600", st.Mode().Perm())
	}
	if _, err := os.Stat(filepath.Join(dir, "me.yaml")); err == nil {
		t.Error("the profile was written before the interview ended")
	}

	tm = startTerm(t, dir, "init", "me.yaml")
	tm.answer("Continue where you stopped", "")
	tm.answer("E-mail", "zhang.san@example.com") // the first question not answered
	tm.choose("province", "北京市")
	tm.choose("District", "海淀区")
	tm.answer("Street and number", "中关村大街 1 号")
	tm.answer("Postal code", "100080")
	tm.answer("Portal login name", "")
	tm.answer("service agreement", "")
	tm.choose("Application type", "国(境)外学历学位认证")
	tm.answer("Country of the awarding institution", "UK")
	tm.answer("Awarding institution", "Edinburgh University")
	tm.expect("did you mean The University of Edinburgh (爱丁堡大学)")
	tm.answer("Awarding institution", "爱丁堡大学")
	tm.expect("CSCSE lists it as The University of Edinburgh")
	tm.answer("Degree, exactly as printed", "Master of Science")
	tm.choose("Level", "硕士")
	tm.answer("A short name for this degree", "msc")
	tm.answer("Major, in the certificate's language", "Artificial Intelligence")
	tm.answer("Major, in Chinese", "人工智能")
	tm.expect("人工智能 080717T under 工学")
	tm.answer("Enter a number", "") // the catalogue's 学科门类 is the default
	tm.answer("First day of study", "2022-09-12")
	tm.answer("Last day of study", "2023-09-01")
	tm.answer("Date on the certificate", "2023-11-28")
	tm.answer("Student number", "s2212345")
	tm.answer("Did you study at the awarding institution", "")
	tm.answer("Any courses taken remotely", "")
	tm.answer("Remarks", "")
	tm.answer("Photo", "materials/photo.jpg")
	tm.answer("Passport pages", "materials/passport-bio.jpg")
	tm.answer("Visa or residence permit", "materials/visa.jpg")
	tm.answer("Diploma", "materials/diploma.pdf")
	tm.answer("Signed authorization", "materials/authorization.pdf")
	tm.answer("Transcript pages", "materials/transcript-1.jpg")
	tm.answer("Other (JPEG", "")
	tm.answer("Another degree", "")
	tm.answer("Your high school", "北京市第四中学")
	tm.answer("Country", "")
	tm.answer("First month", "2015-09")
	tm.answer("Last month", "2018-06")
	tm.answer("Any other study since high school", "y")
	tm.choose("Level", "本科")
	tm.answer("School", "北京大学")
	tm.answer("Country", "")
	tm.answer("First month", "2018-09")
	tm.answer("Last month", "2022-06")
	tm.answer("Major", "计算机科学与技术")
	tm.answer("Any other study since high school", "")
	tm.expect("Wrote me.yaml")
	tm.expect("1 profile: no problems")
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d; output:\n%s", code, tm.out.String())
	}

	got, err := os.ReadFile(filepath.Join(dir, "me.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("AUTOFILL_UPDATE_FIXTURES") == "1" {
		_ = os.WriteFile("testdata/interview-me.yaml", got, 0o644)
	}
	want, err := os.ReadFile("testdata/interview-me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the profile differs from testdata/interview-me.yaml:\n%s", got)
	}
	if st, _ := os.Stat(filepath.Join(dir, "me.yaml")); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", st.Mode().Perm())
	}
	if _, err := os.Stat(draft); err == nil {
		t.Error("the draft is left after the profile was written")
	}
	if _, list := profile.Check(filepath.Join(dir, "me.yaml")); len(list) > 0 {
		t.Errorf("the written profile has problems: %v", list)
	}
}

func TestInterviewNeedsATerminal(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	if code := mainRun(ios, []string{"init", "--interactive", filepath.Join(t.TempDir(), "me.yaml")}); code != exitcode.BadInput {
		t.Errorf("exit %d, want 2\n%s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "--template") {
		t.Errorf("no way out named:\n%s", errOut)
	}
}

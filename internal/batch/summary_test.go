package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

func sampleRows(now time.Time) []Row {
	return []Row{
		{Status: Status{N: 1, Applicant: "张伟 1101**********0101", Degree: "msc", State: Ready, Page: "confirm", PageTitle: "确认提交"}},
		{Status: Status{N: 2, Applicant: "王芳 1101**********0128", Degree: "msc", State: Running, Page: "study-history", PageTitle: "学习经历"}, Live: true},
		{Status: Status{N: 3, Applicant: "李娜 1101**********0152", Degree: "msc", State: WaitingFace, PageTitle: "实人认证，获取出入境记录", QR: "runs/batch/applicant-03-msc/verify-qr.png"}, Live: true, Deadline: now.Add(9*time.Minute + 41*time.Second)},
		{Status: Status{N: 4, Applicant: "刘洋 1101**********0160", Degree: "msc", State: WaitingCode, PageTitle: "实人认证，获取出入境记录"}},
		{Status: Status{N: 5, Applicant: "TAN WEI MING X0*****0X", Degree: "bsc", State: Failed, Reason: "page materials was refused: portal says: 签证/居留许可：必传材料", PageTitle: "上传材料"}},
		{Status: Status{N: 6, Applicant: "(broken.yaml)", Degree: "-", State: Invalid, Reason: "invalid profile: 2 errors (autofill validate broken.yaml)"}},
		{Status: Status{N: 7, Applicant: "陈静 1101**********0195", Degree: "msc", State: Queued}},
	}
}

func TestExitCode(t *testing.T) {
	r := func(states ...State) []Row {
		var rows []Row
		for _, s := range states {
			rows = append(rows, Row{Status: Status{State: s}})
		}
		return rows
	}
	for _, c := range []struct {
		rows []Row
		want int
	}{
		{r(Ready, Ready), exitcode.OK},
		{r(Ready, WaitingFace, WaitingPassword), exitcode.Parked},
		{r(Ready, WaitingCode, Failed), exitcode.Failure},
		{r(Ready, Invalid), exitcode.Failure},
		{r(Invalid, Invalid), exitcode.BadInput},
		{r(Ready, Interrupted, Failed), exitcode.Interrupted},
	} {
		if got := ExitCode(c.rows); got != c.want {
			t.Errorf("%v: exit %d, want %d", c.rows, got, c.want)
		}
	}
}

func TestSummaryFiles(t *testing.T) {
	dir := t.TempDir()
	rows := sampleRows(time.Now())
	rows[4].Reason = "=HYPERLINK(\"x\")"
	if err := WriteSummary(dir, rows); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{SummaryCSV, SummaryJSON} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %o, want 600", f, fi.Mode().Perm())
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, SummaryCSV))
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if len(lines) != len(rows)+1 || lines[0] != "n,profile,applicant,degree,status,page,qr,run_dir" {
		t.Fatalf("summary.csv:\n%s", csv)
	}
	for _, want := range []string{"张伟 1101**********0101,msc,ready", "waiting for face scan", "waiting for code", "failed: =HYPERLINK", "invalid profile"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("summary.csv lacks %q:\n%s", want, csv)
		}
	}
	js, _ := os.ReadFile(filepath.Join(dir, SummaryJSON))
	if !strings.Contains(string(js), `"exit_code": 1`) || !strings.Contains(string(js), `"state": "waiting_face_scan"`) {
		t.Errorf("summary.json:\n%s", js)
	}
}

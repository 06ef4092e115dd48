package progressui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

func sampleRows(now time.Time) []batch.Row {
	return []batch.Row{
		{Status: batch.Status{N: 1, Applicant: "张伟 1101**********0101", Degree: "msc", State: batch.Ready, Page: "confirm", PageTitle: "确认提交"}},
		{Status: batch.Status{N: 2, Applicant: "王芳 1101**********0128", Degree: "msc", State: batch.Running, Page: "study-history", PageTitle: "学习经历"}, Live: true},
		{Status: batch.Status{N: 3, Applicant: "李娜 1101**********0152", Degree: "msc", State: batch.WaitingFace, PageTitle: "实人认证，获取出入境记录", QR: "runs/batch/applicant-03-msc/verify-qr.png"}, Live: true, Deadline: now.Add(9*time.Minute + 41*time.Second)},
		{Status: batch.Status{N: 4, Applicant: "刘洋 1101**********0160", Degree: "msc", State: batch.WaitingCode, PageTitle: "实人认证，获取出入境记录"}},
		{Status: batch.Status{N: 5, Applicant: "TAN WEI MING X0*****0X", Degree: "bsc", State: batch.Failed, Reason: "page materials was refused: portal says: 签证/居留许可：必传材料", PageTitle: "上传材料"}},
		{Status: batch.Status{N: 6, Applicant: "(broken.yaml)", Degree: "-", State: batch.Invalid, Reason: "invalid profile: 2 errors (autofill validate broken.yaml)"}},
		{Status: batch.Status{N: 7, Applicant: "陈静 1101**********0195", Degree: "msc", State: batch.Queued}},
	}
}

func TestRenderFitsTheTerminal(t *testing.T) {
	now := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	rows := sampleRows(now)
	out := RenderBatch(rows, BatchView{Width: 130, Height: 30, Now: now, Started: now.Add(-3 * time.Minute), Parallel: 4, Message: "#4: code handed over"})
	t.Log("\n" + out)
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := iostreams.Width(line); w > 129 {
			t.Errorf("line wider than the terminal (%d): %s", w, line)
		}
	}
	for _, want := range []string{"✓ ready", "▶ filling", "! waiting for face scan 9:41 · QR runs/batch/applicant-03-msc/verify-qr.png", "‖ parked, waiting for code",
		"✗ failed: page materials", "✗ invalid profile", "· queued", "ready 1 · filling 1 · waiting 2 · failed 1 · queued 1 · invalid 1", "3:00", "#4: code handed over", "3 12345678"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	// Columns line up although names are Chinese (two columns a character).
	lines := strings.Split(out, "\n")
	col := -1
	for _, l := range lines[1:8] {
		i := strings.Index(l, "msc")
		if i < 0 {
			continue
		}
		if c := iostreams.Width(l[:i]); col < 0 {
			col = c
		} else if c != col {
			t.Errorf("degree column at %d, want %d: %s", c, col, l)
		}
	}
}

func TestRenderShowsThePressingRowsWhenTheyDoNotFit(t *testing.T) {
	var rows []batch.Row
	for i := 1; i <= 50; i++ {
		rows = append(rows, batch.Row{Status: batch.Status{N: i, Applicant: fmt.Sprintf("applicant %d", i), Degree: "msc", State: batch.Ready}})
	}
	rows[41].State, rows[41].Live = batch.WaitingFace, true
	rows[44].State = batch.Running
	out := RenderBatch(rows, BatchView{Width: 80, Height: 10})
	if n := strings.Count(out, "\n"); n > 10 {
		t.Errorf("%d lines for a 10-line terminal:\n%s", n, out)
	}
	for _, want := range []string{"applicant 42", "applicant 45", "more: 47 ready"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
}

func TestBatchLinesPrintChangesOnly(t *testing.T) {
	var buf bytes.Buffer
	p := iostreams.NewRegion(&buf, false)
	now := time.Now()
	rows := sampleRows(now)
	p.Draw(BatchLines(rows), "")
	first := buf.String()
	p.Draw(BatchLines(rows), "")
	if buf.String() != first {
		t.Errorf("unchanged rows printed again:\n%s", buf.String()[len(first):])
	}
	rows[1].State, rows[1].Live = batch.Ready, false
	p.Draw(BatchLines(rows), "")
	if added := buf.String()[len(first):]; added != "#2 王芳 1101**********0128 msc: ready\n" {
		t.Errorf("change printed as %q", added)
	}
	for _, want := range []string{"#3 李娜 1101**********0152 msc: waiting for face scan — send the applicant the QR code runs/batch/applicant-03-msc/verify-qr.png (parks at",
		"#4 刘洋 1101**********0160 msc: parked, waiting for code; run the batch again"} {
		if !strings.Contains(first, want) {
			t.Errorf("missing %q in\n%s", want, first)
		}
	}
	if strings.Contains(first, "#7") {
		t.Error("queued rows are not news")
	}
}

// Colours stay as they were: the header bold, a row in its state's colour,
// the hint dim; and none at all when colour is off.
func TestRenderBatchColours(t *testing.T) {
	now := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	lines := strings.Split(RenderBatch(sampleRows(now), BatchView{Width: 130, Height: 30, Color: true, Now: now}), "\n")
	for i, prefix := range map[int]string{0: "\x1b[1m", 1: "\x1b[32m", 3: "\x1b[33m", 5: "\x1b[31m", 7: "\x1b[2m"} {
		if !strings.HasPrefix(lines[i], prefix) || !strings.HasSuffix(lines[i], "\x1b[0m") {
			t.Errorf("line %d: %q, want it coloured %q", i, lines[i], prefix)
		}
	}
	if strings.HasPrefix(lines[2], "\x1b[") {
		t.Errorf("a filling row is coloured: %q", lines[2])
	}
	if out := RenderBatch(sampleRows(now), BatchView{Width: 130, Height: 30, Now: now}); strings.Contains(out, "\x1b[") {
		t.Error("colours although they are off")
	}
}

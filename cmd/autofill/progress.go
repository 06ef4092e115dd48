package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"golang.org/x/term"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/logging"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
)

// progressOptions say how to show a run to the person.
type progressOptions struct {
	JSON   bool // JSON lines on stdout, one per event, then one "result" line
	Quiet  bool // only what the person must do, problems and the result
	Pages  []report.PageInfo
	Wait   time.Duration // how long a human step is waited for
	Again  string        // the command that continues this run later
	Codes  chan<- string // 12367 codes typed at the terminal
	Live   *bool         // force the in-place display on or off (tests); nil: on a capable terminal
	Size   func() (w, h int)
	Ticker time.Duration    // redraw interval of the live display; default 1s
	Now    func() time.Time // the clock of the elapsed time (tests); default time.Now
}

// progress is the run's console: a checklist redrawn in place on a
// terminal, one line per event otherwise, JSON lines with --json. Every
// text passes the profile's Redactor (report.MaskEvent) before it is shown.
type progress struct {
	io  *iostreams.IOStreams
	red *profile.Redactor
	o   progressOptions
	c   palette

	mu     sync.Mutex
	live   *liveView // nil: line mode
	asking bool      // a 12367 code prompt is open
	closed bool
}

func newProgress(ios *iostreams.IOStreams, red *profile.Redactor, o progressOptions) *progress {
	p := &progress{io: ios, red: red, o: o, c: newPalette(ios.ColorEnabled())}
	live := ios.IsStderrVT() && !o.Quiet && os.Getenv("TERM") != "dumb"
	if o.Live != nil {
		live = *o.Live
	}
	if live {
		size := o.Size
		if size == nil {
			size = termSize(ios.ErrOut)
		}
		p.live = newLiveView(ios.ErrOut, size, p.c, o, &p.mu)
	}
	return p
}

// termSize reads the terminal's size on every call, so a resized window
// is drawn right at the next redraw.
func termSize(w io.Writer) func() (int, int) {
	return func() (int, int) {
		if f, ok := w.(*os.File); ok {
			if cols, rows, err := term.GetSize(int(f.Fd())); err == nil {
				return cols, rows
			}
		}
		return 80, 24
	}
}

// LogWriter is where console logs go: on a live display they are written
// above the checklist, so a warning never tears it apart.
func (p *progress) LogWriter() io.Writer {
	if p.live == nil {
		return p.io.ErrOut
	}
	return writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.live.above(string(b))
		return len(b), nil
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Emit shows one event.
func (p *progress) Emit(e portal.Event) {
	e = report.MaskEvent(p.red, e)
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	if p.o.JSON {
		if b, err := json.Marshal(e); err == nil {
			fmt.Fprintln(p.io.Out, string(b))
		}
	}
	if p.live != nil {
		p.live.emit(e)
	}
	// What the person must know, in every mode.
	switch e.Type {
	case portal.EvHuman, portal.EvHumanRemind:
		p.human(e)
		if e.Type == portal.EvHuman && e.Human == "face_and_code" {
			p.askCode()
		}
		return
	case portal.EvHumanDone:
		if p.live != nil {
			p.live.setPrompt("")
		}
	case portal.EvWarning:
		p.print(fmt.Sprintf("  %s %s", p.c.yellow("!"), iostreams.Escape(e.Message)))
		return
	}
	if p.live != nil || p.o.JSON || p.o.Quiet {
		return // the checklist (or stdout) shows the rest
	}
	// Line mode: one line per event.
	switch e.Type {
	case portal.EvPage:
		p.print(fmt.Sprintf("%s %s (%s)", p.c.bold("▶"), e.Title, e.Page))
	case portal.EvField:
		p.print(fieldLine(p.c, *e.Field))
	case portal.EvHumanDone:
		p.print(fmt.Sprintf("  %s 完成 done", p.c.green("✓")))
	case portal.EvInfo:
		p.print("  " + p.c.dim(iostreams.Escape(e.Message)))
	}
}

// print writes lines to stderr, above the checklist when there is one.
func (p *progress) print(s string) {
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	if p.live != nil {
		p.live.above(s)
		return
	}
	fmt.Fprint(p.io.ErrOut, s)
}

func fieldLine(c palette, f portal.FieldReport) string {
	mark := map[portal.FieldStatus]string{portal.Filled: c.green("✓"), portal.Already: c.green("="), portal.Skipped: c.dim("·"), portal.Failed: c.red("✗")}[f.Status]
	line := fmt.Sprintf("  %s %s: %s", mark, f.Label, iostreams.Escape(f.Value))
	if f.Note != "" {
		line += c.dim(" (" + iostreams.Escape(f.Note) + ")")
	}
	if f.Healed != "" {
		line += c.yellow(" [found by label: selector failed]")
	}
	if f.Error != "" {
		line += " " + c.red(f.Error)
	}
	return line
}

// human tells the person what to do, where, how long the tool waits and
// how to continue later, in Chinese and English, with a bell.
func (p *progress) human(e portal.Event) {
	if p.io.IsStderrTTY() {
		fmt.Fprint(p.io.ErrOut, "\a") // a person is needed
	}
	name := report.HumanName(e.Human)
	var b strings.Builder
	if e.Type == portal.EvHumanRemind {
		fmt.Fprintf(&b, "%s %s\n   %s\n", p.c.yellow("◆"), e.MessageZH, e.Message)
		p.print(b.String())
		return
	}
	fmt.Fprintf(&b, "%s %s\n", p.c.yellow("◆ 需要您操作 · Your turn:"), p.c.bold(name.ZH+" · "+name.EN))
	if e.MessageZH != "" {
		fmt.Fprintf(&b, "   %s\n", e.MessageZH)
	}
	fmt.Fprintf(&b, "   %s\n", e.Message)
	if e.File != "" {
		path := e.File
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		fmt.Fprintf(&b, "   二维码 QR code: %s\n", path)
	}
	if w := p.o.Wait; w > 0 {
		until := e.Time.Add(w).Local().Format("15:04")
		fmt.Fprintf(&b, "   最多等待 %s（至 %s），草稿会保留 · Waiting up to %s (until %s); the draft is kept either way.\n", shortDur(w), until, shortDur(w), until)
	}
	if p.o.Again != "" {
		fmt.Fprintf(&b, "   稍后继续 · To continue later: Ctrl-C now, then run %s\n", p.c.bold(p.o.Again))
	}
	p.print(b.String())
}

const codePrompt = "   12367 授权码 code (8 digits, Enter): "

// askCode reads 12367 codes at the terminal, in the background, while the
// page is watched; the person may type the code in the page instead.
func (p *progress) askCode() {
	if p.asking || !p.io.CanPrompt() || p.o.Codes == nil {
		return
	}
	p.asking = true
	if p.live != nil {
		p.live.setPrompt(codePrompt)
	}
	go func() {
		for {
			var line string
			var err error
			if p.live != nil {
				line, err = p.io.ReadLine() // the live view shows the prompt
			} else {
				line, err = p.io.Prompt(codePrompt)
			}
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.live != nil {
				p.live.echoed() // Enter moved the cursor down a line
			}
			line = strings.TrimSpace(line)
			if !portal.IsCode(line) {
				if p.live != nil && p.live.prompt != "" {
					p.live.setPrompt("   授权码为8位数字 8 digits, again: ")
				} else if p.live == nil {
					fmt.Fprintln(p.io.ErrOut, "   the code has exactly 8 digits / 授权码为8位数字; try again")
				}
				p.mu.Unlock()
				continue
			}
			if p.live != nil {
				p.live.setPrompt("")
			}
			p.mu.Unlock()
			select {
			case p.o.Codes <- line:
			default: // a code is already waiting to be entered
			}
			return
		}
	}()
}

// Close stops the live display, leaving its last state on the screen.
func (p *progress) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	if p.live != nil {
		p.live.close()
	}
}

// resultLine is the last JSON line of --json: where the run ended.
type resultLine struct {
	Time     time.Time     `json:"time"`
	Type     string        `json:"type"` // "result"
	Outcome  string        `json:"outcome"`
	ExitCode int           `json:"exit_code"`
	Page     string        `json:"page,omitempty"`
	Left     []report.Item `json:"left"`
	Error    string        `json:"error,omitempty"`
	Report   string        `json:"report,omitempty"`
	RunDir   string        `json:"run_dir"`
}

// Result tells where things stand, what is left for the person and where
// the report is, from the report the job wrote (so the terminal and the
// report say the same). With --json it is also the last line on stdout.
func (p *progress) Result(res *portal.Result, runErr error, runDir string) {
	p.Close()
	rep, rerr := report.Read(runDir)
	if rerr != nil { // no report (the run never started): the report's verdict on what we know
		r := report.New(report.Options{Pages: p.o.Pages})
		r.Finish(res, runErr, false)
		own := r.Report()
		rep = &own
	}
	htmlPath := filepath.Join(runDir, report.HTMLFile)
	if _, err := os.Stat(htmlPath); err != nil {
		htmlPath = ""
	}
	if p.o.JSON {
		line := resultLine{Time: time.Now(), Type: "result", Outcome: string(rep.Outcome), ExitCode: rep.ExitCode,
			Page: rep.Page, Left: rep.Left, Report: htmlPath, RunDir: runDir}
		if runErr != nil {
			line.Error = p.red.String(runErr.Error())
		}
		b, _ := json.Marshal(line)
		fmt.Fprintln(p.io.Out, string(b))
	}
	out := p.io.ErrOut
	c := p.c
	h := report.Headline(rep.Outcome)
	mark := map[report.Outcome]string{report.Ready: c.green("✓"), report.Waiting: c.yellow("◆"), report.Failed: c.red("✗"), report.Interrupted: c.red("■"), report.Submitted: c.yellow("◆")}[rep.Outcome]
	fmt.Fprintf(out, "\n%s %s · %s\n", mark, c.bold(h.ZH), h.EN)
	if rep.Verified > 0 {
		fmt.Fprintf(out, "%s 已在“确认提交”页面核对网站保存的内容与资料一致 · verified on 确认提交: the portal's own summary equals the profile (%d values)\n", c.green("✓"), rep.Verified)
	}
	if len(rep.Healed) > 0 {
		fmt.Fprintf(out, "%s 以下字段按标签找到（选择器失效）· found by label because their selectors failed (run `autofill check`): %s\n", c.yellow("!"), strings.Join(rep.Healed, ", "))
	}
	if len(rep.Left) > 0 {
		fmt.Fprintln(out, "  还需要您完成 · Left for you:")
		for i, l := range rep.Left {
			if l.ZH != "" {
				fmt.Fprintf(out, "   %d. %s\n      %s\n", i+1, l.ZH, c.dim(l.EN))
			} else {
				fmt.Fprintf(out, "   %d. %s\n", i+1, l.EN)
			}
		}
	}
	if htmlPath != "" {
		fmt.Fprintf(out, "  报告 Report: %s  (autofill report %s)\n", htmlPath, runDir)
	}
	fmt.Fprintf(out, "  运行目录 Run directory: %s\n", runDir)
}

// loggerTo builds the command's logger (--log-level, --log-format,
// --no-color) writing to w: the run sends its logs through the redactor and
// above the live checklist.
func (a *app) loggerTo(w io.Writer) zerolog.Logger {
	l, err := logging.New(w, a.logOptions())
	if err != nil { // configure already refused bad options
		return a.log
	}
	return l
}

// liveView is the checklist a person sees on a terminal: one line per page
// (done / current / waiting for you / failed), the field just verified and
// the elapsed time, redrawn in place. Other output (human-step prompts,
// warnings, logs) is written above it and stays in the scrollback.
type liveView struct {
	w     io.Writer
	size  func() (int, int)
	c     palette
	wait  time.Duration
	rec   *report.Recorder // folds events into page states exactly as the report does
	start time.Time
	now   func() time.Time

	last   *portal.FieldReport // the field just done, and its page
	page   string
	human  time.Time // when the open human step started
	prompt string    // an open prompt: the last line, the cursor after it
	up     int       // lines from the top of the block down to the cursor
	closed bool

	every time.Duration
	stop  chan struct{}
	mu    *sync.Mutex // the progress's: held by whoever draws
}

func newLiveView(w io.Writer, size func() (int, int), c palette, o progressOptions, mu *sync.Mutex) *liveView {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	return &liveView{w: w, size: size, c: c, wait: o.Wait, now: now, every: o.Ticker, mu: mu,
		rec: report.New(report.Options{Pages: o.Pages})}
}

// run redraws every tick (the elapsed time) until closed. Not while a
// prompt is open: a redraw would wipe what the person types.
func (v *liveView) run() {
	v.stop = make(chan struct{})
	every, mu := v.every, v.mu
	if every <= 0 {
		every = time.Second
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-v.stop:
				return
			case <-t.C:
				mu.Lock()
				if !v.closed && v.prompt == "" {
					v.draw()
				}
				mu.Unlock()
			}
		}
	}()
}

func (v *liveView) emit(e portal.Event) {
	if v.start.IsZero() {
		v.start = v.now()
		v.run()
	}
	v.rec.Emit(e)
	switch e.Type {
	case portal.EvField:
		f := *e.Field
		v.last, v.page = &f, e.Page
	case portal.EvHuman:
		v.human = e.Time
	case portal.EvInfo:
		return // not on the checklist
	case portal.EvDone:
		// 确认提交 is the person's now: the checklist says so, as the report does.
		v.rec.Finish(&portal.Result{Ready: true, Page: e.Page}, nil, false)
	}
	v.draw()
}

// clear removes the block; the cursor goes to where it began.
func (v *liveView) clear() {
	if v.up > 0 {
		fmt.Fprintf(v.w, "\x1b[%dA", v.up)
	}
	fmt.Fprint(v.w, "\r\x1b[J")
	v.up = 0
}

func (v *liveView) draw() {
	if v.closed {
		return
	}
	lines := v.render(v.now())
	v.clear()
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n")
	}
	if v.prompt != "" {
		// Room for the 8 digits the person types: a wrapped line breaks the redraw.
		w, _ := v.size()
		b.WriteString(iostreams.Clip(v.prompt, max(w-12, 8)))
	}
	fmt.Fprint(v.w, b.String())
	v.up = len(lines)
}

// above writes s above the block: it stays in the scrollback.
func (v *liveView) above(s string) {
	if v.closed {
		fmt.Fprint(v.w, s)
		return
	}
	v.clear()
	fmt.Fprint(v.w, s)
	v.draw()
}

func (v *liveView) setPrompt(s string) {
	if v.prompt == s {
		return
	}
	v.prompt = s
	v.draw()
}

// echoed accounts for the line the terminal added when Enter was pressed.
func (v *liveView) echoed() {
	if !v.closed {
		v.up++
	}
}

func (v *liveView) close() {
	if v.stop != nil {
		close(v.stop)
	}
	v.prompt = ""
	v.draw()
	v.closed = true
	v.up = 0
}

// render lays the checklist out for the terminal's size: a header, then a
// line per page; on a narrow or short terminal, one compact line.
func (v *liveView) render(now time.Time) []string {
	rep := v.rec.Report()
	w, h := v.size()
	if w <= 0 {
		w = 80
	}
	w-- // never the last column: some terminals wrap there
	start := v.start
	if start.IsZero() {
		start = now
	}
	elapsed := iostreams.Clock(now.Sub(start))
	if w < 43 || (h > 0 && h < len(rep.Pages)+5) {
		return []string{v.compact(rep, elapsed, w)}
	}
	head := fmt.Sprintf("autofill  ⏱ %s  · Ctrl-C 可随时停止，草稿会保留 · Ctrl-C stops, the draft is kept", elapsed)
	lines := []string{v.c.bold(iostreams.Clip(head, w))}
	tw := 0
	for _, p := range rep.Pages {
		tw = max(tw, iostreams.Width(p.Title))
	}
	tw = min(max(tw, 8), 18)
	for _, p := range rep.Pages {
		mark, color := pageMark(v.c, p.Status)
		title := iostreams.Pad(iostreams.Clip(p.Title, tw), tw)
		detail := v.detail(rep, p)
		room := w - 3 - tw - 2
		line := " " + color(mark) + " " + title
		if room > 4 && detail != "" {
			detail = iostreams.Clip(detail, room)
			if p.Status == report.PageDone || p.Status == report.PagePending {
				detail = v.c.dim(detail)
			}
			line += "  " + detail
		}
		lines = append(lines, line)
	}
	return lines
}

func (v *liveView) detail(rep report.Report, p report.Page) string {
	n := p.Counts()
	ok := n[portal.Filled] + n[portal.Already]
	var counts []string
	if ok > 0 {
		counts = append(counts, fmt.Sprintf("%d ✓", ok))
	}
	if n[portal.Skipped] > 0 {
		counts = append(counts, fmt.Sprintf("%d skipped", n[portal.Skipped]))
	}
	if n[portal.Failed] > 0 {
		counts = append(counts, v.c.red(fmt.Sprintf("%d failed", n[portal.Failed])))
	}
	sum := strings.Join(counts, " · ")
	switch p.Status {
	case report.PageDone:
		for _, h := range rep.Humans {
			if h.Page == p.ID && h.Finished != nil {
				return strings.TrimPrefix(sum+" · 您已完成 · done by you", " · ")
			}
		}
		if sum == "" {
			return p.Note // e.g. "continuing application …"
		}
		return sum
	case report.PageCurrent:
		if v.last != nil && v.page == p.ID {
			f := v.last
			s := "› " + f.Label
			if f.Value != "" {
				s += " " + iostreams.Escape(f.Value)
			}
			if sum != "" {
				s = sum + "  " + s
			}
			return s
		}
		return "…"
	case report.PageWaiting:
		if rep.Outcome == report.Running && p.Human != "confirm" {
			s := "等待您操作 · waiting for you"
			if v.wait > 0 && !v.human.IsZero() {
				s += " · until " + v.human.Add(v.wait).Local().Format("15:04")
			}
			return s
		}
		return "请您核对并提交 · your turn: review, pledge, 提交"
	case report.PageFailed:
		return "失败 · failed (see below)"
	case report.PageStopped:
		return "在此中断 · stopped here"
	}
	if p.Human == "confirm" {
		return "autofill stops here; you review and submit"
	}
	return ""
}

// compact is the whole checklist on one line: ⏱ 0:42 ✓✓✓✓▸····· 基本信息 › 手机号码
func (v *liveView) compact(rep report.Report, elapsed string, w int) string {
	var marks strings.Builder
	cur := ""
	for _, p := range rep.Pages {
		m, color := pageMark(v.c, p.Status)
		marks.WriteString(color(m))
		if p.Status != report.PagePending && p.Status != report.PageDone {
			cur = p.Title
			if p.Status == report.PageWaiting {
				cur += " ◆ 等待您 your turn"
			} else if v.last != nil && v.page == p.ID {
				cur += " › " + v.last.Label
			}
		}
	}
	head := fmt.Sprintf("⏱ %s ", elapsed)
	if iostreams.Width(head)+len(rep.Pages) > w { // too narrow even for the marks
		return iostreams.Clip(head+cur, w)
	}
	s := head + marks.String()
	if room := w - iostreams.Width(head) - len(rep.Pages) - 1; room > 3 && cur != "" {
		s += " " + iostreams.Clip(cur, room)
	}
	return s
}

func pageMark(c palette, s report.PageStatus) (string, func(string) string) {
	switch s {
	case report.PageDone:
		return "✓", c.green
	case report.PageCurrent:
		return "▸", c.bold
	case report.PageWaiting:
		return "◆", c.yellow
	case report.PageFailed:
		return "✗", c.red
	case report.PageStopped:
		return "■", c.red
	}
	return "·", c.dim
}

// againCommand is the command line that continues this run: the same
// profile and degree, and the same run directory so its state is reused.
func againCommand(o *runOptions, runDir string) string {
	args := []string{"autofill", "--profile", shellQuote(o.ProfilePath)}
	if o.Degree != "" {
		args = append(args, "--degree", shellQuote(o.Degree))
	}
	if o.DryRun {
		args = append(args, "--dry-run")
	}
	return strings.Join(append(args, "--run-dir", shellQuote(runDir)), " ")
}

var plainArg = regexp.MustCompile(`^[A-Za-z0-9._/:@%+=,-]+$`)

func shellQuote(s string) string {
	if plainArg.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shortDur writes 15m rather than 15m0s.
func shortDur(d time.Duration) string {
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

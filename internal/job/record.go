package job

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/logging"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/internal/report/screenshot"
)

// LogFile is the run's log in its run directory: debug level, JSON lines,
// personal data masked, readable by the owner only.
const LogFile = "run.log"

// record is what a job keeps in its run directory besides the engine's
// state: run.log and the run report. It lives apart from Run so that every
// caller (autofill run, autofill batch) gets both without doing anything.
type record struct {
	rep  *report.Recorder
	file *os.File
	log  zerolog.Logger
	red  *profile.Redactor
	dir  string
}

// startRecord opens run.log and starts the report, and rewires s so that
// the engine logs through run.log and its events reach the report.
func startRecord(s *Spec) (*record, error) {
	f, err := os.OpenFile(filepath.Join(s.RunDir, LogFile), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("run log: %w", err)
	}
	if err := f.Chmod(0o600); err != nil { // an older file keeps its mode otherwise
		f.Close()
		return nil, fmt.Errorf("run log: %w", err)
	}
	red := profile.NewRedactor(s.Profile)
	log := logging.Tee(s.Log, f, red.String).With().Str("degree", s.Degree.ID).Logger()
	rec := &record{file: f, log: log, red: red, dir: s.RunDir}
	var pages []report.PageInfo
	if s.Maps != nil {
		pages = report.PagesOf(s.Maps)
	}
	rec.rep = report.New(report.Options{
		Profile: s.Profile, Degree: s.Degree, Pages: pages,
		RunDir: s.RunDir, DryRun: s.Target.Simulated(), Log: log,
	})
	s.Log = log
	for _, n := range s.Notes {
		rec.rep.Emit(portal.Event{Type: portal.EvWarning, Time: time.Now(), Message: n})
	}
	s.Sink = portal.Sinks{rec.rep, logEvents(log, red), s.Sink}
	log.Debug().Str("run_dir", s.RunDir).Bool("dry_run", s.Target.Simulated()).Msg("run started")
	return rec, nil
}

// finish completes and writes the report and closes the log. A report that
// cannot be written is logged and returned: the run then ends as failed.
func (r *record) finish(tab context.Context, res *portal.Result, err error) error {
	if err != nil && tab.Err() == nil && res != nil && res.Page != "" {
		r.stopShot(tab, res.Page)
	}
	r.rep.Finish(res, err, tab.Err() != nil)
	werr := r.rep.Write()
	if werr != nil {
		r.log.Error().Err(werr).Msg("could not write the run report")
	}
	rep := r.rep.Report()
	r.log.Debug().Str("outcome", string(rep.Outcome)).Int("exit_code", rep.ExitCode).Msg("run finished")
	r.file.Close()
	return werr
}

// stopShot keeps the page as it was when the run stopped on it (the
// portal's error messages, the step a person must do), masked like every
// screenshot. The browser may be gone: that is logged, not an error.
func (r *record) stopShot(tab context.Context, page string) {
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	png, err := screenshot.Capture(ctx, r.red.String)
	if err != nil {
		r.log.Debug().Err(err).Msg("no screenshot of the page the run stopped on")
		return
	}
	rel, err := portal.SaveScreenshot(r.dir, page, "-stopped", png)
	if err != nil {
		r.log.Warn().Err(err).Msg("screenshot of the page the run stopped on")
		return
	}
	r.rep.AttachStopShot(page, rel)
}

// logEvents logs every event at debug level, so run.log tells the whole
// run; the console shows the same events through its own display.
func logEvents(log zerolog.Logger, red *profile.Redactor) portal.Sink {
	return portal.SinkFunc(func(e portal.Event) {
		e = report.MaskEvent(red, e)
		ev := log.Debug().Str("event", string(e.Type))
		if e.Page != "" {
			ev = ev.Str("page", e.Page)
		}
		if e.Human != "" {
			ev = ev.Str("human", string(e.Human))
		}
		if e.File != "" {
			ev = ev.Str("file", e.File)
		}
		if e.Screenshot != "" {
			ev = ev.Str("screenshot", e.Screenshot)
		}
		if f := e.Field; f != nil {
			ev = ev.Str("key", f.Key).Str("label", f.Label).Str("status", string(f.Status)).Str("value", f.Value)
			if f.Healed != "" {
				ev = ev.Str("healed", f.Healed)
			}
			if f.Error != "" {
				ev = ev.Str("field_error", f.Error)
			}
		}
		msg := e.Message
		if msg == "" {
			msg = e.Title
		}
		ev.Msg(msg)
	})
}

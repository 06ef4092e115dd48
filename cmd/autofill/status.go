package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/profile"
)

const statusLong = `Log in and read where every application of the account stands: the degree,
the status (未提交, 认证中, 补交材料, 认证完成, 暂不认证), the 预计完成时间, an open
补交材料 request with its kind (add files, re-upload named files, send
something offline, a notice only) and deadline, and whether the electronic
认证书 is ready. autofill opens each row's 查看 page and clicks nothing but
navigation: nothing changes on the portal.

On a terminal it prints a table; otherwise, or with --json, JSON. The report
(report.json) goes to the run directory. For many applicants at once use
` + "`autofill batch status`" + `.

Exit status: 0 read, 1 failure, 2 bad profile or flags, 3 the portal changed
(run autofill check), 4 the captcha was not solved in time.`

const statusExamples = `  # Where do my applications stand? (solve the captcha in the window)
  autofill status --profile me.yaml

  # For scripts: JSON on stdout, the password from the environment
  AUTOFILL_PASSWORD=… autofill status --profile me.yaml --json

  # An agency: every client at once, open 补交材料 requests first
  autofill batch status --passwords passwords.yaml clients/*.yaml`

func newStatusCmd(a *app, runF func(context.Context, *afterOptions) error) *cobra.Command {
	opts := &afterOptions{io: a.io, logTo: a.loggerTo}
	cmd := &cobra.Command{
		Use:     "status --profile FILE",
		Short:   "Read where each application stands after 提交 (read-only)",
		Long:    statusLong,
		Example: statusExamples,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runStatus(cmd.Context(), opts)
		},
	}
	addAfterFlags(cmd.Flags(), opts, "")
	return cmd
}

// statusRow is one application as status and batch status print it.
type statusRow struct {
	Profile          string `json:"profile,omitempty"`
	Degree           string `json:"degree"` // the profile's degree id, else the degree name
	App              string `json:"app"`
	Institution      string `json:"institution"`
	DegreeName       string `json:"degree_name"`
	Status           string `json:"status"`
	Expected         string `json:"expected,omitempty"`
	Request          string `json:"request,omitempty"` // add, reupload, offline, notice
	RequestText      string `json:"request_text,omitempty"`
	Files            string `json:"request_files,omitempty"`
	Deadline         string `json:"deadline,omitempty"`
	DaysLeft         *int   `json:"days_left,omitempty"`
	CertificateReady bool   `json:"certificate_ready"`
	Certificate      string `json:"certificate,omitempty"`
	Error            string `json:"error,omitempty"`
}

func statusRows(p *profile.Profile, file string, apps []*aftercare.Application) []statusRow {
	var out []statusRow
	for _, a := range apps {
		r := statusRow{Profile: file, Degree: degreeIDOf(p, a), App: a.ID, Institution: a.Institution, DegreeName: a.Degree,
			Status: a.Status, Expected: a.Expected, CertificateReady: a.CertificateReady(), Certificate: a.Certificate}
		if a.OpenRequest() {
			q := a.Request
			r.Request, r.RequestText, r.Deadline, r.DaysLeft = string(q.Kind), q.Text, q.Deadline, q.DaysLeft
			for i, f := range q.Files {
				if i > 0 {
					r.Files += "; "
				}
				r.Files += f
			}
		}
		out = append(out, r)
	}
	return out
}

func runStatus(ctx context.Context, o *afterOptions) error {
	r, err := o.start(ctx, "status")
	if err != nil {
		return err
	}
	apps, err := r.sess.Status()
	r.rep.Applications = apps
	if err != nil {
		return r.finish(err)
	}
	rows := statusRows(r.p, "", apps)
	if err := r.finish(nil); err != nil {
		return err
	}
	if o.JSON || !o.io.IsStdoutTTY() {
		return writeJSONTo(o.io.Out, map[string]any{"applications": rows})
	}
	writeStatusTable(o.io.Out, rows, false)
	fmt.Fprintf(o.io.ErrOut, "report: %s\n", r.dir)
	return nil
}

// writeStatusTable prints rows for a person.
func writeStatusTable(w io.Writer, rows []statusRow, withProfile bool) {
	h := []string{"DEGREE", "APPLICATION", "STATUS", "EXPECTED", "REQUEST", "DEADLINE", "认证书"}
	if withProfile {
		h = append([]string{"PROFILE"}, h...)
	}
	t := &textTable{header: h}
	for _, r := range rows {
		deadline := r.Deadline
		if r.DaysLeft != nil {
			deadline += " (" + daysText(*r.DaysLeft) + ")"
		}
		cert := "—"
		if r.CertificateReady {
			cert = r.Certificate
		}
		status := r.Status
		if r.Error != "" {
			status = "error: " + r.Error
		}
		cells := []string{r.Degree, r.App, status, dash(r.Expected), dash(r.Request), dash(deadline), cert}
		if withProfile {
			cells = append([]string{r.Profile}, cells...)
		}
		t.add(cells...)
	}
	t.write(w)
}

func daysText(n int) string {
	switch {
	case n == -1:
		return "1 day late"
	case n < 0:
		return strconv.Itoa(-n) + " days late"
	case n == 1:
		return "1 day left"
	}
	return strconv.Itoa(n) + " days left"
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

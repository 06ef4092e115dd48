package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/exitcode"
)

const certificateLong = `Download the electronic 认证书 of each application that is 认证完成: autofill
logs in, opens the application's 查看 page, downloads the PDF through the
page's own link, checks that it is a readable PDF (pdfcpu), and saves it as
<degree>-<certificate number>.pdf in --out. It prints where each file is.
Nothing changes on the portal.

With --degree only that degree's 认证书 is fetched. Print it or keep the PDF:
the 12-digit number and the QR code let anyone check it with the centre.

Exit status: 0 downloaded, 4 not 认证完成 yet (run again later), 1 failure,
2 bad profile or flags, 3 the portal changed (run autofill check).`

const certificateExamples = `  # Every 认证书 that is ready, into the current folder
  autofill certificate --profile me.yaml

  # One degree's, into a folder of its own
  autofill certificate --profile me.yaml --degree msc --out certificates/

  # An agency: every client's ready 认证书
  autofill batch certificate --passwords passwords.yaml --out certificates/ clients/*.yaml`

type certificateOptions struct {
	afterOptions
	Out string
}

func newCertificateCmd(a *app, runF func(context.Context, *certificateOptions) error) *cobra.Command {
	opts := &certificateOptions{afterOptions: afterOptions{io: a.io, logTo: a.loggerTo}}
	cmd := &cobra.Command{
		Use:     "certificate --profile FILE [--out DIR]",
		Short:   "Download the electronic 认证书 (PDF) once an application is 认证完成",
		Long:    certificateLong,
		Example: certificateExamples,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCertificate(cmd.Context(), opts)
		},
	}
	addAfterFlags(cmd.Flags(), &opts.afterOptions, "fetch only this degree's 认证书 (its id in the profile)")
	cmd.Flags().StringVar(&opts.Out, "out", ".", "the folder to save the PDFs in (created 0700)")
	return cmd
}

func runCertificate(ctx context.Context, o *certificateOptions) error {
	r, err := o.start(ctx, "certificate")
	if err != nil {
		return err
	}
	certs, err := fetchCertificates(r, o.Out)
	r.rep.Certificates = certs
	if err := r.finish(err); err != nil {
		return err
	}
	if o.JSON || !o.io.IsStdoutTTY() {
		return writeJSONTo(o.io.Out, map[string]any{"certificates": certs})
	}
	for _, c := range certs {
		fmt.Fprintf(o.io.Out, "%s  %s (%d pages, %s)\n", c.Path, c.Number, c.Pages, c.Degree)
	}
	return nil
}

// fetchCertificates downloads the ready 认证书 of the run's account (the
// --degree one, or all).
func fetchCertificates(r *afterRun, out string) ([]aftercare.Certificate, error) {
	apps, err := r.sess.Status()
	r.rep.Applications = apps
	if err != nil {
		return nil, err
	}
	want := apps
	if r.o.Degree != "" {
		a, err := r.pickApp(apps, nil, "")
		if err != nil {
			return nil, err
		}
		want = []*aftercare.Application{a}
	}
	var certs []aftercare.Certificate
	var waiting []string
	for _, a := range want {
		if !a.CertificateReady() {
			if r.o.Degree != "" || a.Status == aftercare.StatusDone {
				waiting = append(waiting, fmt.Sprintf("%s %s is %s", a.ID, degreeIDOf(r.p, a), a.Status))
			}
			continue
		}
		c, err := r.sess.Certificate(a, out, safeName(degreeIDOf(r.p, a)+"-"+a.Certificate))
		if err != nil {
			return certs, err
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		if len(waiting) > 0 {
			return nil, exitcode.Errorf(exitcode.Parked, "no 认证书 yet: %v; run again once it is 认证完成 (autofill status shows where it stands)", waiting)
		}
		return nil, exitcode.Errorf(exitcode.Parked, "no application is 认证完成 yet (autofill status shows where each stands)")
	}
	return certs, nil
}

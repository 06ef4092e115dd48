package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/materials"
)

const supplementLong = `Answer a 补交材料 request: autofill logs in, opens the request from the
application's 补材料 action, shows what is asked and its deadline, checks
your files with the same rules as ` + "`autofill materials check`" + ` (and with
--prepare makes upload-ready copies first, like ` + "`autofill materials prepare`" + `),
uploads them, reads the list back after a reload, and stops before the final
提交 — that click is yours, as everywhere else.

The request says what to do:
  add        more files; the ones already on record stay
  reupload   new versions of the named files; exactly those are replaced
             (a file named like the one it replaces goes in its place;
             otherwise give one file per named file, in the order shown)
  offline    send something by post or in person: nothing to upload
  notice     read it: nothing to send

The files come from the command line, else from the profile's supplements:
list for the degree. With several degrees waiting, choose one with --degree.

Exit status: 0 uploaded (or nothing to upload), 1 failure, 2 bad files,
profile or flags, 3 the portal changed (run autofill check).`

const supplementExamples = `  # Re-upload the passport page the centre could not read
  autofill supplement --profile me.yaml passport-bio.jpg

  # Add two transcript pages, converting a phone photo first
  autofill supplement --profile me.yaml --prepare transcript-1.heic transcript-2.jpg

  # Several degrees: say which one the request is for
  autofill supplement --profile me.yaml --degree msc scan.jpg

  # Files listed in the profile (supplements: - degree: msc, files: [...])
  autofill supplement --profile me.yaml`

type supplementOptions struct {
	afterOptions
	Files   []string
	Prepare bool
}

func newSupplementCmd(a *app, runF func(context.Context, *supplementOptions) error) *cobra.Command {
	opts := &supplementOptions{afterOptions: afterOptions{io: a.io, logTo: a.loggerTo}}
	cmd := &cobra.Command{
		Use:     "supplement --profile FILE [--degree ID] [FILE...]",
		Short:   "Answer a 补交材料 request: upload what is asked, stop before 提交",
		Long:    supplementLong,
		Example: supplementExamples,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSupplement(cmd.Context(), opts)
		},
	}
	addAfterFlags(cmd.Flags(), &opts.afterOptions, "the degree the request is for (its id in the profile); needed when several wait")
	cmd.Flags().BoolVar(&opts.Prepare, "prepare", false, "make upload-ready copies first (convert, turn upright, shrink under the limit), like materials prepare")
	return cmd
}

func runSupplement(ctx context.Context, o *supplementOptions) error {
	r, err := o.start(ctx, "supplement")
	if err != nil {
		return err
	}
	ans, err := answerSupplement(r, o)
	r.rep.Supplement = ans
	if shot, serr := r.sess.Screenshot(r.dir); serr == nil && shot != "" {
		r.rep.Screenshots = append(r.rep.Screenshots, shot)
	}
	if ans != nil && err == nil {
		r.rep.Left = supplementLeft(ans)
	}
	if err := r.finish(err); err != nil {
		return err
	}
	if o.JSON || !o.io.IsStdoutTTY() {
		return writeJSONTo(o.io.Out, map[string]any{"supplement": ans, "left": r.rep.Left, "run_dir": r.dir})
	}
	for _, n := range ans.Uploaded {
		fmt.Fprintf(o.io.Out, "uploaded  %s\n", n)
	}
	for _, n := range ans.Already {
		fmt.Fprintf(o.io.Out, "already   %s\n", n)
	}
	for _, l := range r.rep.Left {
		fmt.Fprintf(o.io.Out, "→ %s\n", l)
	}
	fmt.Fprintf(o.io.ErrOut, "report: %s\n", r.dir)
	return nil
}

// supplementLeft is what the person must still do.
func supplementLeft(a *aftercare.Answer) []string {
	by := ""
	if a.Request.Deadline != "" {
		by = " before " + a.Request.Deadline
	}
	switch a.Request.Kind {
	case aftercare.Offline:
		return []string{"Send what the request asks for offline" + by + ": " + a.Request.Text}
	case aftercare.Notice:
		return []string{"Read the notice: " + a.Request.Text}
	}
	return []string{"Check the files on the 补交材料 page and click 提交 yourself" + by + "."}
}

func answerSupplement(r *afterRun, o *supplementOptions) (*aftercare.Answer, error) {
	apps, err := r.sess.List()
	r.rep.Applications = apps
	if err != nil {
		return nil, err
	}
	a, err := r.pickApp(apps, func(a *aftercare.Application) bool {
		return a.Status == aftercare.StatusSupplement
	}, "waiting for 补交材料")
	if err != nil {
		return nil, err
	}
	q, err := r.sess.OpenSupplement(a)
	if err != nil {
		return nil, err
	}
	say := o.io.ErrOut
	fmt.Fprintf(say, "补交材料 for %s (%s, %s): %s\n  %s\n", a.ID, a.Institution, a.Degree, q.Kind, q.Text)
	if q.Deadline != "" {
		left := ""
		if q.DaysLeft != nil {
			left = " (" + daysText(*q.DaysLeft) + ")"
		}
		fmt.Fprintf(say, "  deadline %s%s\n", q.Deadline, left)
	}
	if len(q.Files) > 0 {
		fmt.Fprintf(say, "  to re-upload: %s\n", strings.Join(q.Files, ", "))
	}
	files := o.Files
	if len(files) == 0 {
		files = r.p.SupplementFiles(degreeIDOf(r.p, a))
	}
	if q.Kind == aftercare.Offline || q.Kind == aftercare.Notice {
		return r.sess.AnswerSupplement(a, q, files, nil)
	}
	if len(files) == 0 {
		return nil, exitcode.Errorf(exitcode.BadInput, "the request asks for files (%s): give them on the command line or under supplements: in the profile", q.Text)
	}
	// Which slot's rules each file must meet.
	slotOf := map[string]materials.Slot{}
	var replace map[string]string
	other, _ := materials.SlotByKey("other")
	if q.Kind == aftercare.Reupload {
		if replace, err = aftercare.MatchReupload(q.Files, files); err != nil {
			return nil, err
		}
		labels, err := r.sess.NamedSlots(q.Files)
		if err != nil {
			return nil, err
		}
		for n, f := range replace {
			s, ok := materials.SlotByLabel(labels[n])
			if !ok {
				return nil, exitcode.Errorf(exitcode.Drift, "the portal files %s under %q, which is no upload slot autofill knows", n, labels[n])
			}
			slotOf[f] = s
		}
	} else {
		for _, f := range files {
			slotOf[f] = other
		}
	}
	if o.Prepare {
		prepared, err := prepareEach(files, slotOf, filepath.Join(r.dir, "prepared"))
		if err != nil {
			return nil, err
		}
		for i, f := range files {
			files[i] = prepared[f]
		}
		for n, f := range replace {
			replace[n] = prepared[f]
		}
	}
	if err := checkEach(files, func(f string) materials.Slot {
		for orig, s := range slotOf {
			if orig == f || filepath.Base(orig) == filepath.Base(f) {
				return s
			}
		}
		return other
	}); err != nil {
		return nil, err
	}
	return r.sess.AnswerSupplement(a, q, files, replace)
}

// prepareEach makes upload-ready copies of the files for their slots, like
// materials prepare (one call, so copies of one slot are numbered apart),
// and returns original → prepared path. order keeps the numbering stable.
func prepareEach(order []string, slotOf map[string]materials.Slot, dir string) (map[string]string, error) {
	in := map[string][]string{}
	for _, f := range order {
		k := slotOf[f].Key
		in[k] = append(in[k], f)
	}
	res, err := materials.Prepare(in, dir)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, fs := range in {
		got := res.Files[k]
		for i, f := range fs {
			out[f] = f
			if len(got) == len(fs) {
				out[f] = got[i]
			}
		}
	}
	return out, nil
}

// checkEach checks every file against its slot's rules and reports every
// problem at once.
func checkEach(files []string, slot func(string) materials.Slot) error {
	var probs []string
	for _, f := range files {
		if fd, bad := materials.CheckFile(slot(f), f); bad {
			probs = append(probs, "  "+fd.String())
		}
	}
	if len(probs) > 0 {
		return exitcode.Errorf(exitcode.BadInput, "%d file(s) would be refused:\n%s\nrun again with --prepare to fix what can be fixed", len(probs), strings.Join(probs, "\n"))
	}
	return nil
}

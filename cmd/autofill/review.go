package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/materials"
)

const reviewLong = `Prepare a 复核 (review of the result, e.g. of the 专业领域 wording): autofill
logs in, checks on the application's 查看 page that it is 认证完成, that the
12-month window is still open and that no 复核 was asked for yet (there is
one), makes upload-ready JPG copies of your files (at most 50, each ≤ 1 MB,
converting like ` + "`autofill materials prepare`" + `), opens 复核 from the
application's row, types the reason and saves it (保存), uploads the files,
reads everything back after a reload, and stops before 提交 — the 复核 is
final, so that click is yours.

Exit status: 0 ready for your 提交, 1 failure, 2 not reviewable (window
closed, already reviewed), bad files, profile or flags, 3 the portal changed.`

const reviewExamples = `  # Ask for the 专业领域 to be reviewed, with two supporting scans
  autofill review --profile me.yaml --reason "专业领域应为人工智能，见成绩单" transcript-1.jpg letter.png

  # Several degrees are 认证完成: say which
  autofill review --profile me.yaml --degree msc --reason "…" evidence.jpg`

type reviewOptions struct {
	afterOptions
	Reason string
	Files  []string
}

func newReviewCmd(a *app, runF func(context.Context, *reviewOptions) error) *cobra.Command {
	opts := &reviewOptions{afterOptions: afterOptions{io: a.io, logTo: a.loggerTo}}
	cmd := &cobra.Command{
		Use:     "review --profile FILE --reason TEXT [FILE...]",
		Short:   "Prepare a 复核 of a 认证完成 result: reason and files, stop before 提交",
		Long:    reviewLong,
		Example: reviewExamples,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runReview(cmd.Context(), opts)
		},
	}
	addAfterFlags(cmd.Flags(), &opts.afterOptions, "the degree to review (its id in the profile); needed when several are 认证完成")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why you ask for a review (复核理由), as the centre should read it")
	return cmd
}

func runReview(ctx context.Context, o *reviewOptions) error {
	if strings.TrimSpace(o.Reason) == "" {
		return &flagError{errors.New(`--reason is required: why you ask for a 复核 (e.g. --reason "专业领域应为人工智能")`)}
	}
	if len(o.Files) > aftercare.ReviewMaxFiles {
		return exitcode.Errorf(exitcode.BadInput, "%d files: a 复核 takes at most %d", len(o.Files), aftercare.ReviewMaxFiles)
	}
	r, err := o.start(ctx, "review")
	if err != nil {
		return err
	}
	d, err := prepareReview(r, o)
	r.rep.Review = d
	if shot, serr := r.sess.Screenshot(r.dir); serr == nil && shot != "" {
		r.rep.Screenshots = append(r.rep.Screenshots, shot)
	}
	if err == nil {
		r.rep.Left = []string{"Read 复核需知, check the reason and the files on the 复核 page, and click 提交 yourself (before " + d.Deadline + "); a 复核 can be asked for once."}
	}
	if err := r.finish(err); err != nil {
		return err
	}
	if o.JSON || !o.io.IsStdoutTTY() {
		return writeJSONTo(o.io.Out, map[string]any{"review": d, "left": r.rep.Left, "run_dir": r.dir})
	}
	fmt.Fprintf(o.io.Out, "reason saved; files listed: %s\n", strings.Join(d.Listed, ", "))
	for _, l := range r.rep.Left {
		fmt.Fprintf(o.io.Out, "→ %s\n", l)
	}
	fmt.Fprintf(o.io.ErrOut, "report: %s\n", r.dir)
	return nil
}

func prepareReview(r *afterRun, o *reviewOptions) (*aftercare.ReviewDraft, error) {
	apps, err := r.sess.Status()
	r.rep.Applications = apps
	if err != nil {
		return nil, err
	}
	a, err := r.pickApp(apps, func(a *aftercare.Application) bool { return a.Status == aftercare.StatusDone }, "认证完成")
	if err != nil {
		return nil, err
	}
	if err := r.sess.CanReview(a); err != nil {
		return nil, err
	}
	files := o.Files
	if len(files) > 0 {
		// 复核 files follow the 其他材料 rule (JPG ≤ 1 MB): convert them all.
		other, _ := materials.SlotByKey("other")
		slotOf := map[string]materials.Slot{}
		for _, f := range files {
			slotOf[f] = other
		}
		prepared, err := prepareEach(files, slotOf, filepath.Join(r.dir, "prepared"))
		if err != nil {
			return nil, err
		}
		files = make([]string, len(o.Files))
		for i, f := range o.Files {
			files[i] = prepared[f]
		}
		if err := checkEach(files, func(string) materials.Slot { return other }); err != nil {
			return nil, err
		}
	}
	return r.sess.PrepareReview(a, o.Reason, files)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/interview"
)

// runInterview is `autofill init` on a terminal: the questions of
// internal/interview, a draft kept after every answer, then the profile
// written 0600 and checked by validate and materials check.
func runInterview(o *initOptions) error {
	if o.file == "" {
		o.file = "me.yaml"
	}
	if ext := strings.ToLower(filepath.Ext(o.file)); ext != ".yaml" && ext != ".yml" {
		return exitcode.Errorf(exitcode.BadInput, "%s: the profile is YAML; name the file .yaml (for example me.yaml)", o.file)
	}
	if _, err := os.Stat(o.file); err == nil && !o.force {
		return exitcode.Errorf(exitcode.BadInput, "%s already exists; edit it, or pass --force to answer the questions again and replace it", o.file)
	}
	ctx := o.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	draftPath := interview.DraftPath(o.file)
	answers, err := interview.LoadDraft(draftPath)
	if err != nil {
		return exitcode.Errorf(exitcode.BadInput, "reading your earlier answers: %v; delete %s to start over", err, draftPath)
	}
	out := o.io.ErrOut
	if len(answers) > 0 {
		resume := true
		form := huh.NewForm(huh.NewGroup(huh.NewConfirm().
			Title(fmt.Sprintf("继续上次的回答（%d 项）？ / Continue where you stopped (%d answers in %s)?", len(answers), len(answers), draftPath)).
			Affirmative("是 / yes").Negative("否，重新开始 / no, start over").Value(&resume))).
			WithAccessible(o.accessible).WithInput(o.io.In).WithOutput(out)
		if err := form.RunWithContext(ctx); err != nil {
			return exitcode.With(exitcode.Interrupted, errSilent)
		}
		if !resume {
			answers = nil
		}
	}
	fmt.Fprintf(out, `autofill init: a few questions for your profile, %s. Every answer is checked as you give it.
Ctrl-C keeps your answers; run the same command again to continue.
逐项回答即可，每个回答都会立即检查；按 Ctrl-C 中断时已答内容会保留。
`, o.file)
	answers, err = interview.Run(ctx, interview.Options{In: o.io.In, Out: out, Accessible: o.accessible, Target: o.file, Answers: answers})
	if errors.Is(err, interview.ErrInterrupted) {
		fmt.Fprintf(out, "\nautofill: stopped. Your answers so far (%d) are kept in %s (readable by you only).\nRun `autofill init %s` again to continue. / 已答内容已保存，再次运行即可继续。\n",
			len(answers), draftPath, o.file)
		return exitcode.With(exitcode.Interrupted, errSilent)
	}
	if err != nil {
		return err
	}
	if err := writePrivate(o.file, interview.Render(answers), o.force); err != nil {
		return err
	}
	_ = os.Remove(draftPath)
	fmt.Fprintf(o.io.Out, "\nWrote %s (readable by you only). Checking it:\n\n", o.file)
	verr := runValidate(&validateOptions{io: o.io, files: []string{o.file}})
	fmt.Fprintln(o.io.Out)
	merr := runMaterialsCheck(&materialsCheckOptions{io: o.io, file: o.file})
	fmt.Fprintf(o.io.Out, "\nNext: practise on the simulator: autofill --profile %s --dry-run\n", o.file)
	if verr != nil {
		return verr
	}
	return merr
}

// writePrivate writes data to path readable by the user only; without
// force an existing file is kept.
func writePrivate(path string, data []byte, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return exitcode.Errorf(exitcode.BadInput, "%s already exists; edit it, or pass --force to replace it", path)
	}
	if err != nil {
		return exitcode.Errorf(exitcode.BadInput, "cannot create %s: %v", path, unwrapPath(err))
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// --force over an old file keeps its mode; the profile holds an ID number.
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("making %s private: %w", path, err)
	}
	return nil
}

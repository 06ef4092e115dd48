package interview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"github.com/cscse-tools/autofill/internal/institutions"
	"github.com/cscse-tools/autofill/internal/refdata"
)

// ErrInterrupted is returned when the person stops the interview (Ctrl-C);
// the answers so far are in the draft.
var ErrInterrupted = errors.New("interview interrupted")

// Options configure Run.
type Options struct {
	In  io.Reader
	Out io.Writer
	// Accessible asks line by line in plain text (huh's accessible mode):
	// for screen readers, NO_COLOR and dumb terminals.
	Accessible bool
	Target     string    // the profile file being written (for relative paths and the draft)
	Now        time.Time // zero: today
	// Answers are the answers of a resumed draft.
	Answers Answers
}

// Run asks every question not yet answered, one section at a time, checks
// each answer with the validator as it is given and saves the answers to
// DraftPath(Target) after each one. It returns all answers when done, or
// ErrInterrupted (with the answers so far) when the person stops.
func Run(ctx context.Context, o Options) (Answers, error) {
	a := o.Answers
	if a == nil {
		a = Answers{}
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	section := ""
	for {
		q, ok := Next(a)
		if !ok {
			return a, nil
		}
		if q.Section != section {
			section = q.Section
			fmt.Fprintf(o.Out, "\n== %s ==\n\n", section)
		}
		value, err := ask(ctx, o, a, q, now)
		if err != nil {
			return a, err
		}
		if q.Kind == Institution {
			if listed, ok := institutions.Canonical(q.Country, value); ok && listed != value {
				fmt.Fprintf(o.Out, "→ CSCSE lists it as %s; saved that spelling / 已按留服名单写法保存\n", listed)
				value = listed
			}
		}
		if c, ok := refdata.LookupCountry(value); ok && q.IsCountry {
			value = c.Name
		}
		a[q.ID] = value
		if !o.Accessible {
			// the full-screen form clears itself; keep the answer on screen
			fmt.Fprintf(o.Out, "✓ %s: %s\n", q.Title, shown(q, value))
		}
		if err := SaveDraft(DraftPath(o.Target), a); err != nil {
			return a, fmt.Errorf("keeping your answers: %w", err)
		}
	}
}

// ask runs one question as a form of one field. Ctrl-C in the full-screen
// form aborts it; in accessible mode it is a signal, which ends ctx while
// the form waits for a line, so the form runs beside a watch on ctx.
func ask(ctx context.Context, o Options, a Answers, q Question, now time.Time) (string, error) {
	value := q.Default
	warned := map[string]bool{}
	validate := func(v string) error {
		v = strings.TrimSpace(v)
		if v == "" {
			v = q.Default
		}
		errs, warns := Check(a, q, v, o.Target, now)
		if len(errs) > 0 {
			return errors.New(Describe(errs))
		}
		if len(warns) > 0 && !warned[v] {
			warned[v] = true
			return errors.New(Describe(warns) + "\n再次输入相同内容以保留 / enter the same answer again to keep it")
		}
		return nil
	}
	title := q.Title
	if q.Default != "" && q.Kind != Choice && q.Kind != YesNo {
		title += " [" + q.Default + "]"
	}
	if o.Accessible && q.Help != "" {
		// huh's plain mode shows titles only.
		fmt.Fprintf(o.Out, "(%s)\n", q.Help)
	}
	var field huh.Field
	var yesNo bool
	switch q.Kind {
	case Choice:
		opts := make([]huh.Option[string], len(q.Options))
		for i, op := range q.Options {
			opts[i] = huh.NewOption(op.Label, op.Value)
		}
		field = huh.NewSelect[string]().Title(title).Description(q.Help).Options(opts...).
			Filtering(len(opts) > 10).Height(min(len(opts)+2, 12)).Value(&value).Validate(validate)
	case YesNo:
		yesNo = value == yes
		field = huh.NewConfirm().Title(title).Description(q.Help).Affirmative("是 / yes").Negative("否 / no").Value(&yesNo).
			Validate(func(b bool) error { return validate(map[bool]string{true: yes, false: no}[b]) })
	default:
		in := huh.NewInput().Title(title).Description(q.Help).Value(&value).Validate(validate)
		if len(q.Suggest) > 0 {
			in.Suggestions(q.Suggest)
		}
		field = in
	}
	form := huh.NewForm(huh.NewGroup(field)).WithAccessible(o.Accessible).WithShowHelp(!o.Accessible)
	if o.In != nil {
		form = form.WithInput(o.In)
	}
	if o.Out != nil {
		form = form.WithOutput(o.Out)
	}
	done := make(chan error, 1)
	go func() { done <- form.RunWithContext(ctx) }()
	select {
	case err := <-done:
		if errors.Is(err, huh.ErrUserAborted) || ctx.Err() != nil {
			return "", ErrInterrupted
		}
		if err != nil {
			return "", err
		}
	case <-ctx.Done():
		if !o.Accessible {
			<-done // the full-screen form ends with ctx and gives the terminal back
		}
		return "", ErrInterrupted
	}
	if q.Kind == YesNo {
		value = map[bool]string{true: yes, false: no}[yesNo]
	}
	value = strings.TrimSpace(value)
	if value == "" {
		value = q.Default
	}
	return value, nil
}

// shown is an answer as the person chose it: the option's label, or the value.
func shown(q Question, value string) string {
	for _, op := range q.Options {
		if op.Value == value {
			return op.Label
		}
	}
	return value
}

package main

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// parse runs a command built with a runF that keeps its options instead of
// running: flags → options, without a browser or a portal.
func parse[T any](t *testing.T, newCmd func(*app, func(context.Context, *T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var got *T
	cmd := newCmd(newApp(ios), func(_ context.Context, o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	if err == nil && got == nil {
		t.Fatalf("%v: runF was not called", args)
	}
	return got, err
}

// withCtx adapts a command whose run function takes no context.
func withCtx[T any](newCmd func(*app, func(*T) error) *cobra.Command) func(*app, func(context.Context, *T) error) *cobra.Command {
	return func(a *app, runF func(context.Context, *T) error) *cobra.Command {
		return newCmd(a, func(o *T) error { return runF(context.Background(), o) })
	}
}

func TestRunFlagsToOptions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want func(o *runOptions) any
		is   any
	}{
		{[]string{"--profile", "me.yaml"}, func(o *runOptions) any { return []any{o.ProfilePath, o.BaseURL, o.Wait, o.DryRun} },
			[]any{"me.yaml", DefaultBaseURL, 15 * time.Minute, false}},
		{[]string{"-p", "me.yaml", "--degree", "msc", "--dry-run", "--show", "--variant", "v2"},
			func(o *runOptions) any { return []any{o.Degree, o.DryRun, o.Show, o.Variant} }, []any{"msc", true, true, "v2"}},
		{[]string{"-p", "me.yaml", "--json", "--quiet", "--wait", "5m", "--run-dir", "runs/x", "--prune", "--env-overrides", "--accept-name-form"},
			func(o *runOptions) any {
				return []any{o.JSON, o.Quiet, o.Wait, o.RunDir, o.Prune, o.EnvOverrides, o.NameForm}
			},
			[]any{true, true, 5 * time.Minute, "runs/x", true, true, true}},
		{[]string{"-p", "me.yaml", "--remote-url", "http://127.0.0.1:9222", "--chrome", "/usr/bin/chromium", "--user-data-dir", "ud", "--headless", "--selectors", "sel"},
			func(o *runOptions) any { return []any{o.RemoteURL, o.Chrome, o.UserDataDir, o.Headless, o.Selectors} },
			[]any{"http://127.0.0.1:9222", "/usr/bin/chromium", "ud", true, "sel"}},
		{[]string{"-p", "me.yaml", "--dry-run", "--pages", "saved"}, func(o *runOptions) any { return o.Pages }, "saved"},
	} {
		o, err := parse(t, newRunCmd, c.args...)
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if got := c.want(o); !reflect.DeepEqual(got, c.is) {
			t.Errorf("%v: got %v, want %v", c.args, got, c.is)
		}
		if o.io == nil || o.logTo == nil {
			t.Errorf("%v: the streams or the logger are not in the options", c.args)
		}
	}
}

func TestBatchFlagsToOptions(t *testing.T) {
	o, err := parse(t, newBatchCmd, "a.yaml", "b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o.Profiles, []string{"a.yaml", "b.yaml"}) || o.Wait != batch.DefaultWait || o.Retries != 1 || o.Parallel < 1 || o.BaseURL != DefaultBaseURL {
		t.Errorf("defaults: %+v", o)
	}
	o, err = parse(t, newBatchCmd, "--parallel", "3", "--dry-run", "--retries", "0", "--max-open", "9", "--plain", "--show",
		"--passwords", "pw.yaml", "--run-dir", "runs/b", "--wait", "2m", "--variant", "v2", "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := []any{o.Parallel, o.DryRun, o.Retries, o.MaxOpen, o.Plain, o.Show, o.Passwords, o.RunDir, o.Wait, o.Variant, o.Profiles}
	want := []any{3, true, 0, 9, true, true, "pw.yaml", "runs/b", 2 * time.Minute, "v2", []string{"c.yaml"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	var fe *flagError
	if _, err := parse(t, newBatchCmd); !errors.As(err, &fe) {
		t.Errorf("no profiles: %v, want a usage error", err)
	}
}

func TestCheckFlagsToOptions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want func(o *checkOptions) any
		is   any
	}{
		{nil, func(o *checkOptions) any { return []any{o.Selectors, o.Recordings, o.Live, o.pages.Dir} }, []any{"", "", false, ""}},
		{[]string{"--recordings", "rec", "--selectors", "sel", "--json", "--chrome", "c"},
			func(o *checkOptions) any { return []any{o.Recordings, o.Selectors, o.JSON, o.Chrome} }, []any{"rec", "sel", true, "c"}},
		{[]string{"--live", "--profile", "me.yaml", "--wait", "3m"},
			func(o *checkOptions) any { return []any{o.Live, o.live.ProfilePath, o.live.Wait} }, []any{true, "me.yaml", 3 * time.Minute}},
		{[]string{"--profile", "me.yaml", "--pages", "saved", "--degree", "msc", "--env-overrides"},
			func(o *checkOptions) any { return []any{o.live.ProfilePath, o.pages} },
			[]any{"me.yaml", checkPagesOptions{Dir: "saved", Degree: "msc", EnvOverrides: true}}},
	} {
		o, err := parse(t, newCheckCmd, c.args...)
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if got := c.want(o); !reflect.DeepEqual(got, c.is) {
			t.Errorf("%v: got %v, want %v", c.args, got, c.is)
		}
	}
}

func TestValidateFlagsToOptions(t *testing.T) {
	o, err := parse(t, withCtx(newValidateCmd), "--json", "--explain", "a.yaml", "b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !o.json || !o.explain || !reflect.DeepEqual(o.files, []string{"a.yaml", "b.yaml"}) {
		t.Errorf("%+v", o)
	}
	var fe *flagError
	if _, err := parse(t, withCtx(newValidateCmd)); !errors.As(err, &fe) {
		t.Errorf("no files: %v, want a usage error", err)
	}
}

// The after-submission commands share afterOptions; each adds its own.
func TestAfterFlagsToOptions(t *testing.T) {
	common := []string{"--profile", "me.yaml", "--headless", "--json", "--run-dir", "r", "--wait", "1m", "--base-url", "http://x/"}
	check := func(name string, a afterOptions) {
		t.Helper()
		if a.ProfilePath != "me.yaml" || !a.Headless || !a.JSON || a.RunDir != "r" || a.Wait != time.Minute || a.BaseURL != "http://x/" || a.io == nil {
			t.Errorf("%s: %+v", name, a)
		}
	}
	st, err := parse(t, newStatusCmd, common...)
	if err != nil {
		t.Fatal(err)
	}
	check("status", *st)
	cert, err := parse(t, newCertificateCmd, append(common, "--out", "pdfs", "--degree", "msc")...)
	if err != nil {
		t.Fatal(err)
	}
	check("certificate", cert.afterOptions)
	if cert.Out != "pdfs" || cert.Degree != "msc" {
		t.Errorf("certificate: %+v", cert)
	}
	sup, err := parse(t, newSupplementCmd, append(common, "--prepare", "a.pdf", "b.pdf")...)
	if err != nil {
		t.Fatal(err)
	}
	check("supplement", sup.afterOptions)
	if !sup.Prepare || !reflect.DeepEqual(sup.Files, []string{"a.pdf", "b.pdf"}) {
		t.Errorf("supplement: %+v", sup)
	}
	rev, err := parse(t, newReviewCmd, append(common, "--reason", "wrong name", "c.pdf")...)
	if err != nil {
		t.Fatal(err)
	}
	check("review", rev.afterOptions)
	if rev.Reason != "wrong name" || !reflect.DeepEqual(rev.Files, []string{"c.pdf"}) {
		t.Errorf("review: %+v", rev)
	}
	bs, err := parse(t, newBatchStatusCmd, "--passwords", "pw.csv", "--parallel", "2", "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if bs.Passwords != "pw.csv" || bs.Parallel != 2 || !reflect.DeepEqual(bs.Profiles, []string{"a.yaml"}) {
		t.Errorf("batch status: %+v", bs)
	}
	bc, err := parse(t, newBatchCertificateCmd, "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if bc.Out != "certificates" || bc.Parallel != 4 {
		t.Errorf("batch certificate defaults: %+v", bc)
	}
}

func TestToolFlagsToOptions(t *testing.T) {
	rep, err := parse(t, withCtx(newReportCmd), "--runs", "r", "--print", "runs/x")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Dir != "runs/x" || rep.Runs != "r" || !rep.Print || rep.JSON {
		t.Errorf("report: %+v", rep)
	}
	rec, err := parse(t, newRecordCmd, "--sim", "--out", "rec", "--variant", "v2", "--timeout", "30s", "-p", "me.yaml", "--reveal")
	if err != nil {
		t.Fatal(err)
	}
	if got := []any{rec.Sim, rec.Out, rec.Variant, rec.Timeout, rec.Profile, rec.Reveal, rec.BaseURL}; !reflect.DeepEqual(got,
		[]any{true, "rec", "v2", 30 * time.Second, "me.yaml", true, DefaultBaseURL}) {
		t.Errorf("record: %v", got)
	}
	sim, err := parse(t, newSimCmd, "--addr", "127.0.0.1:0", "--demo", "--sso-addr", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	if sim.addr != "127.0.0.1:0" || !sim.demo || sim.ssoAddr != "127.0.0.1:1" || sim.log == nil {
		t.Errorf("sim: %+v", sim)
	}
	pr, err := parse(t, newProbeCmd, "--profile", "me.yaml", "--out", "ov", "--bundle", "b.zip", "--login-url", "http://sso/")
	if err != nil {
		t.Fatal(err)
	}
	if pr.ProfilePath != "me.yaml" || pr.Out != "ov" || pr.Bundle != "b.zip" || pr.LoginURL != "http://sso/" || pr.Wait != 15*time.Minute {
		t.Errorf("probe: %+v", pr)
	}
}

package probe_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/probe"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/recordings"
	"github.com/cscse-tools/autofill/selectors"
)

// changed is a portal the built-in maps do not know: classes renamed, the
// phone field relabelled (its placeholder still names it) and 下一步 reads
// 下一页.
var changed = portalsim.Options{Demo: true, RenameClasses: true,
	Drift: &portalsim.Drift{Retext: map[string]string{`label="手机号码"`: `label="手机号"`, `>下一步<`: `>下一页<`}}}

// The cycle a first applicant goes through: probe on a changed portal
// writes overrides without touching the draft, and the next run with them
// reaches a ready draft whose accepted record equals the profile. An
// ambiguous field is listed with both candidates and not written.
func TestProbeThenRun(t *testing.T) {
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	sim := simtest.Start(t, changed)

	before := stateJSON(t, sim)
	res := probeSim(t, b, sim, maps)
	if after := stateJSON(t, sim); after != before {
		t.Errorf("probe changed the simulator's state:\nbefore %s\nafter  %s", before, after)
	}
	want := map[string]bool{"label 手机号码 → 手机号": false, "text 下一步 → 下一页": false}
	for _, p := range res.Proposals {
		k := fmt.Sprintf("%s %s → %s", p.Change, p.Old, p.New)
		if _, ok := want[k]; ok {
			want[k] = true
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no proposal %s; proposals: %v", k, res.Proposals)
		}
	}
	for _, d := range res.Decisions {
		if d.Page != "confirm" { // 本人承诺 is the person's tick: its selector is only looked at
			t.Errorf("needs a decision, though a person can place it: %s", d)
		}
	}
	dir := t.TempDir()
	files, err := probe.WriteOverrides(dir, maps, res.Proposals, "# test\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no override files written")
	}
	next, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := next.Overlay(os.DirFS(dir), dir); err != nil {
		t.Fatal(err)
	}
	if f := field(next.Get("basic-info"), "applicant.phone"); f.Label != "手机号" {
		t.Errorf("overridden phone label %q", f.Label)
	}

	p := loadProfile(t)
	_, pw, err := dryrun.Register(sim.Server, p, next)
	if err != nil {
		t.Fatal(err)
	}
	tab, cancel := b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	r, err := portal.Run(ctx, portal.Options{Profile: p, Maps: next, BaseURL: sim.URL + "/", RunDir: t.TempDir(),
		Password: func(context.Context) (string, error) { return pw, nil }, Wait: time.Minute})
	if err != nil || !r.Ready {
		t.Fatalf("run with the overrides: ready %v, exit %d: %v", r != nil && r.Ready, exitcode.Of(err), err)
	}
	st := sim.State(p.Account.Username)
	if len(st.Applications) != 1 {
		t.Fatalf("%d applications", len(st.Applications))
	}
	d, _ := p.Degree("")
	diffs, n := dryrun.Compare(dryrun.Expected(p, d, next), st.Applications[0].Accepted)
	for _, df := range diffs {
		t.Errorf("accepted differs: %s", df)
	}
	if n < 40 || st.SubmitAttempts != 0 || st.PaymentAttempts != 0 {
		t.Errorf("%d fields compared; %d submit and %d payment attempts", n, st.SubmitAttempts, st.PaymentAttempts)
	}

	// The person probes their own filled draft and sends the bundle: no
	// value of their profile is in any file of it.
	t.Run("bundle", func(t *testing.T) {
		secrets := probe.SecretTexts(p, recordings.FS)
		res, rec := probeAs(t, b, sim, next, p.Account.Username, pw, secrets, nil)
		zipPath := filepath.Join(t.TempDir(), "bundle.zip")
		bun := &probe.Bundle{Result: res, Recordings: rec, Overrides: files, Tool: "test", Secrets: secrets, Now: time.Now()}
		if err := bun.Write(zipPath); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.OpenReader(zipPath)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		names := map[string]bool{}
		for _, f := range zr.File {
			names[f.Name] = true
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range profileStrings(t, p) {
				if strings.Contains(string(data), v) {
					t.Errorf("PRIVACY: %s holds the profile's %q", f.Name, v)
				}
			}
		}
		for _, n := range []string{"README.txt", "drift.json", "proposals.txt", "VERSION", "VARIANT", "recordings/manifest.yaml", "recordings/basic-info.html"} {
			if !names[n] {
				t.Errorf("the bundle has no %s", n)
			}
		}
		if len(names) < 15 {
			t.Errorf("only %d files in the bundle", len(names))
		}
	})

	// A page the maps cannot place stops the run at once with what it
	// shows and the advice to probe, instead of waiting for the person.
	t.Run("unknown page", func(t *testing.T) {
		sim := simtest.Start(t, portalsim.Options{Demo: true, Drift: &portalsim.Drift{Retext: map[string]string{"page page-apply-type": "page page-kind"}}})
		p := loadProfile(t)
		_, pw, err := dryrun.Register(sim.Server, p, maps)
		if err != nil {
			t.Fatal(err)
		}
		tab, cancel := b.NewIsolatedTab()
		defer cancel()
		ctx, stop := context.WithTimeout(tab, 3*time.Minute)
		defer stop()
		_, err = portal.Run(ctx, portal.Options{Profile: p, Maps: maps, BaseURL: sim.URL + "/", RunDir: t.TempDir(),
			Password: func(context.Context) (string, error) { return pw, nil }, Wait: time.Minute, StepTimeout: 10 * time.Second})
		var ue *portal.UnknownPageError
		if !errors.As(err, &ue) || exitcode.Of(err) != exitcode.Drift {
			t.Fatalf("want an unknown page (exit 3), got exit %d: %v", exitcode.Of(err), err)
		}
		if !slices.Contains(ue.Seen.Headings, "申请类型") || !strings.Contains(err.Error(), "autofill probe") {
			t.Errorf("the stop does not say what it saw or suggest probe: %v", err)
		}
	})

	t.Run("ambiguous", func(t *testing.T) {
		sim := simtest.Start(t, portalsim.Options{Demo: true, RenameClasses: true, DuplicateLabel: "学位外文名称"})
		a := portalsim.DemoAccount
		// The person opens a page no map knows, then presses Enter.
		person := func(ctx context.Context) {
			_ = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.href = "/user/nowhere"`))
		}
		res, _ := probeAs(t, b, sim, maps, a.Username, a.Password, []string{a.Name, a.IDNumber, a.Username}, person)
		if u := res.Unknown(); len(u) != 1 || u[0].Page != "unknown-1" {
			t.Errorf("the page the person opened is not reported as unknown: %+v", u)
		}
		var dec *probe.Decision
		for i, d := range res.Decisions {
			if d.Label == "学位外文名称" {
				dec = &res.Decisions[i]
			}
		}
		if dec == nil || len(dec.Candidates) != 2 {
			t.Fatalf("学位外文名称 is not listed with two candidates: %v", res.Decisions)
		}
		for _, p := range res.Proposals {
			if p.Key == dec.Key {
				t.Errorf("an ambiguous field was proposed: %s", p)
			}
		}
	})
}

// probeSim logs a fresh tab in as the demo account (the person's part) and
// probes the simulator.
func probeSim(t *testing.T, b *browser.Browser, sim *simtest.Sim, maps *pagemap.Set) *probe.Result {
	t.Helper()
	a := portalsim.DemoAccount
	res, _ := probeAs(t, b, sim, maps, a.Username, a.Password, []string{a.Name, a.IDNumber, a.Username}, nil)
	return res
}

// probeAs probes the simulator logged in as user; it returns the result and
// the recordings' directory.
// person, when set, plays the person's last phase in the tab: it opens a
// page no map knows, and once that is recorded the person is done.
func probeAs(t *testing.T, b *browser.Browser, sim *simtest.Sim, maps *pagemap.Set, user, pw string, values []string,
	person func(ctx context.Context)) (*probe.Result, string) {
	t.Helper()
	tab, cancel := b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	login := fmt.Sprintf(`fetch("/api/login", {method: "POST", headers: {"Content-Type": "application/json"},
	  body: JSON.stringify({username: %q, password: %q})}).then((r) => r.status)`, user, pw)
	if err := chromedp.Do(ctx, chromedp.Navigate(sim.URL+"/login")); err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](login, chromedp.EvalAwaitPromise))
	if err != nil || status != 200 {
		t.Fatalf("logging in the demo account: HTTP %d, %v", status, err)
	}
	rec := t.TempDir()
	o := probe.Options{Maps: maps, BaseURL: sim.URL + "/", Recordings: rec, Values: values,
		Say: func(f string, a ...any) { t.Logf(f, a...) }}
	if person != nil {
		done := make(chan struct{})
		var once sync.Once
		o.Done = done
		o.Say = func(f string, a ...any) {
			t.Logf(f, a...)
			switch {
			case strings.HasPrefix(f, "Open any other page"):
				go person(ctx)
			case strings.Contains(f, "no page map recognises"):
				once.Do(func() { close(done) })
			}
		}
	}
	res, err := probe.Probe(ctx, o)
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	for _, p := range res.Proposals {
		t.Logf("proposal: %s", p)
	}
	for _, d := range res.Decisions {
		t.Logf("decision: %s", d)
	}
	return res, rec
}

func stateJSON(t *testing.T, sim *simtest.Sim) string {
	b, err := json.Marshal(sim.State(portalsim.DemoAccount.Username))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func field(m *pagemap.Map, key string) pagemap.Field {
	for _, f := range m.Fields {
		if f.Key == key {
			return f
		}
	}
	return pagemap.Field{}
}

func loadProfile(t *testing.T) *profile.Profile {
	p, err := profile.Load(filepath.Join("..", "..", "examples", "me.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p.Consent.ServiceAgreement = true
	return p
}

// profileStrings is every string value of the profile a person could be
// told by: what the portal shows everyone (the built-in recordings: 英国,
// 硕士…) and short Latin texts (GB, 10) are not.
func profileStrings(t *testing.T, p *profile.Profile) []string {
	var n yaml.Node
	if err := n.Encode(p); err != nil {
		t.Fatal(err)
	}
	var public strings.Builder
	_ = fs.WalkDir(recordings.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(recordings.FS, path)
			public.Write(b)
		}
		return nil
	})
	var out []string
	var walk func(n *yaml.Node, key bool)
	walk = func(n *yaml.Node, key bool) {
		v := strings.TrimSpace(n.Value)
		runes := len([]rune(v))
		if n.Kind == yaml.ScalarNode && !key && n.Tag == "!!str" && (runes >= 5 || runes >= 2 && len(v) > runes) && !strings.Contains(public.String(), v) {
			out = append(out, v)
		}
		for i, c := range n.Content {
			walk(c, n.Kind == yaml.MappingNode && i%2 == 0)
		}
	}
	walk(&n, false)
	if len(out) < 10 {
		t.Fatalf("only %d profile values to look for: %v", len(out), out)
	}
	return out
}

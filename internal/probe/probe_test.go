package probe_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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
	"github.com/cscse-tools/autofill/selectors"
)

// changed is a portal the built-in maps do not know: classes renamed, the
// phone field relabelled (its placeholder still names it) and 下一步 reads
// 下一页.
var changed = portalsim.Options{Demo: true, RenameClasses: true,
	Retext: map[string]string{`label="手机号码"`: `label="手机号"`, `>下一步<`: `>下一页<`}}

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

	t.Run("ambiguous", func(t *testing.T) {
		sim := simtest.Start(t, portalsim.Options{Demo: true, RenameClasses: true, DuplicateLabel: "学位外文名称"})
		res := probeSim(t, b, sim, maps)
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
	tab, cancel := b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	a := portalsim.DemoAccount
	login := fmt.Sprintf(`fetch("/api/login", {method: "POST", headers: {"Content-Type": "application/json"},
	  body: JSON.stringify({username: %q, password: %q})}).then((r) => r.status)`, a.Username, a.Password)
	if err := chromedp.Do(ctx, chromedp.Navigate(sim.URL+"/login")); err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](login, chromedp.EvalAwaitPromise))
	if err != nil || status != 200 {
		t.Fatalf("logging in the demo account: HTTP %d, %v", status, err)
	}
	rec := t.TempDir()
	res, err := probe.Probe(ctx, probe.Options{Maps: maps, BaseURL: sim.URL + "/", Recordings: rec, Values: []string{a.Name, a.IDNumber, a.Username},
		Say: func(f string, a ...any) { t.Logf(f, a...) }})
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	for _, p := range res.Proposals {
		t.Logf("proposal: %s", p)
	}
	for _, d := range res.Decisions {
		t.Logf("decision: %s", d)
	}
	return res
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

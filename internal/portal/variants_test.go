package portal_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// fixture is one fictional applicant of examples/.
type fixture struct {
	file, degree string
}

var fixtures = map[string]fixture{
	"id card":    {"../../examples/me.yaml", ""},
	"passport":   {"../../examples/passport.yaml", "msc"},
	"hk permit":  {"../../examples/hk-permit.yaml", ""},
	"no records": {"../../examples/no-records.yaml", ""},
}

// The portal in every form public evidence allows: every preset with every
// fixture applicant, every single knob with one. Each reaches a ready draft
// whose accepted record equals the profile field by field, without a
// submit, a payment or a click on a skip/fallback control. One browser
// serves every run, each in its own tab; cells run side by side (-parallel,
// GOMAXPROCS by default), so the 18 runs of ~20 s take about 5 min on 2 cores.
func TestVariantMatrix(t *testing.T) {
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	type cell struct {
		name    string
		variant portalsim.Variant
		who     []string
	}
	var cells []cell
	all := []string{"id card", "passport", "hk permit", "no records"}
	only := os.Getenv("AUTOFILL_MATRIX") // e.g. "knob/sso": run one cell while iterating
	for _, name := range portalsim.PresetNames() {
		if name == "classic" || name == portalsim.DefaultPreset {
			cells = append(cells, cell{"preset/" + name, portalsim.Presets[name], all})
		}
	}
	for _, k := range portalsim.KnobNames() {
		v, _ := portalsim.Knob(k)
		who := []string{"id card"}
		switch k {
		case "no_records":
			who = []string{"no records"}
		case "old_verify": // both of the older page's paths
			who = []string{"no records", "id card"}
		case "foreign_ids":
			who = []string{"hk permit"}
		}
		cells = append(cells, cell{"knob/" + k, v, who})
	}
	for _, c := range cells {
		if only != "" && !strings.HasPrefix(c.name, only) {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // cells wait on the simulator's person as much as they compute
			h := &harness{t: t, sim: simtest.Start(t, portalsim.Options{Demo: true, Variant: c.variant}),
				maps: maps, b: b, pw: map[string]string{}}
			t.Cleanup(h.assertNeverSubmitted)
			t.Cleanup(func() { assertNoSkipClicks(t, h) })
			for _, who := range c.who {
				t.Run(who, func(t *testing.T) {
					h.t = t
					f := fixtures[who]
					p := loadFixture(t, f.file)
					v := c.variant
					var before portalsim.State
					if v.Returning { // 我的申请 holds other degrees' rows from the start
						h.register(p)
						before = h.sim.State(p.Account.Username)
					}
					res, rec, err := h.run(p, func(o *portal.Options) { o.DegreeID = f.degree })
					mustReady(t, res, err)
					d, _ := p.Degree(f.degree)
					app := assertAcceptedOf(t, h, p, d)
					if v.Returning {
						assertRowsUntouched(t, before, h.sim.State(p.Account.Username), app.ID)
					}
					skips := p.Applicant.Verification == "no_records" && (v.NoRecords || v.OldVerify)
					noFace := v.ForeignIDs && p.Applicant.IDType != "id_card"
					if app.RecordsRequired != (skips || noFace) {
						t.Errorf("出入境记录 required: %v, want %v", app.RecordsRequired, skips || noFace)
					}
					if skips && !humanAsked(rec, "no_records") {
						t.Error("the person was not told to choose the no-records path themselves")
					}
					if v.SignOnline && (!app.Signed || !humanAsked(rec, "sign_authorization")) {
						t.Errorf("授权声明 signed %v; the person asked to sign: %v", app.Signed, humanAsked(rec, "sign_authorization"))
					}
				})
			}
		})
	}
}

// assertRowsUntouched checks that every application other than own is as it
// was before the run, and that the run made exactly one application.
func assertRowsUntouched(t *testing.T, before, after portalsim.State, own string) {
	t.Helper()
	if len(before.Applications) == 0 {
		t.Fatal("the returning applicant's 我的申请 was empty before the run")
	}
	if len(after.Applications) != len(before.Applications)+1 {
		t.Errorf("%d applications before, %d after; want exactly one more", len(before.Applications), len(after.Applications))
	}
	was := map[string]string{}
	for _, a := range before.Applications {
		b, _ := json.Marshal(a)
		was[a.ID] = string(b)
	}
	for _, a := range after.Applications {
		if a.ID == own {
			continue
		}
		b, _ := json.Marshal(a)
		if w, ok := was[a.ID]; ok && w != string(b) {
			t.Errorf("application %s (%s) changed:\nbefore %s\nafter  %s", a.ID, a.Status, w, b)
		}
	}
}

func loadFixture(t *testing.T, file string) *profile.Profile {
	t.Helper()
	p, err := profile.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	p.Consent.ServiceAgreement = true
	return p
}

// assertAcceptedOf compares what the simulator saved for degree d with the
// profile, in the terms of the simulator's variant.
func assertAcceptedOf(t *testing.T, h *harness, p *profile.Profile, d *profile.Degree) portalsim.AppState {
	t.Helper()
	st := h.sim.State(p.Account.Username)
	for _, a := range st.Applications {
		if a.Accepted.Degree["学位外文名称"] != d.DegreeName {
			continue
		}
		diffs, n := dryrun.Compare(h.sim.Server.Expect(dryrun.Expected(p, d, h.maps), a), a.Accepted)
		for _, df := range diffs {
			t.Errorf("accepted differs: %s", df)
		}
		if n < 30 {
			t.Errorf("only %d fields compared", n)
		}
		return a
	}
	t.Fatalf("no application for %s", d.DegreeName)
	return portalsim.AppState{}
}

func humanAsked(rec *portal.Recorder, step string) bool {
	for _, e := range rec.Events() {
		if e.Type == portal.EvHuman && string(e.Human) == step {
			return true
		}
	}
	return false
}

func assertNoSkipClicks(t *testing.T, h *harness) {
	for user := range h.pw {
		if st := h.sim.State(user); st.SkipClicks != 0 {
			t.Errorf("SAFETY: %s: the page saw %d clicks on a skip/fallback control", user, st.SkipClicks)
		}
	}
}

// Registration drops · and spaces from a name: the guard says the names
// differ in form only and stops until the person accepts that form; then
// the run goes on. (A different ID number always stops: TestWrongAccount….)
func TestNameFormOnly(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	p := example(t, func(p *profile.Profile) {
		p.Applicant.Name = "阿依古丽·买买提"
		p.Account.Username = "ayi@example.com"
	})
	registered := *p
	registered.Applicant.Name = "阿依古丽买买提"
	h.register(&registered)
	_, _, err := h.run(p, nil)
	var ie *portal.IdentityError
	if !errors.As(err, &ie) || !ie.FormOnly || !strings.Contains(err.Error(), "--accept-name-form") {
		t.Fatalf("want a form-only identity stop naming --accept-name-form, got %v", err)
	}
	p.Applicant.AcceptNameForm = true
	res, _, err := h.run(p, nil)
	mustReady(t, res, err)
}

package portal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// harness is one simulator and one browser; each run gets its own isolated
// tab, as a batch applicant would.
type harness struct {
	t    *testing.T
	sim  *simtest.Sim
	maps *pagemap.Set
	b    *browser.Browser
	pw   map[string]string
	tab  context.Context // the tab of the current run, for tests that play the person
}

// newHarness starts a demo simulator: no captcha, and the face and code
// steps complete by themselves.
func newHarness(t *testing.T, o portalsim.Options) *harness {
	o.Demo = true
	return startHarness(t, o)
}

func startHarness(t *testing.T, o portalsim.Options) *harness {
	t.Helper()
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sim: simtest.Start(t, o), maps: maps, b: browsertest.Start(t), pw: map[string]string{}}
	t.Cleanup(h.assertNeverSubmitted)
	return h
}

// example loads the fictional applicant and lets a test change it; the
// result must still be a valid profile, so variants stay realistic.
func example(t testing.TB, change func(p *profile.Profile)) *profile.Profile {
	t.Helper()
	p, err := profile.Load("../../examples/me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.Consent.ServiceAgreement = true
	if change != nil {
		change(p)
	}
	for _, q := range profile.Validate(p) {
		if q.Severity == profile.Error {
			t.Fatalf("variant profile is invalid: %s", q)
		}
	}
	return p
}

func (h *harness) register(p *profile.Profile) {
	h.t.Helper()
	if _, ok := h.pw[p.Account.Username]; ok {
		return
	}
	_, pw, err := dryrun.Register(h.sim.Server, p, h.maps)
	if err != nil {
		h.t.Fatal(err)
	}
	h.pw[p.Account.Username] = pw
}

func (h *harness) run(p *profile.Profile, tweak func(*portal.Options)) (*portal.Result, *portal.Recorder, error) {
	h.t.Helper()
	h.register(p)
	tab, cancel := h.b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	h.tab = ctx
	rec := &portal.Recorder{}
	pw := h.pw[p.Account.Username]
	o := portal.Options{
		Profile: p, Maps: h.maps, BaseURL: h.sim.URL + "/", RunDir: h.t.TempDir(),
		Password: func(context.Context) (string, error) { return pw, nil },
		Wait:     time.Minute, Sink: rec,
	}
	if tweak != nil {
		tweak(&o)
	}
	res, err := portal.Run(ctx, o)
	if res != nil && len(res.Faults) > 0 {
		h.t.Errorf("autofill's page functions threw: %q", res.Faults)
	}
	return res, rec, err
}

// assertAccepted compares what the simulator saved with the profile, field
// by field, and checks there is exactly one application.
func (h *harness) assertAccepted(p *profile.Profile) {
	h.t.Helper()
	st := h.sim.State(p.Account.Username)
	if len(st.Applications) != 1 {
		h.t.Fatalf("%d applications, want 1", len(st.Applications))
	}
	d, _ := p.Degree("")
	diffs, n := dryrun.Compare(dryrun.Expected(p, d, h.maps), st.Applications[0].Accepted)
	for _, df := range diffs {
		h.t.Errorf("accepted differs: %s", df)
	}
	if n < 40 {
		h.t.Errorf("only %d fields compared", n)
	}
}

func (h *harness) assertNeverSubmitted() {
	for user := range h.pw {
		st := h.sim.State(user)
		if st.SubmitAttempts != 0 || st.PaymentAttempts != 0 {
			h.t.Errorf("SAFETY: %s: %d submit and %d payment attempts", user, st.SubmitAttempts, st.PaymentAttempts)
		}
	}
}

func mustReady(t *testing.T, res *portal.Result, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("run failed (exit %d): %v", exitcode.Of(err), err)
	}
	if !res.Ready || res.Page != "confirm" {
		t.Fatalf("not ready: page %s", res.Page)
	}
	if res.Verified < 30 {
		t.Fatalf("ready, but only %d values verified on 确认提交", res.Verified)
	}
}

// The example profile and its variants: whatever the applicant's situation,
// the portal ends up holding exactly the profile.
func TestVariantsAreAcceptedExactly(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	variants := map[string]func(p *profile.Profile){
		"example": nil,
		"remote study": func(p *profile.Profile) {
			p.Account.Username = "remote@example.com"
			d := &p.Degrees[0]
			d.RemoteStudy = true
			d.RemoteStudyExplanation = "2022-09 至 2022-12 因疫情在北京远程修读 Machine Learning、Data Mining 两门课程。"
			d.Remarks = "第一学期远程修读"
		},
		"studied elsewhere": func(p *profile.Profile) {
			p.Account.Username = "elsewhere@example.com"
			d := &p.Degrees[0]
			d.AwardingInstitution = "University of London"
			d.StudyCountry = "新加坡"
			d.StudyInstitution = "Singapore Institute of Management"
			last := &p.StudyHistory[len(p.StudyHistory)-1]
			last.Country, last.School = "新加坡", "Singapore Institute of Management"
		},
		"foreign national": func(p *profile.Profile) {
			a := &p.Applicant
			p.Account.Username = "smith@example.com"
			a.Name, a.NamePinyin, a.Nationality = "SMITH JOHN", "SMITH JOHN", "美国"
			a.IDType, a.IDNumber = "passport", "E12345678"
			a.Email = "john.smith@example.com"
		},
		"four history rows": func(p *profile.Profile) {
			p.Account.Username = "four@example.com"
			m := func(s string) profile.Month { v, _ := profile.ParseMonth(s); return v }
			p.StudyHistory = append(p.StudyHistory[:2:2], profile.Study{
				From: m("2022-07"), To: m("2022-08"), Country: "英国", School: "Edinburgh Language Academy",
				Major: "English for Academic Purposes", Level: "other",
			}, p.StudyHistory[2])
		},
		"manual institution": func(p *profile.Profile) {
			p.Account.Username = "manual@example.com"
			d := &p.Degrees[0]
			d.AwardingInstitution = "Royal Northern Institute of Lighthouse Studies"
			p.StudyHistory[len(p.StudyHistory)-1].School = d.AwardingInstitution
		},
	}
	for name, change := range variants {
		t.Run(name, func(t *testing.T) {
			p := example(t, change)
			res, rec, err := h.run(p, nil)
			mustReady(t, res, err)
			h.assertAccepted(p)
			if name == "manual institution" && !hasNote(rec, "其他（手动输入）") {
				t.Error("the report does not say the institution was entered by hand")
			}
		})
	}
}

func hasNote(rec *portal.Recorder, s string) bool {
	for _, e := range rec.Events() {
		if e.Field != nil && strings.Contains(e.Field.Note, s) {
			return true
		}
	}
	return false
}

// Running twice continues the same draft: one application, no duplicate
// rows, no duplicate uploads, and the second run types nothing new.
func TestSecondRunDuplicatesNothing(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	p := example(t, nil)
	res, _, err := h.run(p, nil)
	mustReady(t, res, err)
	res, rec, err := h.run(p, nil)
	mustReady(t, res, err)
	h.assertAccepted(p)
	for _, e := range rec.Events() {
		if e.Field != nil && e.Field.Status == portal.Filled && e.Page != "login" {
			t.Errorf("second run re-entered %s on %s", e.Field.Label, e.Page)
		}
	}
}

// A busy portal: slow answers, one save in ten failing with 500, and the
// session expiring part-way. The result is the same.
func TestFaultsGiveTheSameResult(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	p := example(t, nil)
	h.register(p)
	h.sim.SetFaults(portalsim.Faults{LatencyMS: 1000, ErrorRate: 0.1, ExpireAfterSaves: 4})
	res, rec, err := h.run(p, nil)
	mustReady(t, res, err)
	h.assertAccepted(p)
	logins := 0
	for _, e := range rec.Events() {
		if e.Type == portal.EvPage && e.Page == "login" {
			logins++
		}
	}
	if logins < 2 {
		t.Errorf("logged in %d times; the expired session should have made it log in again", logins)
	}
}

// An agency must never fill applicant A into applicant B's account.
func TestWrongAccountStopsBeforeFilling(t *testing.T) {
	h := newHarness(t, portalsim.Options{})
	p := example(t, nil)
	other := *p
	other.Applicant.IDNumber = "11010519980512003X" // someone else, same user name
	other.Applicant.BirthDate = p.Applicant.BirthDate
	h.register(&other)
	res, _, err := h.run(p, nil)
	var ie *portal.IdentityError
	if !errors.As(err, &ie) || exitcode.Of(err) != exitcode.Failure {
		t.Fatalf("want an identity error with exit 1, got %v (exit %d)", err, exitcode.Of(err))
	}
	if strings.Contains(err.Error(), p.Applicant.IDNumber) || strings.Contains(err.Error(), other.Applicant.IDNumber) {
		t.Errorf("the error shows a raw ID number: %v", err)
	}
	if res.Page != "applications" {
		t.Errorf("stopped on %s; want 我的申请, before creating anything", res.Page)
	}
	// Checked before anything is created or accepted: the account is as it was.
	if st := h.sim.State(p.Account.Username); len(st.Applications) != 0 {
		t.Errorf("the wrong account now has %d applications: %+v", len(st.Applications), st.Applications)
	}
}

// The portal renamed its classes: every field is found by its label, filled
// correctly, and the run says which selectors healed.
func TestRenamedClassesHealByLabel(t *testing.T) {
	h := newHarness(t, portalsim.Options{RenameClasses: true})
	p := example(t, nil)
	res, rec, err := h.run(p, nil)
	mustReady(t, res, err)
	h.assertAccepted(p)
	if len(res.Healed) == 0 {
		t.Fatal("no healed selectors reported")
	}
	healed := 0
	for _, e := range rec.Events() {
		if e.Field != nil && e.Field.Healed != "" {
			healed++
		}
	}
	if healed < 20 {
		t.Errorf("only %d field reports say healed", healed)
	}
}

// Two fields share a label and the selector is gone: the engine cannot
// tell them apart, so it stops with exit 3 and saves nothing wrong.
func TestAmbiguousLabelStopsWithDrift(t *testing.T) {
	h := newHarness(t, portalsim.Options{RenameClasses: true, DuplicateLabel: "学位外文名称"})
	p := example(t, nil)
	res, _, err := h.run(p, nil)
	var de *portal.DriftError
	if !errors.As(err, &de) || exitcode.Of(err) != exitcode.Drift {
		t.Fatalf("want drift (exit 3), got %v (exit %d)", err, exitcode.Of(err))
	}
	if de.Label != "学位外文名称" || res.Page != "degree" {
		t.Errorf("drift names %q on %s", de.Label, res.Page)
	}
	st := h.sim.State(p.Account.Username)
	if len(st.Applications) != 1 || st.Applications[0].Accepted.Degree != nil {
		t.Errorf("the degree page was saved despite the ambiguity: %+v", st.Applications)
	}
}

package portalsim_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

func TestParseVariant(t *testing.T) {
	v, err := portalsim.ParseVariant("2025,sign_online,-cscse_list")
	if err != nil || !v.SSO || !v.SignOnline || v.CSCSEList || !v.NoAddress {
		t.Fatalf("2025,sign_online,-cscse_list = %+v, %v", v, err)
	}
	if v, _ := portalsim.ParseVariant("classic"); v != (portalsim.Variant{}) {
		t.Errorf("classic is not the zero Variant: %+v", v)
	}
	_, err = portalsim.ParseVariant("2025,bogus,ssso")
	if err == nil || !strings.Contains(err.Error(), "bogus, ssso") || !strings.Contains(err.Error(), "sso") {
		t.Errorf("unknown names: %v", err)
	}
	if portalsim.Presets[portalsim.DefaultPreset] == (portalsim.Variant{}) {
		t.Error("the default preset is classic")
	}
}

// The SSO: the application's /login goes to the other origin with
// lookBackAddr; login needs the slider's token; the redirect carries a
// one-time token the application exchanges for its session.
func TestSSOLoginRoundTrip(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Variant: portalsim.Variant{SSO: true}})
	sim.NewAccount("u1")
	c := newClient(t, sim)
	st, loc := c.call("GET", "/login?redirect=/user/applications", nil)
	login, _ := url.Parse(string(loc))
	if st != http.StatusFound || !strings.HasPrefix(string(loc), sim.Server.LoginURL()+"/login?") || login.Query().Get("joinsysCode") == "" {
		t.Fatalf("/login: %d → %s", st, loc)
	}
	back := login.Query().Get("lookBackAddr")
	sso := func(path string, body any) (int, map[string]string) {
		b, _ := json.Marshal(body)
		res, err := c.hc.Post(sim.Server.LoginURL()+path, "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]string
		_ = json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out
	}
	if st, out := sso("/api/login", map[string]string{"username": "u1", "password": simtest.Password, "lookBackAddr": back}); st != 422 || out["message"] != "请拖动滑动验证" {
		t.Fatalf("login without the slider: %d %v", st, out)
	}
	_, slid := sso("/api/slider", map[string]string{})
	st, out := sso("/api/login", map[string]string{"username": "u1", "password": simtest.Password, "slider": slid["token"], "lookBackAddr": back})
	if st != 200 || !strings.Contains(out["redirect"], "token=") {
		t.Fatalf("login: %d %v", st, out)
	}
	req, _ := http.NewRequest("GET", out["redirect"], nil)
	if st, loc := c.send(req); st != http.StatusFound || string(loc) != "/user/applications" {
		t.Fatalf("token exchange: %d → %s", st, loc)
	}
	if st, _ := c.call("GET", "/user/applications", nil); st != 200 {
		t.Errorf("after the exchange: %d", st)
	}
	req, _ = http.NewRequest("GET", out["redirect"], nil)
	if st, _ := c.send(req); st != http.StatusUnauthorized {
		t.Errorf("a token works once; the second exchange gave %d", st)
	}
}

// A skip clicked in the page is counted (a tool must never make one) and
// makes the 出入境记录 upload required.
func TestSkipIsCountedAndRequiresRecords(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Variant: portalsim.Variant{NoRecords: true}})
	acc := sim.NewAccount("u2")
	c := newClient(t, sim)
	c.login(acc.Username, acc.Password)
	_, b := c.call("POST", "/api/applications", nil)
	var app struct{ ID string }
	_ = json.Unmarshal(b, &app)
	if st, b := c.call("POST", "/api/applications/"+app.ID+"/verify/skip", map[string]string{}); st != 200 {
		t.Fatalf("skip: %d %s", st, b)
	}
	s := sim.State(acc.Username)
	if s.SkipClicks != 1 || !s.Applications[0].RecordsRequired {
		t.Errorf("skip clicks %d, records required %v", s.SkipClicks, s.Applications[0].RecordsRequired)
	}
}

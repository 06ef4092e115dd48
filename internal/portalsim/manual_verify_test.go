package portalsim_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// In Demo, an account registered with ManualVerify keeps waiting at the face
// scan while everyone else's completes by itself; the hook completes it.
func TestDemoLeavesManualVerifyAccountsToTheHook(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	start := func(user string, manual bool) (*client, string) {
		acc := portalsim.Account{Username: user, Password: simtest.Password, Name: "王小明", Gender: "男",
			Nationality: "中国", IDType: "居民身份证", IDNumber: portalsim.DemoAccount.IDNumber, ManualVerify: manual}
		sim.Register(acc)
		c := newClient(t, sim)
		c.expect("POST", "/api/login", map[string]string{"username": user, "password": simtest.Password}, 200, "登录成功")
		var created struct{ ID string }
		_ = json.Unmarshal(c.expect("POST", "/api/applications", map[string]any{}, 200, `"id"`), &created)
		c.expect("GET", "/apply/"+created.ID+"/verify/qr.png", nil, 200, "") // the QR is shown: Demo's clock starts
		return c, created.ID
	}
	status := func(c *client, id string) (face, code bool) {
		var v struct {
			Face bool `json:"face_done"`
			Code bool `json:"code_done"`
		}
		_ = json.Unmarshal(c.expect("GET", "/api/applications/"+id+"/verify", nil, 200, ""), &v)
		return v.Face, v.Code
	}
	auto, autoID := start("auto", false)
	manual, manualID := start("manual", true)
	deadline := time.Now().Add(10 * time.Second)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		if face, code := status(auto, autoID); face && code {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Demo did not verify the ordinary account within 10s")
		}
	}
	if face, code := status(manual, manualID); face || code {
		t.Fatalf("ManualVerify account verified by itself: face %v, code %v", face, code)
	}
	sim.Hook("POST", "/__sim/verify?step=face&user=manual", nil, nil)
	if face, code := status(manual, manualID); !face || code {
		t.Fatalf("after the face hook: face %v, code %v", face, code)
	}
}

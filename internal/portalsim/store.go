package portalsim

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Application statuses, as 我的申请 shows them.
const (
	StatusDraft      = "未提交"
	StatusReviewing  = "认证中"
	StatusSupplement = "补交材料"
	StatusDone       = "认证完成"
)

// Account is a registered portal user with the identity that registration
// recorded (shown read-only on 基本信息). Its JSON is that of
// POST /__sim/accounts.
type Account struct {
	Username    string `json:"username"`
	Password    string `json:"password"`
	Name        string `json:"姓名"`
	Gender      string `json:"性别"`
	Nationality string `json:"国籍"`
	IDType      string `json:"证件类型"`
	IDNumber    string `json:"证件号码"`

	// ManualVerify keeps Demo from completing the face scan and the 12367
	// code of this account's new applications by itself, so a test can play
	// an applicant nobody answers for; POST /__sim/verify completes them.
	// Not part of the identity.
	ManualVerify bool `json:"manual_verify,omitempty"`
	// Verification is the path the person takes when the verification page
	// offers a way out (Variant.NoRecords, OldVerify): "no_records" makes
	// Demo's person skip instead of scanning. Not part of the identity.
	Verification string `json:"verification,omitempty"`
}

func (a Account) sameIdentity(b Account) bool {
	return a.Name == b.Name && a.Gender == b.Gender && a.Nationality == b.Nationality &&
		a.IDType == b.IDType && a.IDNumber == b.IDNumber
}

// account is the server-side record of one user.
type account struct {
	Account
	apps            []*application
	submitAttempts  int
	paymentAttempts int
	skipClicks      int // clicks in the page on a skip/fallback control
}

func (a *account) app(id string) *application {
	for _, ap := range a.apps {
		if ap.id == id {
			return ap
		}
	}
	return nil
}

// application is one draft or submitted application.
type application struct {
	id      string
	status  string
	created time.Time

	qrServed time.Time // when the verify QR was first served (Demo timing)
	manual   bool      // Demo leaves verification to the hook (Account.ManualVerify)
	faceDone bool
	codeDone bool
	code     string
	skipped  bool // verification skipped (无法获取出入境记录 / 跳过实人认证…)
	noFace   bool // an ID that is not a 居民身份证 (Variant.ForeignIDs)
	wantSkip bool // Demo's person skips rather than scans (Account.Verification)
	signed   bool // 授权声明 signed online (Variant.SignOnline)
	signSeen time.Time

	basic     *basicInfo
	applyType string
	degree    *degreeForm
	history   []*historyRow // rows the person added (the automatic one is derived)
	files     map[string][]*upload
	saved     map[string]bool // step page id → saved at least once
	submitted bool
	nextRowID int
	nextFile  int
	after     afterCare // after payment (status.go)
}

func newApplication(id string, now time.Time) *application {
	return &application{id: id, status: StatusDraft, created: now,
		files: map[string][]*upload{}, saved: map[string]bool{}}
}

func (a *application) verified() bool { return (a.faceDone && a.codeDone) || a.skipped || a.noFace }

// recordsRequired: the entry/exit records were not fetched, so 出入境记录
// must be uploaded.
func (a *application) recordsRequired() bool { return a.skipped || a.noFace }

// stepPages are the pages 4–8 in order; 继续填写 opens the first one not yet
// saved.
var stepPages = []string{"basic-info", "apply-type", "degree", "study-history", "materials"}

// session is one login. Expired sessions are deleted, so an old cookie
// simply finds nothing.
type session struct {
	user       string
	lastSeen   time.Time
	noticeSeen bool
}

// sessionIdle is how long an unused session lives, like a real portal's.
const sessionIdle = 30 * time.Minute

func randomToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Package steps is the vocabulary the engine, the run report and the batch
// share about what a person does: the human steps of a run and the stages
// each goes through, and the to-dos a run leaves, each with an id and its
// words in English and Chinese, written where the to-do arises. Packages
// switch on these values; none reads another's sentences.
package steps

// Step names a human step: something only the person may do, while the
// engine waits. The page maps name the steps of their pages (pagemap.Human
// and a map's human_steps); the names here are the ones the engine itself
// knows.
type Step string

// The human steps the engine knows by name.
const (
	Captcha     Step = "captcha"            // the login page: a captcha, a slider, or a password only the person has
	Consent     Step = "consent"            // the service agreement, unless the profile consents
	FaceAndCode Step = "face_and_code"      // 实人认证: the 微留服 face scan, then the 移民局12367 code
	NoRecords   Step = "no_records"         // the person chose to go on without entry/exit records
	Sign        Step = "sign_authorization" // 上传材料: signing 授权声明 online (the map's human_steps)
	Navigate    Step = "navigate"           // the browser is on a page no map knows
	Confirm     Step = "confirm"            // 确认提交: review, the pledge, 提交
	Payment     Step = "payment"            // 在线支付: 360 元, never the tool's
)

// Known lists the steps above; a page map names no other.
var Known = []Step{Captcha, Consent, FaceAndCode, NoRecords, Sign, Navigate, Confirm, Payment}

// Text is something said to a person, in English and Chinese.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh,omitempty"`
}

// Name names the step for people ("face scan with 微留服 …"). A step not
// in Known is named by its id's words.
func (s Step) Name() Text {
	switch s {
	case Captcha:
		return Text{"log in (captcha)", "登录（验证码）"}
	case Consent:
		return Text{"accept the service agreement", "接受服务协议"}
	case FaceAndCode:
		return Text{"face scan with 微留服 and the 移民局12367 code", "微留服实人认证及移民局12367授权码"}
	case Sign:
		return Text{"sign the authorization statement (授权声明) online", "在线签署授权声明"}
	case NoRecords:
		return Text{"go on without entry/exit records (your choice)", "不进行实人认证，改为上传出入境记录（由您选择）"}
	case Navigate:
		return Text{"go to a page autofill knows", "转到本工具可识别的页面"}
	case Confirm:
		return Text{"review and submit", "核对并提交"}
	case Payment:
		return Text{"pay", "支付"}
	}
	en := []rune(string(s))
	for i, r := range en {
		if r == '_' {
			en[i] = ' '
		}
	}
	return Text{string(en), string(s)}
}

// Stage is where a human step stands.
type Stage string

// Stages of a human step, in order. A step may skip CodeAsked (only
// 实人认证 has it).
const (
	Started   Stage = "started"    // the person is asked to act
	Waiting   Stage = "waiting"    // still waiting for them (a reminder)
	CodeAsked Stage = "code_asked" // 实人认证: the face scan is done and the page asks for the 12367 code
	Done      Stage = "done"       // the person's part is over; the engine goes on
)

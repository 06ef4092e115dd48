package steps

// TodoID names a to-do, so that a display can pick out one (or count them)
// without reading its words.
type TodoID string

// The to-dos a run leaves for the person.
const (
	TodoReview           TodoID = "review"            // check every value on 确认提交
	TodoPledge           TodoID = "pledge"            // tick 本人承诺… yourself
	TodoSubmit           TodoID = "submit"            // click 提交 yourself
	TodoPay              TodoID = "pay"               // pay 360 元 on 在线支付
	TodoAlreadySubmitted TodoID = "already_submitted" // the application is past 提交: pay or review it
)

// Todo is one thing the person still has to do, in both languages.
type Todo struct {
	ID TodoID `json:"id"`
	Text
}

// String is the English text.
func (t Todo) String() string { return t.EN }

// Ready is what is left when the draft waits at 确认提交; runDir holds the
// run report ("" when there is none).
func Ready(runDir string) []Todo {
	review := Todo{TodoReview, Text{"Review every value on 确认提交.", "请在“确认提交”页面逐项核对。"}}
	if runDir != "" {
		review.Text = Text{"Review every value on 确认提交 (and the report in " + runDir + ").",
			"请在“确认提交”页面逐项核对（也可查看 " + runDir + " 中的运行报告）。"}
	}
	return []Todo{
		review,
		{TodoPledge, Text{"Tick the pledge (本人承诺…) yourself.", "请您本人勾选承诺书（本人承诺…）。"}},
		{TodoSubmit, Text{"Click 提交 yourself.", "请您本人点击“提交”。"}},
		{TodoPay, Text{"Pay 360 元 on the 在线支付 page (微信支付 or 支付宝).", "在“在线支付”页面支付 360 元（微信支付或支付宝）。"}},
	}
}

// Submitted is what is left when the application was submitted before the
// run; why says which application (as 我的申请 lists it), or is "" when the
// run found itself on 在线支付.
func Submitted(why string) []Todo {
	if why == "" {
		return []Todo{{TodoAlreadySubmitted, Text{
			"This application was already submitted: pay 360 元 on the 在线支付 page yourself (微信支付 or 支付宝), or review it on 我的申请.",
			"此申请已提交：请在“在线支付”页面自行支付 360 元（微信支付或支付宝），或在“我的申请”中查看。"}}}
	}
	return []Todo{{TodoAlreadySubmitted, Text{
		why + ": already submitted — pay 360 元 on 在线支付 yourself (or review it on 我的申请); autofill changes nothing in a submitted application.",
		why + "：已提交 — 请在“在线支付”页面自行支付 360 元（或在“我的申请”中查看）；本工具不会更改已提交的申请。"}}}
}

package report

import (
	"errors"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
)

// Advise says what to do about a run's error, in English and Chinese. The
// error's own text says what happened and where; this adds the next step a
// person can take.
func Advise(err error) Item {
	var id *portal.IdentityError
	var mm *portal.MismatchError
	var ve *portal.ValidationError
	var fc *portal.ForbiddenClick
	var xe *portal.ExtrasError
	var se *portal.SummaryError
	var ce *portal.ClearedError
	switch {
	case errors.As(err, &se):
		return item("The portal saved values that differ from the profile (listed above): click 返回修改, correct them by hand and check 确认提交 again; report it if it repeats. Do not submit until they match.",
			"网站保存的内容与资料不一致（见上）：请点击“返回修改”手动改正，再核对“确认提交”页面；如反复出现请反馈。一致之前请勿提交。")
	case errors.As(err, &ce):
		return item("The portal emptied a field after autofill had entered it; your profile is not at fault. Fill that field by hand, or run the same command again; report it if it repeats.",
			"网站在本工具填写后清空了某一项，并非您的资料有误。请手动填写该项，或重新运行同一命令；如反复出现请反馈。")
	case errors.As(err, &xe):
		en := make([]string, len(xe.Extras))
		for i, x := range xe.Extras {
			en[i] = x.String()
		}
		list := strings.Join(en, "; ")
		return item("In the draft, not in your profile: "+list+". Delete them on the portal (or add them to the profile if they belong), or run the same command with --prune to let autofill delete them.",
			"草稿中有资料文件里没有的内容："+list+"。请在网站上删除（如确属本人请补进资料文件），或加 --prune 重新运行同一命令由本工具删除。")
	case errors.As(err, &id):
		return item("Log out, log in with the applicant's own account and run the same command again. Nothing was filled.",
			"请退出当前账号，用申请人本人的账号登录后重新运行同一命令。本工具未填写任何内容。")
	case errors.As(err, &mm):
		return item("Correct the field by hand in the browser, or run the same command again; report it if it repeats.",
			"请在浏览器中手动改正该项，或重新运行同一命令；如反复出现请反馈。")
	case errors.As(err, &ve):
		return item("Correct the profile (autofill validate FILE), then run the same command again.",
			"请按提示修改资料文件（可用 autofill validate 检查），然后重新运行同一命令。")
	case errors.As(err, &fc):
		return item("Nothing was submitted or paid. Report this: the portal page changed or the tool has a bug.",
			"未提交、未支付。请反馈此问题：网站页面可能已变化，或本工具有缺陷。")
	}
	switch exitcode.Of(err) {
	case exitcode.BadInput:
		return item("Fix the profile or the flags as the message says (autofill validate FILE), then run again.",
			"请按提示修改资料文件或参数（可用 autofill validate 检查），然后重新运行。")
	case exitcode.Drift:
		return item("The portal changed: run `autofill probe --profile FILE` — it looks at every page read-only and writes page-map overrides your next run uses (--bundle packs what to send the maintainers; `autofill check --live` only looks); meanwhile fill this page by hand.",
			"网站页面已变化：请运行 autofill probe --profile 资料文件 —— 它只读查看每个页面，并写出下次运行使用的页面映射覆盖（--bundle 可打包发送给维护者的材料；autofill check --live 只检查不写入）；在此之前请手动填写本页。")
	case exitcode.Parked:
		return item("Do the step in the browser, then run the same command again: it continues the same draft.",
			"请在浏览器中完成该步骤，然后重新运行同一命令，将继续同一份草稿。")
	case exitcode.Interrupted:
		return interruptedItem
	}
	return item("Look at the browser window and the screenshots in this report, then run the same command again: it continues the same draft and adds nothing twice.",
		"请查看浏览器窗口和本报告中的截图，然后重新运行同一命令：将继续同一份草稿，不会重复添加。")
}

var interruptedItem = item("The run was stopped. Nothing was submitted; run the same command again to continue where it stopped.",
	"运行已中断，未提交任何内容；重新运行同一命令即可从中断处继续。")

// Headline is the outcome in a few words, English and Chinese.
func Headline(o Outcome) Item {
	switch o {
	case Ready:
		return item("Draft ready for your review — not submitted", "草稿已就绪，等待您核对 — 尚未提交")
	case Waiting:
		return item("Waiting for you", "等待您操作")
	case Failed:
		return item("Stopped with a problem", "遇到问题，已停止")
	case Interrupted:
		return item("Interrupted", "已中断")
	case Submitted:
		return item("Already submitted — pay yourself (or review)", "申请已提交 — 请自行支付（或查看）")
	}
	return item("Running", "正在运行")
}

// HumanName names a human step for people.
func HumanName(step steps.Step) Item { n := step.Name(); return item(n.EN, n.ZH) }

// item is an Item without a to-do id: advice and headlines.
func item(en, zh string) Item { return Item{EN: en, ZH: zh} }

// todoItem is one of the engine's to-dos, both languages masked.
func todoItem(red *profile.Redactor, t steps.Todo) Item {
	return Item{EN: red.String(t.EN), ZH: red.String(t.ZH), ID: t.ID}
}

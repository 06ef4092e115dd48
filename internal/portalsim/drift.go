package portalsim

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// Drift changes the simulator's pages the way a portal release changes the
// real ones, so tests can prove the engine notices instead of entering a
// wrong value. TEST-ONLY: the zero value is the normal portal. Labels and
// classes are the page templates' own (fi-degree-name, 学位外文名称).
type Drift struct {
	// SwapClasses exchanges two fi-* classes (positions shifted by an
	// inserted field): each class now sits on the other's form item.
	SwapClasses [2]string
	// SwapLabels exchanges two form items' labels.
	SwapLabels [2]string
	// RenameLabel renames form-item labels (old → new).
	RenameLabel map[string]string
	// ClearOnce is a degree-page form key (awarding_institution) the page
	// empties once, when another field changes after it was filled.
	ClearOnce string
	// ClearAlways is like ClearOnce, but every time, and also when 下一步
	// is clicked: the value never survives to the save.
	ClearAlways string
	// SaveDifferently is a degree-page form key (degree_name, major_foreign)
	// whose value the server saves in capitals while the page showed it as
	// typed.
	SaveDifferently string
	// ExtraRequired adds to the degree page a required text field with this
	// label, unknown to the page maps.
	ExtraRequired string
	// RevealRequired adds to the degree page a form item with this label,
	// unknown to the page maps, that shows only once a degree level is
	// chosen. Its class alone marks it required (the asterisk); no rule
	// checks it, so 下一步 would save the page without it.
	RevealRequired string
	// RenameButtons renames buttons by their text (下一步 → 保存并继续).
	RenameButtons map[string]string
	// OptionText renames options of the degree level list (硕士 → 硕士研究生).
	OptionText map[string]string
	// DateFormat is the display format of every date picker (yyyy/MM/dd).
	DateFormat string
	// ConfirmDialogAfterNext asks "确定保存并进入下一步吗？" after 下一步.
	ConfirmDialogAfterNext bool
	// SelectAsRadio turns the el-select inside the form item with this
	// class (fi-level) into a radio group with the same options.
	SelectAsRadio string
	// Retext replaces exact texts of every rendered page, after the other
	// knobs (`label="手机号码"` → `label="手机号"`, `>下一步<` → `>下一页<`):
	// a label or a button the portal renamed, which page maps do not know
	// yet, for `autofill probe` tests. Longer keys are replaced first so one
	// never eats another.
	Retext map[string]string
}

func (d *Drift) on() bool {
	return d != nil && (d.SwapClasses[0] != "" || d.SwapLabels[0] != "" || len(d.RenameLabel) > 0 ||
		d.ClearOnce != "" || d.ClearAlways != "" || d.SaveDifferently != "" || d.ExtraRequired != "" || d.RevealRequired != "" ||
		len(d.RenameButtons) > 0 || len(d.OptionText) > 0 || d.DateFormat != "" || d.ConfirmDialogAfterNext ||
		d.SelectAsRadio != "")
}

// view adds the page data the client side needs (drift.js) and renames
// options; it runs before the page is rendered.
func (d *Drift) view(v *view) {
	if !d.on() {
		return
	}
	client := map[string]any{}
	if v.ID == "degree" {
		client["clear_once"], client["clear_always"] = d.ClearOnce, d.ClearAlways
		client["extra"] = d.ExtraRequired != ""
		if levels, ok := v.Data["levels"].([]string); ok && len(d.OptionText) > 0 {
			out := make([]string, len(levels))
			for i, l := range levels {
				out[i] = l
				if n, ok := d.OptionText[l]; ok {
					out[i] = n
				}
			}
			v.Data["levels"] = out
		}
	}
	client["confirm_next"] = d.ConfirmDialogAfterNext
	v.Data["drift"] = client
	v.Scripts = append(v.Scripts, "/static/drift.js")
}

var reSelect = regexp.MustCompile(`(?s)<el-select v-model="([^"]+)"[^>]*>\s*<el-option v-for="(\w+) in ([^"]+)"[^>]*></el-option>\s*</el-select>`)

// html rewrites a rendered page.
func (d *Drift) html(id string, b []byte) []byte {
	if !d.on() {
		return b
	}
	swap := func(b []byte, x, y string) []byte {
		const tmp = "\x00drift\x00"
		b = bytes.ReplaceAll(b, []byte(x), []byte(tmp))
		b = bytes.ReplaceAll(b, []byte(y), []byte(x))
		return bytes.ReplaceAll(b, []byte(tmp), []byte(y))
	}
	if c := d.SwapClasses; c[0] != "" {
		b = swap(b, `class="`+c[0]+`"`, `class="`+c[1]+`"`)
	}
	if l := d.SwapLabels; l[0] != "" {
		b = swap(b, `label="`+l[0]+`"`, `label="`+l[1]+`"`)
	}
	for old, nu := range d.RenameLabel {
		b = bytes.ReplaceAll(b, []byte(`label="`+old+`"`), []byte(`label="`+nu+`"`))
	}
	for old, nu := range d.RenameButtons {
		b = bytes.ReplaceAll(b, []byte(">"+old+"</el-button>"), []byte(">"+nu+"</el-button>"))
	}
	if d.DateFormat != "" {
		b = bytes.ReplaceAll(b, []byte(`format="yyyy-MM-dd" value-format`), []byte(`format="`+d.DateFormat+`" value-format`))
	}
	if d.SelectAsRadio != "" {
		if i := bytes.Index(b, []byte(`class="`+d.SelectAsRadio+`"`)); i >= 0 {
			if loc := reSelect.FindSubmatchIndex(b[i:]); loc != nil {
				m := reSelect.FindSubmatch(b[i:])
				radio := `<el-radio-group v-model="` + string(m[1]) + `"><el-radio v-for="` + string(m[2]) + ` in ` + string(m[3]) +
					`" :key="` + string(m[2]) + `" :label="` + string(m[2]) + `">{{ ` + string(m[2]) + ` }}</el-radio></el-radio-group>`
				b = append(append(append([]byte{}, b[:i+loc[0]]...), radio...), b[i+loc[1]:]...)
			}
		}
	}
	if d.ExtraRequired != "" && id == "degree" {
		item := `<el-form-item label="` + d.ExtraRequired + `" prop="extra_required" class="fi-extra-required" :rules="[{required: true, message: '请输入` +
			d.ExtraRequired + `', trigger: 'blur'}]"><el-input v-model="form.extra_required"></el-input></el-form-item>`
		b = bytes.Replace(b, []byte("</el-form>"), []byte(item+"</el-form>"), 1)
	}
	if d.RevealRequired != "" && id == "degree" {
		item := `<el-form-item v-if="form.level" label="` + d.RevealRequired +
			`" class="fi-reveal-required is-required"><el-input></el-input></el-form-item>`
		b = bytes.Replace(b, []byte("</el-form>"), []byte(item+"</el-form>"), 1)
	}
	return b
}

// saved alters what the server keeps of the degree page (SaveDifferently).
func (d *Drift) saved(f *degreeForm) {
	if d == nil {
		return
	}
	switch d.SaveDifferently {
	case "degree_name":
		f.DegreeName = strings.ToUpper(f.DegreeName)
	case "major_foreign":
		f.MajorForeign = strings.ToUpper(f.MajorForeign)
	}
}

// retext applies Retext to a rendered page.
func (d *Drift) retext(b []byte) []byte {
	if d == nil || len(d.Retext) == 0 {
		return b
	}
	keys := make([]string, 0, len(d.Retext))
	for k := range d.Retext {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j]) // longest first
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		b = bytes.ReplaceAll(b, []byte(k), []byte(d.Retext[k]))
	}
	return b
}

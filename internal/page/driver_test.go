package page

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
)

// widget is one test page: a form item of one kind, and what filling it
// must commit.
type widget struct {
	lib, kind string
	item      string // the Vue template of the form item (element) or the HTML (native)
	data      string // the Vue data of the page, JSON-ish JS
	css       string
	label     string
	field     Field
	want      Want
	read      string // the committed reading
	model     string // JS expression: the value the page's model holds afterwards
	modelWant string
}

var widgets = []widget{
	{lib: ElementUI, kind: "text", item: `<el-input v-model="form.v"></el-input>`, data: `{v: ""}`,
		css: ".fi input", label: "姓名", want: Want{Text: "Ｚhang San"}, read: "Zhang San", model: "app.form.v", modelWant: "Ｚhang San"},
	{lib: ElementUI, kind: "textarea", item: `<el-input type="textarea" v-model="form.v"></el-input>`, data: `{v: "old"}`,
		css: ".fi textarea", label: "地址", want: Want{Text: "北京市 海淀区"}, read: "北京市 海淀区", model: "app.form.v", modelWant: "北京市 海淀区"},
	{lib: ElementUI, kind: "select", item: `<el-select v-model="form.v" filterable><el-option v-for="o in opts" :key="o[0]" :label="o[1]" :value="o[0]"></el-option></el-select>`,
		data: `{v: ""}`, css: ".fi .el-select", label: "国家", field: Field{Filterable: true}, want: Want{Text: "英国"}, read: "英国", model: "app.form.v", modelWant: "GB"},
	{lib: ElementUI, kind: "select", item: `<el-select v-model="form.v" filterable remote :remote-method="search" :loading="loading"><el-option v-for="o in found" :key="o[0]" :label="o[1]" :value="o[0]"></el-option></el-select>`,
		data: `{v: ""}`, css: ".fi .el-select", label: "学校", field: Field{Remote: true}, want: Want{Text: "University of Oxford"}, read: "University of Oxford", model: "app.form.v", modelWant: "ox"},
	{lib: ElementUI, kind: "cascader", item: `<el-cascader v-model="form.v" :options="tree"></el-cascader>`, data: `{v: []}`,
		css: ".fi .el-cascader", label: "专业", want: Want{List: []string{"工学", "计算机"}}, read: "工学 / 计算机", model: "app.form.v.join('/')", modelWant: "eng/cs"},
	{lib: ElementUI, kind: "date", item: `<el-date-picker v-model="form.v" type="date" format="yyyy-MM-dd" value-format="yyyy-MM-dd"></el-date-picker>`, data: `{v: ""}`,
		css: ".fi .el-date-editor", label: "授予日期", want: Want{Text: "2020-06-01"}, read: "2020-06-01", model: "app.form.v", modelWant: "2020-06-01"},
	{lib: ElementUI, kind: "month", item: `<el-date-picker v-model="form.v" type="month" format="yyyy-MM" value-format="yyyy-MM"></el-date-picker>`, data: `{v: ""}`,
		css: ".fi .el-date-editor", label: "开始时间", want: Want{Text: "2019-09"}, read: "2019-09", model: "app.form.v", modelWant: "2019-09"},
	{lib: ElementUI, kind: "radio", item: `<el-radio-group v-model="form.v"><el-radio label="M">男</el-radio><el-radio label="F">女</el-radio></el-radio-group>`, data: `{v: "M"}`,
		css: ".fi .el-radio-group", label: "性别", want: Want{Text: "女"}, read: "女", model: "app.form.v", modelWant: "F"},
	{lib: ElementUI, kind: "checkbox", item: `<el-checkbox v-model="form.v">是</el-checkbox>`, data: `{v: false}`,
		css: ".fi .el-checkbox", label: "相同", want: Want{Text: "true"}, read: "true", model: "String(app.form.v)", modelWant: "true"},
	{lib: ElementUI, kind: "upload", item: `<el-upload action="/upload" :on-success="uploaded"><el-button size="small">选择</el-button></el-upload>`, data: `{v: ""}`,
		css: ".fi .el-upload", label: "学位证书", read: "a.pdf", model: "app.form.v", modelWant: "a.pdf"},
	{lib: ElementUI, kind: "readonly", item: `<el-input v-model="form.v" disabled></el-input>`, data: `{v: "张三"}`,
		css: ".fi input", label: "姓名", read: "张三", model: "app.form.v", modelWant: "张三"},
	{lib: ElementUI, kind: "table", item: `<el-table :data="rows"><el-table-column prop="a" label="学校"></el-table-column><el-table-column prop="b" label="国家"></el-table-column></el-table>`, data: `{v: ""}`,
		css: ".fi .el-table", label: "学习经历", read: "Oxford | 英国", model: "app.rows.length", modelWant: "1"},

	{lib: Native, kind: "text", item: `<input id="w" name="w">`, css: "#w", want: Want{Text: "Li Si"}, read: "Li Si", model: "w.value", modelWant: "Li Si"},
	{lib: Native, kind: "select", item: `<select id="w"><option value="">请选择</option><option value="GB">英国</option><option value="JP">日本</option></select>`,
		css: "#w", want: Want{Text: "日本"}, read: "日本", model: "w.value", modelWant: "JP"},
	{lib: Native, kind: "date", item: `<input id="w" type="date">`, css: "#w", want: Want{Text: "2020-06-01"}, read: "2020-06-01", model: "w.value", modelWant: "2020-06-01"},
	{lib: Native, kind: "month", item: `<input id="w" type="month">`, css: "#w", want: Want{Text: "2019-09"}, read: "2019-09", model: "w.value", modelWant: "2019-09"},
	{lib: Native, kind: "checkbox", item: `<label><input id="w" type="checkbox"> 同意</label>`, css: "#w", want: Want{Text: "true"}, read: "true", model: "String(w.checked)", modelWant: "true"},
	{lib: Native, kind: "radio", item: `<div id="w"><label><input type="radio" name="r" value="M" checked>男</label> <label><input type="radio" name="r" value="F">女</label></div>`,
		css: "#w", want: Want{Text: "女"}, read: "女", model: "document.querySelector('input[name=r]:checked').value", modelWant: "F"},
}

const elementPage = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/vendor/element-ui/lib/theme-chalk/index.css"></head>
<body><div id="app" v-cloak><el-form :model="form" label-width="120px">
<el-form-item label="%s" prop="v" class="fi">%s</el-form-item>
</el-form></div>
<script src="/vendor/vue/dist/vue.min.js"></script><script src="/vendor/element-ui/lib/index.js"></script>
<script>
window.app = new Vue({el: "#app",
  data: {form: %s, loading: false, found: [], rows: [{a: "Oxford", b: "英国"}],
    opts: [["JP", "日本"], ["GB", "英国"], ["US", "美国"]],
    tree: [{value: "eng", label: "工学", children: [{value: "cs", label: "计算机"}, {value: "ee", label: "电子"}]}, {value: "sci", label: "理学", children: [{value: "math", label: "数学"}]}]},
  methods: {
    search(q) {
      this.loading = true;
      setTimeout(() => {
        this.found = [["ox", "University of Oxford"], ["oxb", "Oxford Brookes University"]].filter((o) => q && o[1].includes(q));
        this.loading = false;
      }, 150);
    },
    searchOrOther(q) { // a list of schools that always ends with its manual-entry option
      this.search(q);
      setTimeout(() => (this.found = this.found.concat([["other", "其他（手动输入）"]])), 160);
    },
    uploaded(res, file) { this.form.v = file.name; },
  }});
</script></body></html>`

const nativePage = `<!doctype html><html><head><meta charset="utf-8"></head><body><form>%s</form>
<script>window.w = document.getElementById("w");</script></body></html>`

// server serves the widget pages and the simulator's copy of Vue and
// Element UI.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/vendor/", http.StripPrefix("/vendor/", http.FileServer(http.Dir("../portalsim/web/thirdparty"))))
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"ok":true}`)) })
	mux.HandleFunc("/w/", func(w http.ResponseWriter, r *http.Request) {
		i := 0
		_, _ = fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/w/"), "%d", &i)
		wd := widgets[i]
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if wd.lib == Native {
			fmt.Fprintf(w, nativePage, wd.item)
			return
		}
		fmt.Fprintf(w, elementPage, wd.label, wd.item, wd.data)
	})
	mux.HandleFunc("/manual", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, elementPage, "学校", `<el-select v-model="form.v" filterable remote :remote-method="searchOrOther" :loading="loading">`+
			`<el-option v-for="o in found" :key="o[0]" :label="o[1]" :value="o[0]"></el-option></el-select>`, `{v: ""}`)
	})
	mux.HandleFunc("/required", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, elementPage, "姓名", `<el-input v-model="form.v"></el-input></el-form-item>
<el-form-item label="证书编号" class="is-required"><el-input></el-input>`, `{v: ""}`)
	})
	mux.HandleFunc("/cover", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html><body>
<button id="b" onclick="window.clicked=(window.clicked||0)+1" style="position:absolute;left:20px;top:20px;width:120px;height:40px">下一步</button>
<button id="pay" onclick="window.paid=1" style="position:absolute;left:20px;top:120px;width:120px;height:40px">支付</button>
<div id="toast" style="position:fixed;left:0;top:0;width:300px;height:100px;background:#eee">上传成功</div>
<script>setTimeout(() => document.getElementById("toast").remove(), Number(new URLSearchParams(location.search).get("ms") || 300));</script>
</body></html>`))
	})
	mux.HandleFunc("/hover", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html><body>
<button id="b" style="position:absolute;left:200px;top:200px;width:120px;height:40px">下一步</button>
<script>window.seen = []; for (const t of ["mouseover", "mouseenter", "mousedown", "mouseup", "click"]) b.addEventListener(t, () => seen.push(t));</script>
</body></html>`))
	})
	mux.HandleFunc("/scroll", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html><body style="height:3000px;margin:0">
<button id="b" onclick="window.clicked=(window.clicked||0)+1" style="position:absolute;left:20px;top:1500px;width:120px;height:40px">下一步</button>
<div id="toast" style="position:fixed;left:0;top:0;width:400px;height:55%;background:#eee">上传成功</div>
</body></html>`))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// countFrameWaits makes the page count its requestAnimationFrame calls in
// window.frameWaits: how many frames page functions wait for.
func countFrameWaits(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[int](t, ctx, `(() => { const raf = requestAnimationFrame; window.requestAnimationFrame = (f) => (window.frameWaits++, raf(f)); return 0; })()`)
}

func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	if err := Settled(ctx, 30*time.Second); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// TestBrowser runs every driver on its own small page, both widget
// libraries, and the actionability checks, in one browser.
func TestBrowser(t *testing.T) {
	br := browsertest.Start(t)
	ctx := br.Tab()
	srv := server(t)
	if err := Install(ctx); err != nil {
		t.Fatal(err)
	}
	// The CSS agent stays off after Install: no page's stylesheet is
	// reported.
	var sheets atomic.Int32
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*css.EventStyleSheetAdded); ok {
			sheets.Add(1)
		}
	}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "data:text/html,<style>p{color:red}</style><p>styled")
	if n := sheets.Load(); n != 0 {
		t.Errorf("after Install the browser reported %d stylesheets: the CSS agent is still on", n)
	}
	pdf := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused := 0
	env := &Env{Timeout: 20 * time.Second, Click: Clicker{Timeout: 20 * time.Second, Guard: func(p Point) error {
		if strings.Contains(p.Text, "支付") {
			refused++
			return errors.New("refused: it pays")
		}
		return nil
	}}}
	for i, wd := range widgets {
		t.Run(wd.lib+"/"+wd.kind+"/"+wd.label, func(t *testing.T) {
			open(t, ctx, fmt.Sprintf("%s/w/%d", srv.URL, i))
			res, err := Resolve(ctx, wd.css, wd.label, wd.kind, "")
			if err != nil || !res.How.Found() {
				t.Fatalf("resolve %s: %+v, %v", wd.css, res, err)
			}
			if res.Library != wd.lib {
				t.Fatalf("resolve %s: library %q, want %q", wd.css, res.Library, wd.lib)
			}
			d, err := Drive(ctx, res.El, wd.kind)
			if err != nil {
				t.Fatal(err)
			}
			f := wd.field
			f.Label, f.Kind = wd.label, wd.kind
			w := wd.want
			if wd.kind == "upload" {
				w.List = []string{pdf}
			}
			err = d.Fill(ctx, env, res.El, f, w)
			if wd.kind == "readonly" || wd.kind == "table" {
				if !errors.Is(err, ErrReadOnly) {
					t.Fatalf("fill of a %s: %v, want ErrReadOnly", wd.kind, err)
				}
			} else if err != nil {
				t.Fatalf("fill: %v", err)
			}
			var got Reading
			err = WaitFor(ctx, 20*time.Second, "the committed value", func() (bool, error) {
				var err error
				got, err = d.Read(ctx, res.El)
				return got.Value == wd.read || slices.Contains(got.List, wd.read), err
			})
			if err != nil {
				t.Fatalf("read %+v, want %q: %v", got, wd.read, err)
			}
			if m := eval[any](t, ctx, wd.model); fmt.Sprint(m) != wd.modelWant {
				t.Errorf("the page's model holds %v, want %s", m, wd.modelWant)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("[data-af]").length`); n != 0 {
				t.Errorf("%d elements carry data-af", n)
			}
		})
	}

	t.Run("select/not-offered", func(t *testing.T) {
		open(t, ctx, srv.URL+"/w/2")
		res, err := Resolve(ctx, ".fi .el-select", "国家", "select", "")
		if err != nil {
			t.Fatal(err)
		}
		err = selectDriver{}.Fill(ctx, env, res.El, Field{Label: "国家"}, Want{Text: "法国"})
		var oe *OfferError
		if !errors.As(err, &oe) || !slices.Contains(oe.Offered, "日本") {
			t.Fatalf("fill of an option not offered: %v, want an OfferError listing 日本", err)
		}
	})
	t.Run("select/manual-entry", func(t *testing.T) {
		// A school the list does not offer: its 其他（手动输入） is chosen
		// from the same settled list.
		open(t, ctx, srv.URL+"/manual")
		res, err := Resolve(ctx, ".fi .el-select", "学校", "select", "")
		if err != nil {
			t.Fatal(err)
		}
		env.ManualUsed = false
		f := Field{Label: "学校", Kind: "select", Remote: true, Manual: "其他（手动输入）"}
		if err := (selectDriver{}).Fill(ctx, env, res.El, f, Want{Text: "University of London"}); err != nil {
			t.Fatal(err)
		}
		if m := eval[string](t, ctx, "app.form.v"); m != "other" || !env.ManualUsed {
			t.Fatalf("the model holds %q (manual entry used: %v), want other", m, env.ManualUsed)
		}
		open(t, ctx, srv.URL+"/manual")
		if res, err = Resolve(ctx, ".fi .el-select", "学校", "select", ""); err != nil {
			t.Fatal(err)
		}
		if err := query(ctx, res.El, "University of London"); err != nil {
			t.Fatal(err)
		}
		st, opt, err := waitOption(ctx, env, res.El, "University of London", f.Manual, true)
		if err != nil || opt == "" || !st.Manual || st.Box == nil {
			t.Fatalf("one wait for the list: %+v, option %q, %v; want the manual-entry option and its box", st, opt, err)
		}
	})
	t.Run("resolve/wrong-label", func(t *testing.T) {
		open(t, ctx, srv.URL+"/w/0")
		res, err := Resolve(ctx, ".fi input", "护照号码", "text", "")
		if err != nil || res.How != WrongLabel || res.Found != "姓名" || res.El != "" {
			t.Fatalf("resolve under another label: %+v, %v", res, err)
		}
		res, err = Resolve(ctx, ".gone input", "姓名", "text", "")
		if err != nil || res.How != ByLabel || res.El == "" {
			t.Fatalf("heal by label: %+v, %v", res, err)
		}
	})
	t.Run("call/empty-arguments", func(t *testing.T) {
		// Empty JSON values arrive as themselves, not as undefined, and an
		// element among them as the element.
		open(t, ctx, srv.URL+"/hover")
		el, err := Query(ctx, "#b")
		if err != nil {
			t.Fatal(err)
		}
		f := Func{Name: "test-args", Source: `function (P, ...a) { return a.map((x) => (x === undefined ? "undefined" : x instanceof Element ? x.id : JSON.stringify(x))); }`}
		got, err := CallFunc[[]string](ctx, "", f, "", []string{}, map[string]int{}, nil, el, []FieldSpec(nil), 0)
		want := []string{`""`, `[]`, `{}`, `null`, `b`, `null`, `0`}
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("the page got %q (%v), want %q", got, err, want)
		}
	})
	t.Run("call/fault", func(t *testing.T) {
		// A page function that throws fails its call with a ScriptError,
		// and the context's hook hears of it too.
		var heard []*ScriptError
		fctx := WithFaultHook(ctx, func(e *ScriptError) { heard = append(heard, e) })
		f := Func{Name: "test-throws", Source: `function (P, list) { for (const x of list) P.norm(x); return true; }`}
		_, err := CallFunc[bool](fctx, "", f, nil)
		var se *ScriptError
		if !errors.As(err, &se) || se.Func != "test-throws" || !strings.Contains(se.Text, "TypeError") || strings.Contains(se.Text, "\n") {
			t.Fatalf("a call that throws: %v, want a one-line ScriptError naming test-throws", err)
		}
		if len(heard) != 1 || heard[0] != se {
			t.Fatalf("the hook heard %v", heard)
		}
		if _, err := CallFunc[bool](fctx, "", f, []string{"a"}); err != nil || len(heard) != 1 {
			t.Fatalf("a call that does not throw: %v; the hook heard %d", err, len(heard))
		}
	})
	t.Run("identify/unknown-required", func(t *testing.T) {
		// With no fields to check (nil), only the required items the map
		// does not know are listed.
		open(t, ctx, srv.URL+"/required")
		id, err := Identify(ctx, nil, []string{"姓名"}, "")
		if err != nil || !slices.Equal(id.Unknown, []string{"证书编号"}) {
			t.Fatalf("identify: %+v, %v; want 证书编号 unknown", id, err)
		}
		id, err = Identify(ctx, nil, nil, "")
		if err != nil || len(id.Unknown) != 1 {
			t.Fatalf("identify with nothing known: %+v, %v", id, err)
		}
	})
	t.Run("actionable/toast-covers-then-leaves", func(t *testing.T) {
		open(t, ctx, srv.URL+"/cover?ms=400")
		clickOnce(t, ctx, env.Click, "#b")
	})
	t.Run("actionable/scrolled-clear-of-a-toast", func(t *testing.T) {
		open(t, ctx, srv.URL+"/scroll")
		clickOnce(t, ctx, env.Click, "#b")
	})
	t.Run("actionable/seen-box", func(t *testing.T) {
		// The box a page function saw an option keep over two frames makes
		// it stable at once; any other box costs the frame it always did.
		open(t, ctx, srv.URL+"/cover?ms=0")
		if err := UntilCount(ctx, 20*time.Second, "the toast to go", "#toast", 0); err != nil {
			t.Fatal(err)
		}
		el, err := Query(ctx, "#b")
		if err != nil {
			t.Fatal(err)
		}
		box := eval[Box](t, ctx, `(() => { const r = document.getElementById("b").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
		countFrameWaits(t, ctx)
		moved := box
		moved[1]++
		for _, c := range []struct {
			seen   *Box
			frames bool
		}{{&box, false}, {&moved, true}, {nil, true}} {
			eval[int](t, ctx, "window.frameWaits = 0")
			if _, err := env.Click.Actionable(ctx, el, "下一步", true, c.seen); err != nil {
				t.Fatal(err)
			}
			if waited := eval[int](t, ctx, "window.frameWaits") > 0; waited != c.frames {
				t.Errorf("seen %v (the box is %v): waited for a frame %v, want %v", c.seen, box, waited, c.frames)
			}
		}
	})
	t.Run("settled/still-already", func(t *testing.T) {
		// A page the recorder saw unchanged for longer than two frames is
		// settled at once; a page that just changed waits two frames.
		open(t, ctx, srv.URL+"/hover")
		if err := WaitFor(ctx, 20*time.Second, "the page to stand still", func() (bool, error) {
			return eval[bool](t, ctx, `Date.now() - window[Symbol.for("autofill.recorder")].lastMutation > 100`), nil
		}); err != nil {
			t.Fatal(err)
		}
		countFrameWaits(t, ctx)
		for _, c := range []struct {
			change string
			frames int
		}{{"", 0}, {`document.body.dataset.x = "1"`, 2}} {
			eval[int](t, ctx, "window.frameWaits = 0; "+c.change+"; 0")
			if err := Settled(ctx, 20*time.Second); err != nil {
				t.Fatal(err)
			}
			if got := eval[int](t, ctx, "window.frameWaits"); (got == 0) != (c.frames == 0) || got < c.frames {
				t.Errorf("after %q settled waited %d frames, want %d", c.change, got, c.frames)
			}
		}
	})
	t.Run("click/hover", func(t *testing.T) {
		// A menu that opens on hover must see the pointer arrive, though
		// the click sends no move of its own.
		open(t, ctx, srv.URL+"/hover")
		el, err := Query(ctx, "#b")
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Click.Click(ctx, el, "下一步"); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, ctx, `seen.join(" ")`); got != "mouseover mouseenter mousedown mouseup click" {
			t.Fatalf("the button saw %q", got)
		}
	})
	t.Run("closed-tab-forgotten", func(t *testing.T) {
		tab, closeTab := br.NewTab()
		defer closeTab()
		open(t, tab, srv.URL+"/hover")
		WatchNetwork(tab)
		if _, err := Call[int](tab, "visible_count", "button"); err != nil {
			t.Fatal(err)
		}
		if !kept(tab) {
			t.Fatal("no state kept for an open tab")
		}
		closeTab()
		if err := WaitFor(ctx, 10*time.Second, "the closed tab's state to go", func() (bool, error) { return !kept(tab), nil }); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("actionable/covered", func(t *testing.T) {
		open(t, ctx, srv.URL+"/cover?ms=600000")
		el, err := Query(ctx, "#b")
		if err != nil {
			t.Fatal(err)
		}
		c := env.Click
		c.Timeout = 500 * time.Millisecond
		err = c.Click(ctx, el, "下一步")
		var na *NotActionableError
		if !errors.As(err, &na) || !na.Point.Covered || !strings.Contains(na.Error(), "上传成功") {
			t.Fatalf("click under a toast: %v, want covered by the toast", err)
		}
		if n := eval[int](t, ctx, "window.clicked || 0"); n != 0 {
			t.Fatalf("clicked %d times under the toast", n)
		}
	})
	t.Run("guard", func(t *testing.T) {
		open(t, ctx, srv.URL+"/cover?ms=0")
		el, err := Query(ctx, "#pay")
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Click.Click(ctx, el, "支付"); err == nil || refused != 1 {
			t.Fatalf("click on 支付: %v (guard refused %d)", err, refused)
		}
		if n := eval[int](t, ctx, "window.paid || 0"); n != 0 {
			t.Fatal("the guard let a click on 支付 through")
		}
		if _, err := Query(ctx, "button"); !errors.As(err, new(*StrictError)) {
			t.Fatalf("two buttons: %v, want a StrictError", err)
		}
		if err := (Clicker{}).Click(ctx, el, "支付"); err == nil {
			t.Fatal("a click without a guard went through")
		}
	})
	t.Run("until", func(t *testing.T) {
		open(t, ctx, srv.URL+"/cover?ms=300")
		if err := UntilCount(ctx, 20*time.Second, "the toast to go", "#toast", 0); err != nil {
			t.Fatal(err)
		}
		err := UntilCount(ctx, 300*time.Millisecond, "a third button", "button", 3)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("a wait for what never comes: %v, want ErrTimeout", err)
		}
	})
	t.Run("every-page-function-parses", func(t *testing.T) {
		names, err := fs.Glob(jsFS, "js/*.js")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			name := strings.TrimSuffix(strings.TrimPrefix(n, "js/"), ".js")
			if name == "prelude" || name == "recorder" {
				continue
			}
			decl, err := declaration(name, false)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[string]("typeof ("+decl+")")); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
	})
	t.Run("navigation-error", func(t *testing.T) {
		open(t, ctx, srv.URL+"/cover?ms=0")
		el, err := Query(ctx, "#b")
		if err != nil {
			t.Fatal(err)
		}
		open(t, ctx, srv.URL+"/w/0")
		_, err = CallOn[Point](ctx, el, "actionable", map[string]any{"timeoutMs": 100})
		if !Transient(err) {
			t.Fatalf("a call on an element of the previous document: %v, want a NavigationError", err)
		}
	})
}

// clickOnce clicks the button css through c and checks the page saw one click.
func clickOnce(t *testing.T, ctx context.Context, c Clicker, css string) {
	t.Helper()
	el, err := Query(ctx, css)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Click(ctx, el, "下一步"); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, ctx, "window.clicked || 0"); n != 1 {
		t.Fatalf("clicked %d times, want 1", n)
	}
}

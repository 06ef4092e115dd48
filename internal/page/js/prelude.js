// prelude builds the helpers every page function shares. It is evaluated
// fresh with each call (page functions are called by value, never installed
// in the page), so it must stay small and free of side effects.
() => {
  const P = {};
  // norm makes texts comparable: trims, folds runs of white space, and turns
  // full-width letters and digits and the ideographic space (Ａ１　) into
  // ASCII, which people type either way. CJK punctuation stays as it is.
  // Go's page.NormText is the same function.
  P.norm = (s) =>
    String(s == null ? "" : s)
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  P.labelText = (s) => P.norm(s).replace(/^\*\s*/, "").replace(/[:：]$/, "").trim();
  // labelKey is a label's identity (Go: page.LabelKey).
  P.labelKey = (s) =>
    P.labelText(String(s == null ? "" : s).normalize("NFKC"))
      .normalize("NFKC")
      .replace(/^\*/, "")
      .replace(/:$/, "")
      .replace(/\s+/g, "");
  P.all = (css, root) => Array.from((root || document).querySelectorAll(css));
  P.visible = (el) => {
    if (!el || !el.isConnected) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.display === "none" || st.visibility === "hidden") return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  // matches reports a page map's detect rule ({css, text}) matching: a
  // visible element of css that shows text.
  P.matches = (r) => {
    let els;
    try {
      els = P.all(r.css).filter(P.visible);
    } catch (e) {
      return false;
    }
    return els.some((e) => !r.text || P.norm(e.innerText).includes(P.norm(r.text)));
  };
  P.roots = (scopeCss) => (scopeCss ? P.all(scopeCss).filter(P.visible) : [document]);
  P.describe = (el) => {
    if (!el || el.nodeType !== 1) return "";
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    const cls = (el.className && typeof el.className === "string" ? el.className.trim().split(/\s+/) : []).slice(0, 3);
    if (cls.length) s += "." + cls.join(".");
    const t = P.norm(el.innerText || "").slice(0, 30);
    return t ? s + ' "' + t + '"' : s;
  };
  // The control of each widget kind inside a form item (Element UI).
  P.widgetSel = {
    text: "input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox])",
    readonly: "input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox])",
    textarea: "textarea",
    select: ".el-select",
    cascader: ".el-cascader",
    date: ".el-date-editor",
    month: ".el-date-editor",
    radio: ".el-radio-group",
    checkbox: ".el-checkbox",
    upload: ".el-upload",
    table: ".el-table",
  };
  P.content = (item) => item.querySelector(".el-form-item__content") || item;
  P.widgetIn = (item, kind) => P.all(P.widgetSel[kind] || "input", P.content(item)).find(P.visible) || null;
  P.itemLabel = (item) => {
    const l = item.querySelector(":scope > .el-form-item__label, :scope > label");
    return l ? P.labelText(l.innerText || l.textContent) : "";
  };
  // formItems are the visible form items in scope labelled exactly label.
  P.formItems = (label, scopeCss) => {
    const want = P.labelText(label);
    const out = [];
    for (const r of P.roots(scopeCss)) for (const it of P.all(".el-form-item", r)) if (P.visible(it) && P.itemLabel(it) === want) out.push(it);
    return out;
  };
  // propose suggests a selector for a form item's control that does not
  // depend on class names the portal may rename: the label's `for`
  // (Element UI sets it from the field's prop), else a distinctive class.
  P.propose = (item, kind) => {
    const inner = kind === "text" || kind === "readonly" ? "input" : P.widgetSel[kind] || "input";
    const l = item.querySelector(":scope > label[for]");
    if (l) {
      const sel = '.el-form-item:has(> label[for="' + l.getAttribute("for") + '"]) ' + inner;
      if (P.all(sel).length === 1) return sel;
    }
    for (const c of (item.className || "").split(/\s+/).filter((c) => c && !/^(el-|is-)/.test(c))) {
      const sel = "." + CSS.escape(c) + " " + inner;
      if (P.all(sel).length === 1) return sel;
    }
    return "";
  };
  // savedOptions reads the options a control offers on a recorded page. A
  // select's and a cascader's live in their dropdown under <body>, linked
  // by the recorder (data-rec-dropdown, in the saved copy only); null
  // means none were captured.
  P.savedOptions = (el, kind) => {
    if (kind === "radio") return P.all(".el-radio", el).map((r) => P.norm((r.querySelector(".el-radio__label") || r).textContent));
    if (kind === "checkbox") return [P.norm(el.textContent)];
    if (kind !== "select" && kind !== "cascader") return null;
    const n = el.getAttribute("data-rec-dropdown");
    const p = n ? document.querySelector('[data-rec-dropdown-of="' + n + '"]') : null;
    if (!p) return null;
    const sel = kind === "select" ? "li.el-select-dropdown__item" : ".el-cascader-menu:first-child .el-cascader-node__label";
    const opts = P.all(sel, p).map((li) => P.norm(li.textContent));
    return opts.length ? opts : null;
  };
  // labelOf is the label of the form item (or the placeholder of an
  // unlabelled input) a control sits in; null when nothing labels it.
  P.labelOf = (el) => {
    const item = el.closest(".el-form-item");
    const l = item && item.querySelector(":scope > .el-form-item__label, :scope > label");
    if (l && P.labelText(l.innerText || l.textContent)) return P.labelText(l.innerText || l.textContent);
    const input = el.matches("input,textarea") ? el : el.querySelector("input:not([type=hidden]):not([type=file]),textarea");
    if (!item && input && input.placeholder) return input.placeholder;
    return null;
  };
  P.input = (el) =>
    el.matches("input,textarea,select") ? el : el.querySelector("input:not([type=file]):not([type=radio]):not([type=checkbox]),textarea");
  // vmOf finds the Vue component of an element that satisfies ok: an
  // element is the root of several nested components (el-date-picker and
  // its el-input), and __vue__ names whichever rendered last.
  P.vmOf = (el, ok) => {
    for (let vm = el && el.__vue__; vm && vm.$el === el; vm = vm.$parent) if (ok(vm)) return vm;
    return null;
  };
  // modelOf is the el-form's own value of the form item a control sits in.
  P.modelOf = (el) => {
    const vm = P.vmOf(el.closest(".el-form-item"), (v) => "fieldValue" in v);
    if (!vm || !vm.prop || !vm.form || !vm.form.model) return undefined;
    try {
      return vm.fieldValue;
    } catch (e) {
      return undefined;
    }
  };
  // popper is the dropdown of a select, cascader or date picker (under
  // <body>), asked of the component so that a closing dropdown of the
  // previous field is never mistaken for this one.
  P.popper = (el) => {
    const vm = el && P.vmOf(el, (v) => v.popperElm || (v.$refs && v.$refs.popper) || (v.picker && v.picker.$el));
    if (vm) {
      if (vm.popperElm) return vm.popperElm;
      if (vm.$refs && vm.$refs.popper) return vm.$refs.popper.$el || vm.$refs.popper;
      if (vm.picker && vm.picker.$el) return vm.picker.$el;
    }
    const open = P.all(".el-select-dropdown,.el-cascader__dropdown,.el-picker-panel").filter(P.visible);
    return open.length === 1 ? open[0] : null;
  };
  // animating reports an element still moving: a transition about to start
  // (Vue's first-frame -enter/-leave class) or a finite animation of it or
  // inside it still running. Not Vue's -active classes: with the tab's quick
  // animations they outlast the motion by Vue's fallback timer (0.3 s).
  // getAnimations flushes pending styles, so a transition just set counts.
  P.animating = (el) => {
    const cls = el.className || "";
    if (typeof cls === "string" && /-(enter|leave)(?![\w-])/.test(cls)) return true;
    if (typeof el.getAnimations !== "function") return /-(enter|leave)(-active|-to)?\b/.test(cls);
    // A spinner (el-icon-loading) turns for ever and moves nothing.
    const finite = (a) => !a.effect || a.effect.getComputedTiming().endTime !== Infinity;
    return el.getAnimations({ subtree: true }).some((a) => (a.playState === "running" || a.pending) && finite(a));
  };
  P.neverMatch = (el, neverCss) => {
    for (const css of neverCss || []) {
      try {
        for (const n of P.all(css)) if (n === el || n.contains(el) || el.contains(n)) return css;
      } catch (e) {}
    }
    return "";
  };
  // clickable is the control a click on el acts on (for the guard's text).
  P.clickable = (el) => el.closest("button,a,label,li,[role=button]") || el;
  // radioLabel is the text a plain radio input is labelled with.
  P.radioLabel = (r) => {
    const l = (r.labels && r.labels[0]) || r.closest("label");
    return l ? l.innerText || l.textContent : r.value;
  };
  // box is an element's border box as the stability checks compare it
  // (Go: page.Box): what one page function saw still, another trusts. r is
  // the element's client rect when the caller measured it already.
  P.box = (el, r = el.getBoundingClientRect()) => [r.left, r.top, r.width, r.height];
  P.frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // until resolves with the first truthy value of f, checked on every
  // animation frame, or with the last value at the deadline (ms).
  P.until = async (f, ms) => {
    const end = performance.now() + ms;
    for (;;) {
      const v = await f();
      if (v && v.ok !== false) return v;
      if (performance.now() >= end) return v;
      await P.frame();
    }
  };
  // library names the widget library a control belongs to: "element"
  // (Element UI's controls sit in el-* elements) or "native" (plain HTML).
  P.library = (el) => (el.closest("[class*='el-']") ? "element" : "native");
  // rec is the page's record of toasts and of its last DOM change
  // (installed by recorder.js). Without a recorder the page is taken to
  // have just changed.
  P.rec = () => window[Symbol.for("autofill.recorder")] || { seq: 0, msgs: [], lastMutation: Infinity };
  return P;
}

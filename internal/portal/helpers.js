// autofill's in-page helpers. Installed into every document of the tab
// (Page.addScriptToEvaluateOnNewDocument) and on demand. They only read the
// DOM and scroll; every click and keystroke is a real input event sent by
// the engine, so the page sees what a person's browser would send.
(() => {
  if (window.__af) return;
  const af = (window.__af = { seq: 0, msgs: [], nextId: 1 });

  // Element UI's el-message toasts vanish after a few seconds; record each one
  // as it appears so the engine can see a "系统繁忙" that came and went.
  const record = (el) => {
    if (el.__afSeen) return;
    el.__afSeen = true;
    const m = /el-message--(\w+)/.exec(el.className || "");
    af.msgs.push({ seq: ++af.seq, type: m ? m[1] : "info", text: norm(el.innerText || el.textContent) });
  };
  af.lastMutation = Date.now();
  const watch = () =>
    new MutationObserver((muts) => {
      af.lastMutation = Date.now();
      for (const mu of muts)
        for (const n of mu.addedNodes) {
          if (n.nodeType !== 1) continue;
          if (n.matches(".el-message")) record(n);
          n.querySelectorAll && n.querySelectorAll(".el-message").forEach(record);
        }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  watch();

  // Count requests in flight and remember each response's status, so the
  // engine knows when a page has finished loading and whether a save failed
  // with a server error (retry), an expired session (log in again) or a
  // validation error (stop and say why).
  af.pending = 0;
  af.responses = [];
  const done = (method, url, status) => {
    af.pending = Math.max(0, af.pending - 1);
    af.responses.push({ seq: ++af.seq, method: String(method || "GET").toUpperCase(), url: String(url || ""), status });
    if (af.responses.length > 200) af.responses.shift();
  };
  const XO = XMLHttpRequest.prototype.open, XS = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__afReq = { method, url };
    return XO.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    af.pending++;
    const req = this.__afReq || {};
    this.addEventListener("loadend", () => done(req.method, req.url, this.status));
    return XS.apply(this, arguments);
  };
  if (window.fetch) {
    const F = window.fetch;
    window.fetch = function (input, init) {
      af.pending++;
      const method = (init && init.method) || (input && input.method) || "GET";
      const url = (input && input.url) || input;
      return F.apply(this, arguments).then(
        (r) => (done(method, url, r.status), r),
        (e) => {
          done(method, url, 0);
          throw e;
        }
      );
    };
  }

  // norm makes texts comparable: trims, folds runs of white space, and turns
  // full-width letters and digits and the ideographic space (Ａ１　) into
  // ASCII, which people type either way. CJK punctuation stays as it is.
  const norm = (af.norm = (s) =>
    String(s == null ? "" : s)
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, " ")
      .replace(/\s+/g, " ")
      .trim());
  const labelText = (af.labelText = (s) => norm(s).replace(/^\*\s*/, "").replace(/[:：]$/, "").trim());
  // labelKey is a label's identity: full- and half-width forms alike
  // （）/() ：/: Ａ/A, no white space, no leading * or trailing colon. A
  // control belongs to a field only when their labels' keys are equal.
  const labelKey = (af.labelKey = (s) =>
    labelText(String(s == null ? "" : s).normalize("NFKC"))
      .normalize("NFKC")
      .replace(/^\*/, "")
      .replace(/:$/, "")
      .replace(/\s+/g, ""));
  // kindsIn names the widget kinds a form item holds (for "a widget of
  // another kind under the right label").
  const kindsIn = (af.kindsIn = (item) => {
    const content = item.querySelector(".el-form-item__content") || item;
    const out = [];
    for (const k of ["select", "cascader", "date", "radio", "checkbox", "upload", "textarea", "text"]) {
      const w = all(widgetSel[k], content).find(visible);
      if (!w) continue;
      if (k === "text" && (w.closest(".el-select,.el-cascader,.el-date-editor") || out.length)) continue;
      if (k === "date" && out.includes("select")) continue;
      out.push(k);
    }
    return out;
  });

  const visible = (af.visible = (el) => {
    if (!el || !el.isConnected) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.display === "none" || st.visibility === "hidden") return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  });

  const tag = (af.tag = (el) => {
    if (!el.dataset.af) el.dataset.af = String(af.nextId++);
    return el.dataset.af;
  });
  const byId = (af.byId = (id) => document.querySelector('[data-af="' + id + '"]'));
  const all = (css, root) => Array.from((root || document).querySelectorAll(css));

  const describe = (af.describe = (el) => {
    if (!el || el.nodeType !== 1) return "";
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    const cls = (el.className && typeof el.className === "string" ? el.className.trim().split(/\s+/) : []).slice(0, 3);
    if (cls.length) s += "." + cls.join(".");
    const t = norm(el.innerText || "").slice(0, 30);
    return t ? s + ' "' + t + '"' : s;
  });

  // widgetIn finds the control of a kind inside a form item.
  const widgetSel = {
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
  af.widgetSel = widgetSel;
  const widgetIn = (item, kind) => {
    const content = item.querySelector(".el-form-item__content") || item;
    return all(widgetSel[kind] || "input", content).find(visible) || null;
  };
  const itemLabel = (af.itemLabel = (item) => {
    const l = item.querySelector(":scope > .el-form-item__label, :scope > label");
    return l ? labelText(l.innerText || l.textContent) : "";
  });
  // formItems returns the visible form items in scope whose label is exactly label.
  const formItems = (af.formItems = (label, scopeCss) => {
    const roots = scopeCss ? all(scopeCss).filter(visible) : [document];
    const want = labelText(label);
    const out = [];
    for (const r of roots) for (const it of all(".el-form-item", r)) if (visible(it) && itemLabel(it) === want) out.push(it);
    return out;
  });

  // resolve finds the one control for a field: by its selector, else by its
  // exact, unique label ("healed"). It never guesses between two.
  af.resolve = (css, label, kind, scopeCss) => {
    let els = [];
    try {
      els = all(css).filter(visible);
    } catch (e) {
      return { how: "bad-css", detail: String(e.message || e) };
    }
    if (els.length === 1) {
      // CSS is only the fast path: the control must sit under the map's label.
      const found = labelOf(els[0]);
      if (label && found !== null && labelKey(found) !== labelKey(label)) return { how: "wrong-label", found };
      return { how: "css", id: tag(els[0]) };
    }
    if (els.length > 1) return { how: "ambiguous-css", count: els.length };
    if (!label) return { how: "missing" };
    const items = formItems(label, scopeCss);
    if (items.length === 0) return { how: "missing" };
    if (items.length > 1) return { how: "ambiguous-label", count: items.length };
    const w = widgetIn(items[0], kind);
    if (!w) {
      const kinds = kindsIn(items[0]);
      return kinds.length ? { how: "other-widget", found: kinds.join(", ") } : { how: "missing-widget" };
    }
    return { how: "label", id: tag(w), proposal: af.propose(items[0], kind) };
  };

  // labelOf is the label of the form item (or the placeholder of an
  // unlabelled input) a control sits in; null when nothing labels it (a
  // table, a control outside any form item), "" for an empty label.
  const labelOf = (af.labelOf = (el) => {
    const item = el.closest(".el-form-item");
    const l = item && item.querySelector(":scope > .el-form-item__label, :scope > label");
    if (l && labelText(l.innerText || l.textContent)) return labelText(l.innerText || l.textContent);
    const input = el.matches("input,textarea") ? el : el.querySelector("input:not([type=hidden]):not([type=file]),textarea");
    if (!item && input && input.placeholder) return input.placeholder;
    return null;
  });

  // identify checks every field of a page at once, before anything is
  // typed: a control its selector finds must sit under the field's label,
  // and no required form item may be one the map does not know.
  af.identify = (fields, known, scopeCss) => {
    const wrong = [];
    for (const f of fields) {
      let els = [];
      try {
        els = all(f.css).filter(visible);
      } catch (e) {
        continue;
      }
      if (els.length !== 1) continue;
      const found = labelOf(els[0]);
      const names = [f.label].concat(f.aliases || []).map(labelKey);
      if (found !== null && !names.includes(labelKey(found))) wrong.push({ label: f.label, found });
    }
    return { wrong, unknown: af.unknownRequired(known, scopeCss) };
  };
  af.unknownRequired = (known, scopeCss) => {
    const keys = new Set((known || []).map(labelKey));
    const roots = scopeCss ? all(scopeCss).filter(visible) : [document];
    const out = [];
    for (const r of roots)
      for (const it of all(".el-form-item.is-required", r)) {
        if (!visible(it)) continue;
        const l = itemLabel(it);
        if (l && !keys.has(labelKey(l))) out.push(l);
      }
    return out;
  };

  // propose suggests a CSS selector for a form item's control that does not
  // depend on class names the portal may rename: the label's `for` (Element UI
  // sets it from the field's prop), else a distinctive class.
  af.propose = (item, kind) => {
    const w = widgetSel[kind] || "input";
    const inner = kind === "text" || kind === "readonly" ? "input" : w;
    const l = item.querySelector(":scope > label[for]");
    if (l) {
      const sel = '.el-form-item:has(> label[for="' + l.getAttribute("for") + '"]) ' + inner;
      if (all(sel).length === 1) return sel;
    }
    const cls = (item.className || "").split(/\s+/).filter((c) => c && !/^(el-|is-)/.test(c));
    for (const c of cls) {
      const sel = "." + CSS.escape(c) + " " + inner;
      if (all(sel).length === 1) return sel;
    }
    return "";
  };

  // read returns what a person sees in a control.
  af.read = (id, kind) => {
    const el = byId(id);
    if (!el) return { gone: true };
    const input = el.matches("input,textarea") ? el : el.querySelector("input:not([type=file]):not([type=radio]):not([type=checkbox]),textarea");
    switch (kind) {
      case "radio": {
        const c = el.querySelector(".el-radio.is-checked .el-radio__label");
        return { value: c ? norm(c.innerText) : "" };
      }
      case "checkbox":
        return { value: el.classList.contains("is-checked") || !!el.querySelector(".el-checkbox__input.is-checked") ? "true" : "false" };
      case "select": {
        // The chosen option, not the input's text: a filterable select's
        // input may hold a typed query while nothing is chosen.
        const vm = vmOf(el, (v) => typeof v.getOption === "function");
        if (vm) {
          const v = vm.value;
          if (v === "" || v == null || (Array.isArray(v) && !v.length)) return { value: "", shown: input ? norm(input.value) : "" };
          const o = vm.getOption(v);
          return { value: norm(o && o.currentLabel != null ? o.currentLabel : v), model: modelOf(el) };
        }
        return { value: input ? norm(input.value) : "" };
      }
      case "date":
      case "month": {
        // The picker's value in its display format, not text typed and
        // not yet taken.
        const vm = vmOf(el, (v) => typeof v.formatToString === "function");
        if (vm) {
          if (!vm.value) return { value: "", shown: input ? norm(input.value) : "" };
          return { value: norm(vm.formatToString(vm.parsedValue)), model: modelOf(el) };
        }
        return { value: input ? norm(input.value) : "" };
      }
      case "text":
      case "textarea": {
        // What the form will send (its model), when the page exposes it.
        const m = modelOf(el);
        const shown = input ? norm(input.value) : "";
        return { value: m != null && typeof m === "string" ? norm(m) : shown, shown, disabled: !!(input && (input.disabled || input.readOnly)) };
      }
      case "upload": {
        const item = el.closest(".el-form-item") || el.parentElement;
        const names = (sel) => all(sel, item).map((n) => norm(n.innerText || n.textContent));
        return {
          list: names(".el-upload-list__item.is-success .el-upload-list__item-name"),
          pending: names(".el-upload-list__item.is-uploading .el-upload-list__item-name"),
          failed: names(".el-upload-list__item.is-fail .el-upload-list__item-name"),
        };
      }
      default:
        return { value: input ? norm(input.value) : "", disabled: !!(input && (input.disabled || input.readOnly)) };
    }
  };

  // vmOf finds the Vue component of an element that satisfies ok: an
  // element is the root of several nested components (el-date-picker and
  // its el-input), and __vue__ names whichever rendered last.
  const vmOf = (af.vmOf = (el, ok) => {
    for (let vm = el && el.__vue__; vm && vm.$el === el; vm = vm.$parent) if (ok(vm)) return vm;
    return null;
  });

  // modelOf is the el-form's own value of the form item a control sits in
  // (el-form-item's fieldValue), or undefined where the page exposes none.
  const modelOf = (af.modelOf = (el) => {
    const item = el.closest(".el-form-item");
    const vm = vmOf(item, (v) => "fieldValue" in v);
    if (!vm || !vm.prop || !vm.form || !vm.form.model) return undefined;
    try {
      return vm.fieldValue;
    } catch (e) {
      return undefined;
    }
  });
  // readAll reads many controls in one call: the sweep before 下一步.
  af.readAll = (list) => list.map(([id, kind]) => af.read(id, kind));

  // dateState says whether a date picker took what was typed, and its
  // display format.
  af.dateState = (id) => {
    const el = byId(id);
    const vm = vmOf(el, (v) => typeof v.parseString === "function");
    if (!vm) return { known: false };
    const p = popper(id);
    const typed = vm.userInput;
    return {
      known: true,
      open: !!(p && visible(p)),
      typed: typed == null ? "" : String(typed),
      taken: typed == null || !!vm.parseString(typed),
      format: vm.format || "",
    };
  };

  // dialogs lists the visible message boxes and dialogs that are not the
  // page map's own (a confirmation a portal release added after 下一步).
  af.dialogs = (knownCss) => {
    const known = (knownCss || []).filter(Boolean);
    const out = [];
    for (const d of all(".el-message-box, .el-dialog").filter(visible)) {
      if (known.some((k) => { try { return d.matches(k) || !!d.closest(k) || !!d.querySelector(k); } catch (e) { return false; } })) continue;
      const body = d.querySelector(".el-message-box__message, .el-dialog__body");
      const title = d.querySelector(".el-message-box__title, .el-dialog__title");
      out.push({
        title: norm(title ? title.innerText : ""),
        text: norm(body ? body.innerText : d.innerText).slice(0, 200),
        buttons: all("button", d).filter(visible).map((b) => norm(b.innerText)).filter(Boolean),
      });
    }
    return out;
  };

  // point scrolls an element into view and says where to click, and whether
  // something else (a mask, a leftover dropdown) would receive the click.
  const point = (af.point = (el, nearest) => {
    if (!el) return { found: false };
    el.scrollIntoView({ block: nearest ? "nearest" : "center", inline: "nearest" });
    let r = el.getBoundingClientRect();
    let x = r.left + r.width / 2, y = r.top + r.height / 2;
    let hit = document.elementFromPoint(x, y);
    // Toasts (上传成功 …) stack at the top of the window for seconds: scroll
    // the target clear below them, as a person would, rather than wait
    // them out. Anything else covering it is waited for.
    if (hit && hit !== el && !el.contains(hit) && hit.closest(".el-message,.el-notification")) {
      const bottom = Math.max(...all(".el-message,.el-notification").filter(visible).map((t) => t.getBoundingClientRect().bottom));
      if (bottom + 8 + r.height < innerHeight) {
        window.scrollBy(0, r.top - bottom - 8);
        r = el.getBoundingClientRect();
        x = r.left + r.width / 2;
        y = r.top + r.height / 2;
        hit = document.elementFromPoint(x, y);
      }
    }
    const covered = !(hit && (hit === el || el.contains(hit)));
    const btn = el.closest("button,a,label,li,[role=button]") || el;
    return {
      found: true, x, y, w: r.width, h: r.height, covered,
      by: covered ? describe(hit) : "",
      text: norm(btn.innerText || btn.value || ""),
      disabled: !!(btn.disabled || btn.classList.contains("is-disabled")),
    };
  });

  // target finds the one visible element of a selector, with the facts the
  // click guard needs.
  af.target = (css, neverCss) => {
    let els;
    try {
      els = all(css).filter(visible);
    } catch (e) {
      return { found: false, count: 0, error: String(e.message || e) };
    }
    if (els.length !== 1) return { found: false, count: els.length };
    const p = point(els[0]);
    p.count = 1;
    p.never = neverMatch(els[0], neverCss);
    return p;
  };
  af.targetId = (id, neverCss, nearest) => {
    const el = byId(id);
    const p = point(el, nearest);
    if (el) p.never = neverMatch(el, neverCss);
    return p;
  };
  const neverMatch = (el, neverCss) => {
    for (const css of neverCss || []) {
      try {
        for (const n of all(css)) if (n === el || n.contains(el) || el.contains(n)) return css;
      } catch (e) {}
    }
    return "";
  };

  // The dropdown (popper) of a select, cascader or date picker lives under
  // <body>. Ask the component for its own popper so a closing dropdown of
  // the previous field is never mistaken for this one.
  const popper = (af.popper = (id) => {
    const el = byId(id);
    const vm = el && vmOf(el, (v) => v.popperElm || (v.$refs && v.$refs.popper) || (v.picker && v.picker.$el));
    if (vm) {
      if (vm.popperElm) return vm.popperElm;
      if (vm.$refs && vm.$refs.popper) return vm.$refs.popper.$el || vm.$refs.popper;
      if (vm.picker && vm.picker.$el) return vm.picker.$el;
    }
    const open = all(".el-select-dropdown,.el-cascader__dropdown,.el-picker-panel").filter(visible);
    return open.length === 1 ? open[0] : null;
  });
  const animating = (el) => /-(enter|leave)(-active|-to)?\b/.test(el.className || "");
  af.popperState = (id) => {
    const p = popper(id);
    if (!p || !visible(p)) return { open: false };
    return { open: true, animating: animating(p) };
  };

  // option finds an el-select option by its exact text in this select's
  // dropdown and reports where it is, so the engine can wait until it stops
  // moving before clicking.
  af.option = (id, text, neverCss) => {
    const p = popper(id);
    const el = byId(id);
    const vm = el && el.__vue__;
    const loading = !!((vm && vm.loading) || (p && all(".el-select-dropdown__loading", p).some(visible)));
    if (!p || !visible(p)) return { open: false, loading };
    const items = all("li.el-select-dropdown__item", p).filter(visible);
    const offered = items.map((li) => norm(li.innerText));
    const want = norm(text);
    const hits = items.filter((li) => norm(li.innerText) === want);
    const res = { open: true, loading, animating: animating(p), offered: offered.slice(0, 40), count: hits.length };
    if (hits.length === 1) Object.assign(res, point(hits[0], true), { never: neverMatch(hits[0], neverCss) });
    return res;
  };

  // cascaderNode finds a node of the level-th menu of a cascader by label.
  af.cascaderNode = (id, level, text) => {
    const p = popper(id);
    if (!p || !visible(p)) return { open: false };
    const menus = all(".el-cascader-menu", p).filter(visible);
    if (level >= menus.length) return { open: true, menus: menus.length, count: 0 };
    const nodes = all(".el-cascader-node", menus[level]);
    const offered = nodes.map((n) => norm((n.querySelector(".el-cascader-node__label") || n).innerText));
    const hits = nodes.filter((n, i) => offered[i] === norm(text));
    const res = { open: true, animating: animating(p), menus: menus.length, count: hits.length, offered: offered.slice(0, 40) };
    if (hits.length === 1) Object.assign(res, point(hits[0], true));
    return res;
  };

  // radioOption finds the radio of a group with the given label.
  af.radioOption = (id, text) => {
    const g = byId(id);
    if (!g) return { found: false };
    const radios = all(".el-radio", g);
    const offered = radios.map((r) => norm((r.querySelector(".el-radio__label") || r).innerText));
    const hits = radios.filter((r, i) => offered[i] === norm(text));
    if (hits.length !== 1) return { found: false, count: hits.length, offered };
    return Object.assign(point(hits[0]), { count: 1, offered });
  };

  // focusInput focuses the text input of a control and selects its text, so
  // the next Input.insertText replaces it.
  af.focusInput = (id) => {
    const el = byId(id);
    if (!el) return false;
    const input = el.matches("input,textarea") ? el : el.querySelector("input:not([type=file]),textarea");
    if (!input) return false;
    input.scrollIntoView({ block: "center", inline: "nearest" });
    input.focus();
    if (typeof input.select === "function") input.select();
    return document.activeElement === input;
  };
  // clearInput empties a text control the way a person's Select-all + Delete
  // would: Vue sees an input event.
  af.clearInput = (id) => {
    const el = byId(id);
    const input = el && (el.matches("input,textarea") ? el : el.querySelector("input,textarea"));
    if (!input) return false;
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  };
  af.blur = (id) => {
    const el = byId(id);
    const input = el && (el.matches("input,textarea") ? el : el.querySelector("input,textarea"));
    if (input) {
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.blur();
    }
    return true;
  };

  // detect returns the ids of the page maps whose rule matches.
  af.detect = (rules) =>
    rules
      .filter((r) => {
        let els;
        try {
          els = all(r.css).filter(visible);
        } catch (e) {
          return false;
        }
        return els.some((e) => !r.text || norm(e.innerText).includes(norm(r.text)));
      })
      .map((r) => r.page);

  // formErrors lists visible validation messages with their field labels.
  af.formErrors = (scopeCss) => {
    const roots = scopeCss ? all(scopeCss).filter(visible) : [document];
    const out = [];
    for (const r of roots)
      for (const e of all(".el-form-item__error", r).filter(visible)) {
        const it = e.closest(".el-form-item");
        out.push({ label: it ? itemLabel(it) : "", text: norm(e.innerText) });
      }
    return out;
  };
  af.messagesSince = (seq) => af.msgs.filter((m) => m.seq > seq);
  af.lastSeq = () => af.seq;
  af.responsesSince = (seq) => af.responses.filter((r) => r.seq > seq);
  // idle: no request in flight, no Element UI loading mask showing, and the
  // DOM has been still for a moment — Vue renders some parts (el-table's
  // columns, dialogs) a tick or more after the page appears.
  // A page whose Vue app has not mounted yet (its scripts still loading on a
  // busy machine) shows the raw template — el-form-item tags, v-cloak — and
  // is not idle: checking labels there would find no control at all.
  af.idle = () =>
    af.pending === 0 &&
    Date.now() - af.lastMutation >= 150 &&
    !all(".el-loading-mask").some(visible) &&
    !document.querySelector("[v-cloak], el-form, el-form-item, el-input, el-select, el-button");

  // tableRows reads the visible data rows of a table as cell texts.
  af.tableRows = (rowsCss) =>
    all(rowsCss)
      .filter(visible)
      .map((tr) => all("td", tr).map((td) => norm(td.innerText)));
  af.tableHeaders = (tableCss) => {
    const t = all(tableCss).find(visible);
    return t ? all("th", t).filter(visible).map((th) => norm(th.innerText)) : [];
  };
  // rowButton tags the button with the given text in row i of a table.
  af.rowButton = (rowsCss, i, css, text) => {
    const rows = all(rowsCss).filter(visible);
    if (i >= rows.length) return "";
    const b = all(css, rows[i]).find((b) => visible(b) && (!text || norm(b.innerText) === norm(text)));
    return b ? tag(b) : "";
  };
  // pairs reads a summary block's labels and values, paired in document
  // order (el-descriptions puts each label before its value).
  af.pairs = (css, labelCss, valueCss) => {
    const root = all(css).find(visible);
    if (!root) return [];
    const cells = all(labelCss + "," + valueCss, root);
    const out = [];
    let label = null;
    for (const c of cells) {
      if (c.matches(labelCss)) label = labelText(c.innerText || c.textContent);
      else if (label !== null) {
        out.push({ label, value: norm(c.innerText || c.textContent) });
        label = null;
      }
    }
    return out;
  };

  // buttons lists the visible buttons' texts, for a message about a
  // button that moved or was renamed.
  af.buttons = (scopeCss) => {
    const roots = scopeCss ? all(scopeCss).filter(visible) : [document];
    const out = [];
    for (const r of roots) for (const b of all("button", r).filter(visible)) out.push(norm(b.innerText));
    return out.filter(Boolean);
  };
  af.visibleCount = (css) => {
    try {
      return all(css).filter(visible).length;
    } catch (e) {
      return -1;
    }
  };
  af.text = (css) => {
    const e = all(css).find(visible);
    return e ? norm(e.innerText) : "";
  };
  af.state = () => ({ url: location.href, title: document.title, ready: document.readyState });
  // uploadItem tags the name of the uploaded file `name` in the list of the
  // upload control id (--prune focuses its list item to delete it).
  af.uploadItem = (id, name) => {
    const el = byId(id);
    const item = el && (el.closest(".el-form-item") || el.parentElement);
    if (!item) return "";
    const n = all(".el-upload-list__item.is-success .el-upload-list__item-name", item).find(
      (a) => visible(a) && norm(a.innerText || a.textContent) === norm(name),
    );
    return n ? tag(n) : "";
  };
})();

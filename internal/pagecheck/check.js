// autofill's recording checks. They run on a recorded page beside the
// engine's own helpers (window.__af), so "visible", "the label of a form
// item", "a widget of kind K" and the proposed selectors mean exactly what
// they mean to the engine.
(() => {
  if (window.__afCheck) return;
  const af = window.__af;
  const norm = af.norm;
  const { labelText, itemLabel } = af; // the engine's: what a run would read
  const text = (el) => norm(el.innerText || el.value || el.textContent || "");

  // optionsOf reads the options a control offers. A select's and a
  // cascader's live in their dropdown under <body>, linked by the recorder
  // (data-rec-dropdown); null means none were captured.
  const optionsOf = (el, kind) => {
    if (kind === "radio") return Array.from(el.querySelectorAll(".el-radio")).map((r) => norm((r.querySelector(".el-radio__label") || r).textContent));
    if (kind === "checkbox") return [norm(el.textContent)];
    if (kind !== "select" && kind !== "cascader") return null;
    const n = el.getAttribute("data-rec-dropdown");
    const p = n ? document.querySelector('[data-rec-dropdown-of="' + n + '"]') : null;
    if (!p) return null;
    const sel = kind === "select" ? "li.el-select-dropdown__item" : ".el-cascader-menu:first-child .el-cascader-node__label";
    const opts = Array.from(p.querySelectorAll(sel)).map((li) => norm(li.textContent));
    return opts.length ? opts : null;
  };

  const all = (css) => Array.from(document.querySelectorAll(css));

  window.__afCheck = {
    // item checks one selector of a map (see item in check.go).
    item: (it) => {
      let els;
      try {
        els = all(it.css);
      } catch (e) {
        return { bad: String(e.message || e) };
      }
      if (it.within) {
        let rows = [];
        try {
          rows = all(it.within).filter(af.visible);
        } catch (e) {}
        els = els.filter((e) => rows.some((r) => r.contains(e)));
      }
      const vis = els.filter(af.visible);
      const res = { visible: vis.length, hidden: els.length - vis.length };
      const el = vis.length === 1 || (it.many && vis.length) ? vis[0] : null;
      if (el) {
        res.is = af.describe(el);
        res.text = text(el);
        if (it.kind) {
          res.kindOK = el.matches(af.widgetSel[it.kind] || "*");
          const item = el.closest(".el-form-item");
          res.inItem = !!item;
          res.itemLabel = item ? itemLabel(item) : "";
          res.labelOK = !!item && res.itemLabel === labelText(it.label || "");
          res.options = optionsOf(el, it.kind);
          if (item) res.proposal = af.propose(item, it.kind);
        }
        if (it.columns) res.headers = all("th").filter((th) => af.visible(th) && el.contains(th)).map(text).filter(Boolean);
      }
      if (it.label && it.kind && it.kind !== "table") {
        const items = af.formItems(it.label, it.scope);
        res.byLabel = items.length;
        if (items.length === 1) res.labelProposal = af.propose(items[0], it.kind);
        if (items.length > 1) res.labelProposals = items.map((i) => af.propose(i, it.kind));
        if (items.length === 0 && vis.length === 0) {
          // Renamed label and selector: the person reads the placeholder
          // (请输入11位手机号码) that still names the field.
          const want = labelText(it.label || "");
          const scope = it.scope ? all(it.scope) : [document];
          const cands = [];
          for (const s of scope) {
            for (const fi of s.querySelectorAll(".el-form-item")) {
              if (!af.visible(fi) || cands.includes(fi)) continue;
              const ph = Array.from(fi.querySelectorAll("input[placeholder],textarea[placeholder]")).map((e) => e.getAttribute("placeholder"));
              if (want && ph.some((p) => p.includes(want))) cands.push(fi);
            }
          }
          if (cands.length === 1) {
            res.placeholderLabel = itemLabel(cands[0]);
            res.placeholderProposal = af.propose(cands[0], it.kind);
          }
        }
      }
      return res;
    },

    // options returns what a control found by the helpers offers.
    options: (id, kind) => {
      const el = af.byId(id);
      return el ? optionsOf(el, kind) : null;
    },
  };
})();

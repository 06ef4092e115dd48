// check_item checks one selector of a map on a saved page (see item in
// check.go), with the engine's own notions (the page layer's prelude P) of
// visible, a form item's label, a widget of kind K and proposed selectors.
function (P, it) {
  const text = (el) => P.norm(el.innerText || el.value || el.textContent || "");
  let els;
  try {
    els = P.all(it.css);
  } catch (e) {
    return { bad: String(e.message || e) };
  }
  if (it.within) {
    let rows = [];
    try {
      rows = P.all(it.within).filter(P.visible);
    } catch (e) {}
    els = els.filter((e) => rows.some((r) => r.contains(e)));
  }
  const vis = els.filter(P.visible);
  const res = { visible: vis.length, hidden: els.length - vis.length };
  const el = vis.length === 1 || (it.many && vis.length) ? vis[0] : null;
  if (el) {
    res.is = P.describe(el);
    res.text = text(el);
    if (it.kind) {
      res.kindOK = el.matches(P.widgetSel[it.kind] || "*");
      const item = el.closest(".el-form-item");
      res.inItem = !!item;
      res.itemLabel = item ? P.itemLabel(item) : "";
      res.labelOK = !!item && res.itemLabel === P.labelText(it.label || "");
      res.options = P.savedOptions(el, it.kind);
      if (item) res.proposal = P.propose(item, it.kind);
    }
    if (it.columns) res.headers = P.all("th").filter((th) => P.visible(th) && el.contains(th)).map(text).filter(Boolean);
  }
  if (it.label && it.kind && it.kind !== "table") {
    const items = P.formItems(it.label, it.scope);
    res.byLabel = items.length;
    if (items.length === 1) res.labelProposal = P.propose(items[0], it.kind);
    if (items.length > 1) res.labelProposals = items.map((i) => P.propose(i, it.kind));
    if (items.length === 0 && vis.length === 0) {
      // Renamed label and selector: the person reads the placeholder
      // (请输入11位手机号码) that still names the field.
      const want = P.labelText(it.label || "");
      const scope = it.scope ? P.all(it.scope) : [document];
      const cands = [];
      for (const s of scope) {
        for (const fi of s.querySelectorAll(".el-form-item")) {
          if (!P.visible(fi) || cands.includes(fi)) continue;
          const ph = Array.from(fi.querySelectorAll("input[placeholder],textarea[placeholder]")).map((e) => e.getAttribute("placeholder"));
          if (want && ph.some((p) => p.includes(want))) cands.push(fi);
        }
      }
      if (cands.length === 1) {
        res.placeholderLabel = P.itemLabel(cands[0]);
        res.placeholderProposal = P.propose(cands[0], it.kind);
      }
    }
  }
  return res;
}

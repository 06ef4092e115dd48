// resolve finds the one control for a field: by its selector, else by its
// exact, unique label ("healed"). It never guesses between two. how is one
// of page.Resolution's values.
function (P, css, label, kind, scopeCss) {
  let els = [];
  try {
    els = P.all(css).filter(P.visible);
  } catch (e) {
    return { how: "bad-css", detail: String(e.message || e) };
  }
  if (els.length === 1) {
    // CSS is only the fast path: the control must sit under the map's label.
    const found = P.labelOf(els[0]);
    if (label && found !== null && P.labelKey(found) !== P.labelKey(label)) return { how: "wrong-label", found };
    return { how: "css", el: els[0] };
  }
  if (els.length > 1) return { how: "ambiguous-css", count: els.length };
  if (!label) return { how: "missing" };
  const want = P.labelText(label);
  const items = [];
  for (const r of P.roots(scopeCss))
    for (const it of P.all(".el-form-item", r)) if (P.visible(it) && P.itemLabel(it) === want) items.push(it);
  if (items.length === 0) return { how: "missing" };
  if (items.length > 1) return { how: "ambiguous-label", count: items.length };
  const w = P.widgetIn(items[0], kind);
  if (!w) {
    const kinds = [];
    for (const k of ["select", "cascader", "date", "radio", "checkbox", "upload", "textarea", "text"]) {
      const x = P.all(P.widgetSel[k], P.content(items[0])).find(P.visible);
      if (!x) continue;
      if (k === "text" && (x.closest(".el-select,.el-cascader,.el-date-editor") || kinds.length)) continue;
      if (k === "date" && kinds.includes("select")) continue;
      kinds.push(k);
    }
    return kinds.length ? { how: "other-widget", found: kinds.join(", ") } : { how: "missing-widget" };
  }
  // A selector for the page map that does not depend on class names the
  // portal may rename: the label's `for` (Element UI sets it from the
  // field's prop), else a distinctive class.
  let proposal = "";
  const inner = kind === "text" || kind === "readonly" ? "input" : P.widgetSel[kind] || "input";
  const l = items[0].querySelector(":scope > label[for]");
  if (l) {
    const sel = '.el-form-item:has(> label[for="' + l.getAttribute("for") + '"]) ' + inner;
    if (P.all(sel).length === 1) proposal = sel;
  }
  if (!proposal)
    for (const c of (items[0].className || "").split(/\s+/).filter((c) => c && !/^(el-|is-)/.test(c))) {
      const sel = "." + CSS.escape(c) + " " + inner;
      if (P.all(sel).length === 1) {
        proposal = sel;
        break;
      }
    }
  return { how: "label", el: w, proposal };
}

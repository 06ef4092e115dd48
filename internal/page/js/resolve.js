// resolve finds the one control for a field: by its selector, else by its
// exact, unique label ("healed"). It never guesses between two. how is one
// of page.Resolution's values; lib is the control's widget library, which
// the driver is chosen by.
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
    return { how: "css", el: els[0], lib: P.library(els[0]) };
  }
  if (els.length > 1) return { how: "ambiguous-css", count: els.length };
  if (!label) return { how: "missing" };
  const items = P.formItems(label, scopeCss);
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
  return { how: "label", el: w, lib: P.library(w), proposal: P.propose(items[0], kind) };
}

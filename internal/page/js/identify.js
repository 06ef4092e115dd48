// identify checks every field of a page at once, before anything is typed:
// a control its selector finds must sit under the field's label (or an
// alias), and no required form item may be one the map does not know.
function (P, fields, known, scopeCss) {
  const wrong = [];
  for (const f of fields || []) {
    let els = [];
    try {
      els = P.all(f.css).filter(P.visible);
    } catch (e) {
      continue;
    }
    if (els.length !== 1) continue;
    const found = P.labelOf(els[0]);
    const names = [f.label].concat(f.aliases || []).map(P.labelKey);
    if (found !== null && !names.includes(P.labelKey(found))) wrong.push({ label: f.label, found });
  }
  const keys = new Set((known || []).map(P.labelKey));
  const unknown = [];
  for (const r of P.roots(scopeCss))
    for (const it of P.all(".el-form-item.is-required", r)) {
      if (!P.visible(it)) continue;
      const l = P.itemLabel(it);
      if (l && !keys.has(P.labelKey(l))) unknown.push(l);
    }
  return { wrong, unknown };
}

// form_errors lists the visible validation messages with their labels.
function (P, scopeCss) {
  const out = [];
  for (const r of P.roots(scopeCss))
    for (const e of P.all(".el-form-item__error", r).filter(P.visible)) {
      const it = e.closest(".el-form-item");
      out.push({ label: it ? P.itemLabel(it) : "", text: P.norm(e.innerText) });
    }
  return out;
}

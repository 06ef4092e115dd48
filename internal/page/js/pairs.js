// pairs reads a summary block's labels and values, paired in document
// order (el-descriptions puts each label before its value).
function (P, css, labelCss, valueCss) {
  const root = P.all(css).find(P.visible);
  if (!root) return [];
  const out = [];
  let label = null;
  for (const c of P.all(labelCss + "," + valueCss, root)) {
    if (c.matches(labelCss)) label = P.labelText(c.innerText || c.textContent);
    else if (label !== null) {
      out.push({ label, value: P.norm(c.innerText || c.textContent) });
      label = null;
    }
  }
  return out;
}

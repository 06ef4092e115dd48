// row_button finds the button with the given text in row i of a table.
function (P, rowsCss, i, css, text) {
  const rows = P.all(rowsCss).filter(P.visible);
  if (i >= rows.length) return {};
  const b = P.all(css, rows[i]).find((b) => P.visible(b) && (!text || P.norm(b.innerText) === P.norm(text)));
  return { el: b || null };
}

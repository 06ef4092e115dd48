// table_headers reads the visible header texts of a table.
function (P, tableCss) {
  const t = P.all(tableCss).find(P.visible);
  return t ? P.all("th", t).filter(P.visible).map((th) => P.norm(th.innerText)) : [];
}

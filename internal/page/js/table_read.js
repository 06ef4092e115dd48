// table_read reads this table's visible data rows as cell texts.
function (P) {
  return P.all("tbody tr", this).filter(P.visible).map((tr) => P.all("td", tr).map((td) => P.norm(td.innerText)));
}

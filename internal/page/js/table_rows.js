// table_rows reads the visible data rows of a table as cell texts.
function (P, rowsCss) {
  return P.all(rowsCss).filter(P.visible).map((tr) => P.all("td", tr).map((td) => P.norm(td.innerText)));
}

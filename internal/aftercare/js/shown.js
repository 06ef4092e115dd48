// shown is true when the tab shows page and only it (of the maps' detect
// rules) and the page is rendered: no template placeholder {{ }} left in
// view.
function (P, rules, page) {
  const found = rules.filter(P.matches).map((r) => r.page);
  return found.length === 1 && found[0] === page && !document.body.innerText.includes("{{");
}

// href is the address the first element of a selector links to ("" when
// the page has no such element yet).
function (P, css) {
  const e = document.querySelector(css);
  return e ? e.href || e.getAttribute("data-href") || "" : "";
}

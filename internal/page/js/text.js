// text is the text of the first visible element of a selector.
function (P, css) {
  const e = P.all(css).find(P.visible);
  return e ? P.norm(e.innerText) : "";
}

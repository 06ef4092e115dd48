// texts are the texts of every visible element of a selector (a list value
// of a page map, such as the notices of 查看).
function (P, css) {
  return P.all(css).filter(P.visible).map((e) => P.norm(e.innerText));
}

// visible_count counts the visible elements of a selector (-1: bad CSS).
function (P, css) {
  try {
    return P.all(css).filter(P.visible).length;
  } catch (e) {
    return -1;
  }
}

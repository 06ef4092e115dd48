// count_is is true when css matches exactly n visible elements (for a
// wait that runs in the page: a dialog opened or closed, a notice gone).
function (P, css, n) {
  try {
    return P.all(css).filter(P.visible).length === n;
  } catch (e) {
    return false;
  }
}

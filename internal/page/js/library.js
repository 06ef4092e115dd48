// library names the widget library this control belongs to (P.library).
function (P) {
  return P.library(this);
}

// library names the widget library this control belongs to: "element"
// (Element UI) or "native" (plain HTML form controls).
function (P) {
  if (this.closest("[class*='el-']")) return "element";
  return "native";
}

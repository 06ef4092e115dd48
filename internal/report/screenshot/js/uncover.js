// uncover removes what cover.js laid over the page.
function (P) {
  document.querySelectorAll(".autofill-mask-layer").forEach((l) => l.remove());
  return true;
}

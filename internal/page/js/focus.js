// focus focuses the text input of this control and selects its text, so
// that the next Input.insertText replaces it.
function (P) {
  const input = P.input(this);
  if (!input) return false;
  input.scrollIntoView({ block: "center", inline: "nearest" });
  input.focus();
  if (typeof input.select === "function") input.select();
  return document.activeElement === input;
}

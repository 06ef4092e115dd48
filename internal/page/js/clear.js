// clear empties this text control the way a person's Select-all + Delete
// would: Vue sees an input event.
function (P) {
  const input = P.input(this);
  if (!input) return false;
  input.value = "";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

// commit ends typing into this control as leaving it does: change, blur.
function (P) {
  const input = P.input(this);
  if (input) {
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.blur();
  }
  return true;
}

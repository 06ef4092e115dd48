// popper_state says whether the dropdown of this select, cascader or date
// picker is open, and whether it is still opening or closing.
function (P) {
  const p = P.popper(this);
  if (!p || !P.visible(p)) return { open: false };
  return { open: true, animating: P.animating(p) };
}

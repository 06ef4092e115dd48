// popper_wait waits until the dropdown of this control is open (or closed,
// with open false) and done animating: clicking during the opening
// transition once picked 日本 instead of 英国.
async function (P, open, timeoutMs) {
  const el = this;
  return P.until(() => {
    const p = P.popper(el);
    const isOpen = !!(p && P.visible(p));
    return { ok: isOpen === open && !(isOpen && P.animating(p)), open: isOpen };
  }, timeoutMs);
}

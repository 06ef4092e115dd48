// client_rect is this element's box in document coordinates (what a
// screenshot's clip takes), rounded outwards to whole pixels.
function (P) {
  const e = this.getBoundingClientRect();
  const d = this.ownerDocument.documentElement.getBoundingClientRect();
  const x = Math.floor(e.left - d.left), y = Math.floor(e.top - d.top);
  return { x, y, w: Math.ceil(e.right - d.left) - x, h: Math.ceil(e.bottom - d.top) - y };
}

// texts lists what the window shows (the whole page when all) that could
// hold a personal number (a digit or an @): input and textarea values and
// text, each with its box in the window and the style to draw a masked
// copy in, and the window's size and scroll. It only reads: the page is
// not changed.
function (P, all) {
  const items = [];
  const vw = innerWidth, vh = innerHeight;
  const shown = (el) => !!(el && el.getClientRects().length) && getComputedStyle(el).visibility !== "hidden";
  const bg = (el) => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
    }
    return "rgb(255, 255, 255)";
  };
  const add = (text, r, el, isText) => {
    if (!/[0-9@]/.test(text) || !r.width || !r.height) return;
    if (!all && (r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh)) return; // outside the window
    const cs = getComputedStyle(el);
    items.push({
      text, x: r.left, y: r.top, w: r.width, h: r.height, bg: bg(el), color: cs.color,
      font: cs.font, align: cs.textAlign,
      pad: isText ? "0" : cs.paddingLeft, radius: isText ? "0" : cs.borderRadius, border: isText ? "none" : cs.border,
    });
  };
  document.querySelectorAll("input, textarea").forEach((el) => {
    if (el.type !== "hidden" && el.type !== "password" && el.value && shown(el)) add(el.value, el.getBoundingClientRect(), el, false);
  });
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    const p = t.parentElement;
    if (!p || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA)$/.test(p.tagName) || !t.data.trim() || !shown(p)) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    add(t.data, range.getBoundingClientRect(), p, true);
  }
  return { vw, vh, sx: scrollX, sy: scrollY, items };
}

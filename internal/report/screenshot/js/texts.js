// texts lists what the window shows (the whole page when all) that could
// hold a personal number (a digit or an @): input and textarea values and
// text, each with its box in the window, the colours to paint a masked
// copy in, and the window's size. It only reads: the page is not changed.
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
  const add = (text, r, el) => {
    if (!/[0-9@]/.test(text) || !r.width || !r.height) return;
    if (!all && (r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh)) return; // outside the window
    items.push({ text, x: r.left, y: r.top, w: r.width, h: r.height, bg: bg(el), color: getComputedStyle(el).color });
  };
  document.querySelectorAll("input, textarea").forEach((el) => {
    if (el.type !== "hidden" && el.type !== "password" && el.value && shown(el)) add(el.value, el.getBoundingClientRect(), el);
  });
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    const p = t.parentElement;
    if (!p || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA)$/.test(p.tagName) || !t.data.trim() || !shown(p)) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    add(t.data, range.getBoundingClientRect(), p);
  }
  return { vw, vh, items };
}

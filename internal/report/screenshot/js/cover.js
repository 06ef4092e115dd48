// cover lays a box with the masked text over each visible input value and
// text whose text masks maps (text → masked copy), styled like what it
// covers, in one layer marked autofill-mask-layer, and returns how many.
// For the full-page capture only (see the package doc); uncover.js removes
// the layer.
function (P, masks) {
  const shown = (el) => !!(el && el.getClientRects().length) && getComputedStyle(el).visibility !== "hidden";
  const bg = (el) => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
    }
    return "#fff";
  };
  const layer = document.createElement("div");
  layer.className = "autofill-mask-layer";
  layer.style.cssText = "position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none";
  let n = 0;
  const lay = (text, rect, el, isText) => {
    const masked = masks[text];
    if (masked == null || !rect.width || !rect.height) return;
    const cs = getComputedStyle(el);
    const box = document.createElement("div");
    box.textContent = masked;
    box.style.cssText = "position:absolute;overflow:hidden;white-space:nowrap;box-sizing:border-box";
    Object.assign(box.style, {
      left: rect.left + scrollX + "px", top: rect.top + scrollY + "px",
      width: rect.width + "px", height: rect.height + "px", lineHeight: rect.height + "px",
      font: cs.font, color: cs.color, background: bg(el), textAlign: cs.textAlign,
      paddingLeft: isText ? "0" : cs.paddingLeft,
      borderRadius: isText ? "0" : cs.borderRadius,
      border: isText ? "none" : cs.border,
    });
    layer.appendChild(box);
    n++;
  };
  document.querySelectorAll("input, textarea").forEach((el) => {
    if (el.type !== "hidden" && el.type !== "password" && el.value && shown(el)) lay(el.value, el.getBoundingClientRect(), el, false);
  });
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    const p = t.parentElement;
    if (!p || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA)$/.test(p.tagName) || !t.data.trim() || !shown(p)) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    lay(t.data, range.getBoundingClientRect(), p, true);
  }
  document.body.appendChild(layer);
  return n;
}

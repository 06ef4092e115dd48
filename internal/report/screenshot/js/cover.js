// cover lays a box with each masked text over the box texts.js measured
// (in the window, scrolled by sx, sy), styled like what it covers, in one
// layer marked autofill-mask-layer, and returns how many. For the
// full-page capture only (see the package doc); uncover.js removes it.
function (P, covers, sx, sy) {
  const layer = document.createElement("div");
  layer.className = "autofill-mask-layer";
  layer.style.cssText = "position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none";
  for (const c of covers) {
    const box = document.createElement("div");
    box.textContent = c.text;
    box.style.cssText = "position:absolute;overflow:hidden;white-space:nowrap;box-sizing:border-box";
    Object.assign(box.style, {
      left: c.x + sx + "px", top: c.y + sy + "px", width: c.w + "px", height: c.h + "px", lineHeight: c.h + "px",
      font: c.font, color: c.color, background: c.bg, textAlign: c.align,
      paddingLeft: c.pad, borderRadius: c.radius, border: c.border,
    });
    layer.appendChild(box);
  }
  document.body.appendChild(layer);
  return covers.length;
}

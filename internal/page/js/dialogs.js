// dialogs lists the visible message boxes and dialogs that are not the
// page map's own (a confirmation a portal release added after 下一步).
function (P, knownCss) {
  const known = (knownCss || []).filter(Boolean);
  const out = [];
  for (const d of P.all(".el-message-box, .el-dialog").filter(P.visible)) {
    if (known.some((k) => { try { return d.matches(k) || !!d.closest(k) || !!d.querySelector(k); } catch (e) { return false; } })) continue;
    const body = d.querySelector(".el-message-box__message, .el-dialog__body");
    const title = d.querySelector(".el-message-box__title, .el-dialog__title");
    out.push({
      title: P.norm(title ? title.innerText : ""),
      text: P.norm(body ? body.innerText : d.innerText).slice(0, 200),
      buttons: P.all("button", d).filter(P.visible).map((b) => P.norm(b.innerText)).filter(Boolean),
    });
  }
  return out;
}

// seen lists what a person scanning the page would name it by: its
// address, its title and its visible headings (section and dialog titles,
// the current step), at most twelve.
function (P) {
  const sel = "h1,h2,h3,h4,.el-card__header,.el-dialog__title,.el-step__title.is-process,legend,.section-title";
  const hs = [];
  for (const e of document.querySelectorAll(sel)) {
    const t = P.norm(e.innerText);
    if (t && t.length <= 80 && P.visible(e) && !hs.includes(t)) hs.push(t);
    if (hs.length >= 12) break;
  }
  return { url: location.origin + location.pathname, title: P.norm(document.title), headings: hs };
}

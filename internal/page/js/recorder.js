// recorder keeps what the page shows only for a moment: Element UI's
// el-message toasts vanish after a few seconds, so each is recorded as it
// appears (a 系统繁忙 that came and went), and the time of the last DOM
// mutation of any kind (js/settled.js trusts it). Installed into every
// document of the tab; it touches no element of the page and keeps its
// state under a symbol, out of the page's names.
(() => {
  const key = Symbol.for("autofill.recorder");
  if (window[key]) return;
  const rec = { seq: 0, msgs: [], lastMutation: Date.now() };
  Object.defineProperty(window, key, { value: rec, enumerable: false });
  const seen = new WeakSet();
  const norm = (s) => String(s == null ? "" : s).replace(/\s+/g, " ").trim();
  const record = (el) => {
    if (seen.has(el)) return;
    seen.add(el);
    const m = /el-message--(\w+)/.exec(el.className || "");
    rec.msgs.push({ seq: ++rec.seq, type: m ? m[1] : "info", text: norm(el.innerText || el.textContent) });
    if (rec.msgs.length > 200) rec.msgs.shift();
  };
  new MutationObserver((muts) => {
    rec.lastMutation = Date.now();
    for (const mu of muts)
      for (const n of mu.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches(".el-message")) record(n);
        n.querySelectorAll && n.querySelectorAll(".el-message").forEach(record);
      }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();

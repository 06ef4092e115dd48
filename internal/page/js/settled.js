// settled waits until the page is ready to be read: its Vue app has
// mounted (no raw template: v-cloak, el-form tags), no Element UI loading
// mask shows, and the DOM has not changed for two animation frames (Vue
// renders el-table's columns and dialogs a tick after the page appears).
// Two frames, not a fixed stillness time: a page that stopped changing is
// ready at once. A page the recorder (installed into every document) saw
// unchanged for longer than two frames take (34 ms at 60 Hz) is still
// already: a page settled a moment ago is not waited for again. Network
// idleness is watched outside, from CDP events.
async function (P, timeoutMs) {
  let changed = Date.now() - P.rec().lastMutation < 34;
  let still = changed ? 0 : 1;
  const mo = new MutationObserver(() => (changed = true));
  mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  try {
    return await P.until(() => {
      still = changed ? 0 : still + 1;
      changed = false;
      const mounted = !document.querySelector("[v-cloak], el-form, el-form-item, el-input, el-select, el-button");
      const masked = P.all(".el-loading-mask").some(P.visible);
      return { ok: mounted && !masked && still >= 2 && document.readyState !== "loading", mounted, masked, still };
    }, timeoutMs);
  } finally {
    mo.disconnect();
  }
}

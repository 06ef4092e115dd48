// actionable waits, in the page, until this element can take a click as
// Playwright defines it: attached, visible with a width and a height, stable
// (the same box over two animation frames), enabled, and the receiver of an
// event at its centre (elementFromPoint finds it, not a toast or a mask).
// o.seen is the box a page function saw the element keep over two frames
// (a dropdown's option it waited for): still there, it is stable at once.
// A target under a fixed overlay that leaves room (a stack of toasts at the
// top of the window) is scrolled clear of it once, rather than waited out.
// It resolves with the last state, ok or not, at the deadline.
async function (P, o) {
  const el = this;
  const target = P.clickable(el);
  let prev = o.seen || null, scrolled = false, cleared = false;
  const fixedCover = (hit) => {
    for (let e = hit; e && e.nodeType === 1; e = e.parentElement) if (getComputedStyle(e).position === "fixed") return e;
    return null;
  };
  return P.until(async () => {
    if (!el.isConnected) return { ok: false, gone: true, reason: "detached" };
    if (!P.visible(el)) return { ok: false, reason: "not visible" };
    let r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return { ok: false, reason: "no size" };
    const vw = innerWidth, vh = innerHeight;
    if (!scrolled || r.top < 0 || r.left < 0 || r.bottom > vh || r.right > vw) {
      el.scrollIntoView({ block: o.nearest ? "nearest" : "center", inline: "nearest" });
      scrolled = true;
      r = el.getBoundingClientRect();
    }
    const box = P.box(el, r);
    const stable = prev && prev.every((v, i) => v === box[i]);
    prev = box;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const covered = !(hit && (hit === el || el.contains(hit)));
    const cover = covered && !cleared && hit ? fixedCover(hit) : null;
    if (cover) {
      cleared = true;
      const c = cover.getBoundingClientRect();
      const dy = c.bottom + 8 - r.top; // move the target just below the cover
      if (dy > 0 && r.bottom + dy <= vh && scrollY >= dy) {
        scrollBy(0, -dy);
        prev = null;
        return { ok: false, reason: "scrolled clear of " + P.describe(hit) };
      }
    }
    const disabled = !!(target.disabled || target.classList.contains("is-disabled") || target.getAttribute("aria-disabled") === "true");
    const state = {
      x, y, w: r.width, h: r.height, covered,
      by: covered ? P.describe(hit) : "",
      text: P.norm(target.innerText || target.value || ""),
      disabled,
      never: P.neverMatch(el, o.never),
    };
    state.ok = !!stable && !covered && !disabled;
    state.reason = !stable ? "moving" : covered ? "covered by " + state.by : disabled ? "disabled" : "";
    return state;
  }, o.timeoutMs);
}

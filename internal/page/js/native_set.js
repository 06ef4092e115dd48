// native_set enters a value into a plain <input type=date|month> or
// <select> as a browser's own picker does: set the value, then input and
// change events. For a select, value is the option's visible text.
function (P, value) {
  const el = P.input(this) || this;
  if (el.tagName === "SELECT") {
    const opts = Array.from(el.options).filter((o) => P.norm(o.textContent) === P.norm(value));
    if (opts.length !== 1) return { count: opts.length, offered: Array.from(el.options).map((o) => P.norm(o.textContent)) };
    el.value = opts[0].value;
  } else {
    el.focus();
    el.value = value;
    if (el.value !== value) return { count: 0, refused: true, type: el.type };
  }
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
  if (el.blur) el.blur();
  return { count: 1 };
}

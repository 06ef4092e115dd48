// native_read reads a plain HTML control: a select's chosen option text, a
// checkbox's state, a radio group's checked label, an input's value.
function (P) {
  if (!this.isConnected) return { gone: true };
  const el = this;
  if (el.tagName === "SELECT") {
    const o = el.selectedIndex >= 0 ? el.options[el.selectedIndex] : null;
    return { value: o && o.value !== "" ? P.norm(o.textContent) : "", disabled: el.disabled };
  }
  if (el.matches("input[type=checkbox]")) return { value: el.checked ? "true" : "false", disabled: el.disabled };
  const radios = el.matches("input[type=radio]") ? [el] : P.all("input[type=radio]", el);
  if (radios.length) {
    const c = radios.find((r) => r.checked);
    return { value: c ? P.norm(P.radioLabel(c)) : "" };
  }
  const input = P.input(el);
  return { value: input ? P.norm(input.value) : "", disabled: !!(input && (input.disabled || input.readOnly)) };
}

// text_read reads a text control: what the form will send (the el-form's
// model of its item) where the page exposes it, else what it shows.
function (P) {
  if (!this.isConnected) return { gone: true };
  const input = P.input(this);
  const m = P.modelOf(this);
  const shown = input ? P.norm(input.value) : "";
  return { value: m != null && typeof m === "string" ? P.norm(m) : shown, shown, disabled: !!(input && (input.disabled || input.readOnly)) };
}

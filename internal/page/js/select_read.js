// select_read reads the option an el-select has chosen (its component's
// value), not its input's text: a filterable select's input may hold a
// typed query while nothing is chosen.
function (P) {
  if (!this.isConnected) return { gone: true };
  const input = P.input(this);
  const vm = P.vmOf(this, (v) => typeof v.getOption === "function");
  if (vm) {
    const v = vm.value;
    if (v === "" || v == null || (Array.isArray(v) && !v.length)) return { value: "", shown: input ? P.norm(input.value) : "" };
    const o = vm.getOption(v);
    return { value: P.norm(o && o.currentLabel != null ? o.currentLabel : v), disabled: !!vm.selectDisabled };
  }
  return { value: input ? P.norm(input.value) : "" };
}

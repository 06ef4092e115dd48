// date_read reads the date an el-date-picker has committed, in its display
// format, not text typed and not yet taken.
function (P) {
  if (!this.isConnected) return { gone: true };
  const input = P.input(this);
  const vm = P.vmOf(this, (v) => typeof v.formatToString === "function");
  if (vm) {
    if (!vm.value) return { value: "", shown: input ? P.norm(input.value) : "" };
    return { value: P.norm(vm.formatToString(vm.parsedValue)), disabled: !!vm.pickerDisabled };
  }
  return { value: input ? P.norm(input.value) : "" };
}

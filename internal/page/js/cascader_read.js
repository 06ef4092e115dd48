// cascader_read reads the path an el-cascader has chosen, as it shows it
// ("a / b"): the component's checked labels when it exposes them.
function (P) {
  if (!this.isConnected) return { gone: true };
  const vm = P.vmOf(this, (v) => "presentText" in v || "checkedValue" in v);
  if (vm && typeof vm.presentText === "string") return { value: P.norm(vm.presentText) };
  const input = P.input(this);
  return { value: input ? P.norm(input.value) : "" };
}

// radio_read reads the label of the checked radio of this group.
function (P) {
  if (!this.isConnected) return { gone: true };
  const c = this.querySelector(".el-radio.is-checked .el-radio__label");
  return { value: c ? P.norm(c.innerText) : "" };
}

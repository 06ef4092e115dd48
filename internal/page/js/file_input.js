// file_input is the file input of this upload control.
function (P) {
  const item = this.closest(".el-form-item") || this;
  return { el: this.querySelector("input[type=file]") || item.querySelector("input[type=file]") };
}

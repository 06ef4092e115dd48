// upload_read lists the files of this el-upload's form item: uploaded,
// still uploading, and failed.
function (P) {
  if (!this.isConnected) return { gone: true };
  const item = this.closest(".el-form-item") || this.parentElement;
  const names = (sel) => P.all(sel, item).map((n) => P.norm(n.innerText || n.textContent));
  return {
    list: names(".el-upload-list__item.is-success .el-upload-list__item-name"),
    pending: names(".el-upload-list__item.is-uploading .el-upload-list__item-name"),
    failed: names(".el-upload-list__item.is-fail .el-upload-list__item-name"),
  };
}

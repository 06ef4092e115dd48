// upload_item finds the uploaded file name in the list of this el-upload
// (--prune focuses its list item to delete it).
function (P, name) {
  const item = this.closest(".el-form-item") || this.parentElement;
  if (!item) return {};
  const n = P.all(".el-upload-list__item.is-success .el-upload-list__item-name", item).find(
    (a) => P.visible(a) && P.norm(a.innerText || a.textContent) === P.norm(name),
  );
  return { el: n || null };
}

// reupload_slot finds the upload slot of a re-upload request that replaces
// the file name.
function (P, slotCss, name) {
  return { el: P.all(slotCss).find((s) => s.getAttribute("data-file") === name) || null };
}

// reupload_rows reads the rows of a re-upload request: the file each slot
// replaces (the slot's data-file, the portal's own attribute), the row's
// state and its 材料类别.
function (P, o) {
  return P.all(o.slot).map((s) => {
    const tr = s.closest("tr");
    const cell = (css) => {
      const c = css && tr && tr.querySelector(css);
      return c ? P.norm(c.innerText) : "";
    };
    return { file: s.getAttribute("data-file") || "", state: cell(o.state), category: cell(o.category) };
  });
}

// radio_option finds the radio of this group labelled text.
function (P, text) {
  const radios = P.all(".el-radio", this);
  const offered = radios.map((r) => P.norm((r.querySelector(".el-radio__label") || r).innerText));
  const hits = radios.filter((r, i) => offered[i] === P.norm(text));
  return { count: hits.length, offered, el: hits.length === 1 ? hits[0] : null };
}

// native_radio finds the radio input of this group whose label is text.
function (P, text) {
  const radios = P.all("input[type=radio]", this);
  const offered = radios.map((r) => P.norm(P.radioLabel(r)));
  const hits = radios.filter((r, i) => offered[i] === P.norm(text));
  return { count: hits.length, offered, el: hits.length === 1 ? hits[0] : null };
}

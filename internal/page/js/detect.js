// detect returns the ids of the page maps whose rule matches.
function (P, rules) {
  return rules
    .filter((r) => {
      let els;
      try {
        els = P.all(r.css).filter(P.visible);
      } catch (e) {
        return false;
      }
      return els.some((e) => !r.text || P.norm(e.innerText).includes(P.norm(r.text)));
    })
    .map((r) => r.page);
}

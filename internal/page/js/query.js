// query finds the one visible element of a selector (Playwright's strict
// mode: two matches are an error, never a guess).
function (P, css) {
  let els;
  try {
    els = P.all(css).filter(P.visible);
  } catch (e) {
    return { count: 0, error: String(e.message || e) };
  }
  return els.length === 1 ? { count: 1, el: els[0] } : { count: els.length };
}

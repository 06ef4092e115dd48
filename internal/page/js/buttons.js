// buttons lists the visible buttons' texts, for a message about a button
// that moved or was renamed.
function (P, scopeCss) {
  const out = [];
  for (const r of P.roots(scopeCss)) for (const b of P.all("button", r).filter(P.visible)) out.push(P.norm(b.innerText));
  return out.filter(Boolean);
}

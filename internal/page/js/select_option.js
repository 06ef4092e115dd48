// select_option waits until this el-select's dropdown has settled (open,
// not loading, not animating, the same options in the same places for
// quietMs and at least a frame) and finds the option whose text is exactly
// text, with the box it kept. A remote list needs a longer quiet
// time than a frame: the list shown right after typing is the previous
// search's, and an option clicked in it vanishes under the pointer. Once
// the search for text was seen loading (Element UI's previousQuery is the
// query it searched for), the list shown when it stops loading is the
// answer: a frame's quiet is enough when it offers text. Unseen (too quick,
// or a portal that shows no loading state), or not offered (a stale answer
// may come first), the long quiet time stands. A settled list that does not
// offer text but offers the field's manual-entry option (manual, "" when it
// has none) answers with that option, flagged manual: the list has been
// waited for once, not twice.
async function (P, text, quietMs, timeoutMs, manual) {
  const el = this;
  const want = P.norm(text);
  const alt = manual ? P.norm(manual) : null;
  let last = "", since = 0, answered = false;
  const r = await P.until(() => {
    const p = P.popper(el);
    const vm = el.__vue__;
    const loading = !!((vm && vm.loading) || (p && P.all(".el-select-dropdown__loading", p).some(P.visible)));
    if (loading && vm && vm.remote && P.norm(vm.previousQuery) === want) answered = true;
    if (!p || !P.visible(p)) return { ok: false, open: false, loading };
    const items = P.all("li.el-select-dropdown__item", p).filter(P.visible);
    const offered = items.map((li) => P.norm(li.innerText));
    const hits = items.filter((li, i) => offered[i] === want);
    const alts = items.filter((li, i) => offered[i] === alt);
    const boxes = hits.concat(alts).map(P.box);
    const sig = offered.join("\n") + "|" + JSON.stringify(boxes);
    const now = performance.now();
    if (sig !== last || loading || P.animating(p)) {
      last = sig;
      since = now;
    }
    const need = answered && hits.length === 1 ? 1 : Math.max(quietMs, 1);
    const quiet = now - since >= need && !loading && !P.animating(p);
    const st = { ok: quiet, open: true, loading, offered: offered.slice(0, 40), count: hits.length, hit: null, box: null, manual: false };
    if (hits.length === 1) [st.hit, st.box] = [hits[0], boxes[0]];
    else if (hits.length === 0 && alts.length === 1) [st.hit, st.box, st.manual] = [alts[0], boxes[0], true];
    return st;
  }, timeoutMs);
  const el2 = r.hit;
  delete r.hit;
  r.el = el2;
  return r;
}

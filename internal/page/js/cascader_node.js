// cascader_node waits until the level-th menu of this el-cascader shows a
// node labelled text that stands still, and returns it with its box. The
// node stands still only once the dropdown has opened.
async function (P, level, text, timeoutMs) {
  const el = this;
  const want = P.norm(text);
  let prev = "";
  const r = await P.until(() => {
    const p = P.popper(el);
    if (!p || !P.visible(p)) return { ok: false, open: false };
    const menus = P.all(".el-cascader-menu", p).filter(P.visible);
    if (level >= menus.length) return { ok: false, open: true, menus: menus.length, count: 0 };
    const nodes = P.all(".el-cascader-node", menus[level]);
    const offered = nodes.map((n) => P.norm((n.querySelector(".el-cascader-node__label") || n).innerText));
    const hits = nodes.filter((n, i) => offered[i] === want);
    const box = hits.length === 1 ? P.box(hits[0]) : null;
    const key = JSON.stringify(box);
    const stable = !!box && key === prev && !P.animating(p);
    prev = key;
    return { ok: stable, open: true, menus: menus.length, count: hits.length, offered: offered.slice(0, 40), hit: box ? hits[0] : null, box };
  }, timeoutMs);
  r.el = r.hit;
  delete r.hit;
  return r;
}

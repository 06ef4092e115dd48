// normalize reads a recorded document and writes it again without what
// changes from one capture to the next: generated ids and the references
// to them, dropdown positions and stacking order, helper tags, images,
// timestamps, application numbers, stylesheet names (they carry a hash),
// the pointer's hover mark.
function (P, html) {
  const VOLATILE_ATTR = /^(id|aria-controls|aria-owns|aria-labelledby|aria-describedby|aria-activedescendant|x-placement|data-af|src)$/;
  const VOLATILE_STYLE = /^(z-index|top|left|right|bottom|transform|transform-origin)$/;
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const el of doc.querySelectorAll("*")) {
    // Attribute order follows the page's history (readonly set after a
    // dropdown closed): write them sorted.
    const attrs = Array.from(el.attributes)
      .map((a) => ({ name: a.name, value: a.value }))
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const a of attrs) el.removeAttribute(a.name);
    for (const a of attrs) {
      if (VOLATILE_ATTR.test(a.name)) continue;
      let v = a.value.replace(/el-table_\d+_column_\d+/g, "el-table_N_column_N").replace(/\bel-[a-z-]+-\d{2,}(-\d+)?\b/g, "el-id");
      if (a.name === "style") {
        v = v
          .split(";")
          .map((d) => d.trim())
          .filter((d) => d && !VOLATILE_STYLE.test(d.split(":")[0].trim()))
          .join("; ");
      }
      if (a.name === "href" && el.tagName === "LINK") v = v.replace(/-[0-9a-f]{10}\.css$/, ".css");
      // Element marks the option under the pointer (or the keyboard's
      // cursor) "hover": where the pointer rests is not part of the page.
      if (a.name === "class") v = v.split(/\s+/).filter((c) => c && c !== "hover").join(" ");
      el.setAttribute(a.name, v);
    }
  }
  const tw = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let t = tw.nextNode(); t; t = tw.nextNode()) {
    const s = t.data
      .replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?/g, "<time>")
      .replace(/(?<![A-Za-z\d])A\d{8}(?![A-Za-z\d])/g, "<app>");
    if (s !== t.data) t.data = s;
  }
  return doc.documentElement.outerHTML;
}

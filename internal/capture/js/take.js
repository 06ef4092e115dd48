// take copies the rendered document into an inert document (nothing there
// loads or runs), then makes the copy safe to commit and self-contained: no
// scripts, no network, no personal data. The live page is only read, never
// changed. It returns {html, styles, values}: the scrubbed copy (with
// placeholders autofill-style:N for the stylesheets), the stylesheets'
// texts, and the typed values found (to scrub them on later pages too).
function (P, opts) {
  const MASK = "＊＊＊";
  // A 1×1 transparent GIF: images keep their boxes (the checks need sizes),
  // never their content (captchas, QR codes, photos).
  const BLANK_IMG = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

  // Personal data by shape. Applied to every text and attribute.
  const PATTERNS = [
    /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail
    /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, // 居民身份证 number
    /(?<!\d)\d{15,}(?!\d)/g, // old ID numbers, bank cards, long numbers
    /(?<![\dA-Za-z])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g, // mainland mobile
    /(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)/g, // landline
    /(?<![A-Za-z\d])[A-Z]{1,2}\d{7,9}(?![A-Za-z\d])/g, // passport, permits, application numbers
  ];
  const scrubPatterns = (s) => {
    for (const re of PATTERNS) s = s.replace(re, MASK);
    return s;
  };

  // Texts a person reads to use the page (labels, options, buttons,
  // headings): kept, because the checks compare them with the maps.
  const CHROME =
    "label, th, button, option, h1, h2, h3, h4, h5, h6, title, nav, .el-button, .el-form-item__label, " +
    ".el-select-dropdown__item, .el-cascader-node, .el-radio, .el-checkbox, .el-step, .el-dialog__title, " +
    ".el-descriptions-item__label, .el-descriptions__title, .el-tabs__item, .el-menu-item, .el-breadcrumb, " +
    ".el-table__empty-text, .page-title, .section-title";
  // Where a page shows a person's data: table cells, description values,
  // file names, chosen tags; all their text goes, except the buttons in them.
  const DATA = "td, dd, .el-descriptions-item__content, .el-select__tags, .el-tag";
  const FORM = "form, .el-form, .el-form-item";
  const ACTION = "button, a, [role=button], .el-button, .el-link";
  const ALWAYS = ".el-upload-list__item-name, .el-upload-list__item-file-name";
  // The logged-in person's name in a header is found by its class or id.
  const NAMEISH = /(?:^|[-_\s])(?:user-?name|nick-?name|real-?name|account-?name|login-?name|person-?name)(?:$|[-_\s])|\b(?:userName|nickName|realName|loginName)\b/i;
  const nameish = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = (e.getAttribute("class") || "") + " " + (e.getAttribute("id") || "");
      if (NAMEISH.test(c)) return true;
    }
    return false;
  };

  // Values a person typed: collected from the live page's inputs (choices in
  // selects and cascaders are not personal and are option texts too).
  const typedValues = () => {
    const out = [];
    for (const el of document.querySelectorAll("input, textarea")) {
      const t = (el.type || "").toLowerCase();
      if (["hidden", "password", "radio", "checkbox", "file", "button", "submit", "reset"].includes(t)) continue;
      if (el.closest(".el-select, .el-cascader")) continue;
      const v = String(el.value || "").trim();
      if (v.length >= 2) out.push(v);
    }
    return out;
  };

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const valuesRe = (values) => {
    const vs = Array.from(new Set(values.map((v) => String(v).trim()).filter((v) => v.length >= 2)));
    if (!vs.length) return null;
    vs.sort((a, b) => b.length - a.length);
    return new RegExp(vs.map(escapeRe).join("|"), "g");
  };

  // cleanCSS keeps a stylesheet's rules without fonts or addresses: the
  // recording must load nothing.
  const URL_RE = /url\(\s*(["']?)(?!data:)[^"')]*\1\s*\)/g;
  const sheetText = (sheet) => {
    const out = [];
    const walk = (rules) => {
      for (const r of rules) {
        if (r.type === CSSRule.IMPORT_RULE) {
          try {
            if (r.styleSheet) walk(r.styleSheet.cssRules);
          } catch (e) {}
          continue;
        }
        if (r.type === CSSRule.FONT_FACE_RULE) continue;
        out.push(r.cssText.replace(URL_RE, "none"));
      }
    };
    try {
      walk(sheet.cssRules);
    } catch (e) {
      return null; // cross-origin: the caller fetches it
    }
    return out.join("\n") + "\n";
  };
  const baseName = (href) => {
    try {
      const p = new URL(href, location.href).pathname;
      return p.slice(p.lastIndexOf("/") + 1) || "style";
    } catch (e) {
      return "style";
    }
  };

  // popperOf asks an Element UI component for its dropdown, which lives
  // under <body>, far from the control.
  const popperOf = (el) => {
    const vm = el.__vue__;
    if (!vm) return null;
    let p = vm.popperElm || (vm.$refs && vm.$refs.popper);
    if (p && p.$el) p = p.$el;
    return p && p.nodeType === 1 && p.isConnected ? p : null;
  };
  opts = opts || {};
    const typed = typedValues();
    const known = valuesRe((opts.values || []).concat(typed));

    const doc = document.implementation.createHTMLDocument("");
    const live = document.documentElement;
    const copy = doc.importNode(live, true);
    // Pair live and copied nodes: the copy has the same shape.
    const pairs = new Map();
    const lw = document.createTreeWalker(live, NodeFilter.SHOW_ELEMENT);
    const cw = doc.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT);
    pairs.set(copy, live);
    for (let l = lw.nextNode(), c = cw.nextNode(); l && c; l = lw.nextNode(), c = cw.nextNode()) pairs.set(c, l);

    // Link each select and cascader with its dropdown (data-rec-dropdown,
    // data-rec-dropdown-of), numbered in page order, so the checks can read
    // a control's options without Vue.
    const liveIndex = new Map();
    for (const [c, l] of pairs) liveIndex.set(l, c);
    let n = 0;
    for (const c of copy.querySelectorAll(".el-select, .el-cascader")) {
      const p = popperOf(pairs.get(c));
      const pc = p && liveIndex.get(p);
      if (!pc) continue;
      n++;
      c.setAttribute("data-rec-dropdown", String(n));
      pc.setAttribute("data-rec-dropdown-of", String(n));
    }

    // Stylesheets: <link> sheets become placeholders, <style> keep their
    // rules (CSSOM-inserted ones included).
    const styles = [];
    for (const c of Array.from(copy.querySelectorAll("link"))) {
      const l = pairs.get(c);
      const rel = (c.getAttribute("rel") || "").toLowerCase().split(/\s+/);
      if (!rel.includes("stylesheet") || !l || !l.sheet || l.disabled) {
        c.remove();
        continue;
      }
      styles.push({ href: l.href, name: baseName(l.href), text: sheetText(l.sheet) });
      for (const a of Array.from(c.attributes)) if (!["rel", "media"].includes(a.name)) c.removeAttribute(a.name);
      c.setAttribute("rel", "stylesheet");
      c.setAttribute("href", "autofill-style:" + (styles.length - 1));
    }
    for (const c of Array.from(copy.querySelectorAll("style"))) {
      const l = pairs.get(c);
      const t = l && l.sheet ? sheetText(l.sheet) : null;
      c.textContent = t == null ? (c.textContent || "").replace(URL_RE, "none") : t;
    }

    // No scripts, nothing that loads or navigates by itself.
    copy.querySelectorAll("style[data-af-still], script, noscript, template, base, meta[http-equiv], object, embed, iframe, frame, video, audio, source, track").forEach((e) => e.remove());

    for (const el of copy.querySelectorAll("*")) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (name.startsWith("on") || name === "data-af" || name === "srcset" || name === "nonce" || name === "integrity") {
          el.removeAttribute(a.name);
          continue;
        }
        let v = a.value;
        if (name === "style") v = v.replace(URL_RE, "none");
        if ((name === "href" || name === "action" || name === "formaction") && /^\s*javascript:/i.test(v)) v = "#";
        v = scrubPatterns(v);
        if (known && !["class", "style", "placeholder", "for", "rel"].includes(name)) v = v.replace(known, MASK);
        if (v !== a.value) el.setAttribute(a.name, v);
      }
      const tag = el.tagName.toLowerCase();
      if (tag === "img" || (tag === "input" && (el.getAttribute("type") || "").toLowerCase() === "image")) el.setAttribute("src", BLANK_IMG);
      if (tag === "input") {
        const t = (el.getAttribute("type") || "").toLowerCase();
        if (!["radio", "checkbox", "button", "submit", "reset"].includes(t)) el.removeAttribute("value");
      }
      if (tag === "textarea") el.textContent = "";
      if (tag === "form") el.removeAttribute("action");
      // Attributes sorted: their order follows the page's history.
      const attrs = Array.from(el.attributes).map((a) => [a.name, a.value]);
      attrs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      for (const [k] of attrs) el.removeAttribute(k);
      for (const [k, v] of attrs) el.setAttribute(k, v);
    }

    // Texts. Removed elements leave runs of white space: merge them first.
    copy.normalize();
    const tw = doc.createTreeWalker(copy, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    const texts = [];
    for (let t = tw.nextNode(); t; t = tw.nextNode()) texts.push(t);
    for (const t of texts) {
      if (t.nodeType === 8) {
        t.remove(); // Vue's v-if placeholders and the like
        continue;
      }
      const p = t.parentElement;
      if (!p || p.closest("style")) continue;
      if (!t.data.trim()) {
        // Whitespace between elements: one line break, so diffs read well.
        if (!p.closest("pre, textarea")) t.data = "\n";
        continue;
      }
      const chrome = !!p.closest(CHROME);
      if (p.closest(ALWAYS) || (!chrome && !p.closest(FORM) && nameish(p)) || (p.closest(DATA) && !p.closest(ACTION) && !p.closest(".el-picker-panel"))) {
        t.data = MASK;
        continue;
      }
      let s = scrubPatterns(t.data);
      if (known && !chrome) s = s.replace(known, MASK);
      if (s !== t.data) t.data = s;
    }

    const html = "<!DOCTYPE html>\n" + copy.outerHTML + "\n";
    return { html, styles, values: typed };
}

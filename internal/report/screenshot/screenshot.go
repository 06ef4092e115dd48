// Package screenshot takes the page screenshots of the run report with
// personal numbers covered: the report masks ID numbers and phones in its
// tables, and a picture of the same page beside them must not show them in
// full. The page itself is never changed: masked copies of the values are
// laid over them for the capture and removed at once, so Vue's state and
// what the person sees in the window stay as they were.
package screenshot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/chromedp"
)

// Capture takes a full-page PNG of the tab with every text and input value
// that mask changes covered by its masked form. mask is the profile's
// Redactor (profile.Redactor.String).
func Capture(ctx context.Context, mask func(string) string) ([]byte, error) {
	_, err := Cover(ctx, mask)
	defer Uncover(ctx) // also after a half-done Cover
	if err != nil {
		// No picture rather than one that shows the numbers in full.
		return nil, fmt.Errorf("covering personal data for the screenshot: %w", err)
	}
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}

type candidate struct {
	I    int    `json:"i"`
	Text string `json:"text"`
}

type cover struct {
	I    int    `json:"i"`
	Text string `json:"text"`
}

// collectJS lists the visible texts and input values that could hold a
// personal number (they have a digit or an @) and remembers their nodes.
const collectJS = `(() => {
	const nodes = [], out = [];
	const visible = el => !!(el && el.getClientRects().length) && getComputedStyle(el).visibility !== 'hidden';
	const add = (node, text) => { if (/[0-9@]/.test(text)) { out.push({i: nodes.length, text}); nodes.push(node); } };
	document.querySelectorAll('input, textarea').forEach(el => {
		if (el.type !== 'hidden' && el.type !== 'password' && el.value && visible(el)) add(el, el.value);
	});
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let t = walk.nextNode(); t; t = walk.nextNode()) {
		const p = t.parentElement;
		if (!p || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA)$/.test(p.tagName) || !t.data.trim() || !visible(p)) continue;
		add(t, t.data);
	}
	window.__autofillMask = nodes;
	return out;
})()`

// coverJS lays a box with the masked text over each listed node, styled
// like the control or text it covers.
const coverJS = `((covers) => {
	const nodes = window.__autofillMask || [];
	const layer = document.createElement('div');
	layer.className = 'autofill-mask-layer';
	layer.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none';
	const bg = el => {
		for (; el; el = el.parentElement) {
			const c = getComputedStyle(el).backgroundColor;
			if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
		}
		return '#fff';
	};
	let n = 0;
	for (const c of covers) {
		const node = nodes[c.i];
		if (!node || !node.isConnected) continue;
		const isText = node.nodeType === Node.TEXT_NODE;
		const el = isText ? node.parentElement : node;
		let rect;
		if (isText) { const r = document.createRange(); r.selectNodeContents(node); rect = r.getBoundingClientRect(); }
		else rect = el.getBoundingClientRect();
		if (!rect.width || !rect.height) continue;
		const cs = getComputedStyle(el);
		const box = document.createElement('div');
		box.textContent = c.text;
		box.style.cssText = 'position:absolute;overflow:hidden;white-space:nowrap;box-sizing:border-box';
		Object.assign(box.style, {
			left: (rect.left + scrollX) + 'px', top: (rect.top + scrollY) + 'px',
			width: rect.width + 'px', height: rect.height + 'px', lineHeight: rect.height + 'px',
			font: cs.font, color: cs.color, background: bg(el), textAlign: cs.textAlign,
			paddingLeft: isText ? '0' : cs.paddingLeft,
			borderRadius: isText ? '0' : cs.borderRadius,
			border: isText ? 'none' : cs.border,
		});
		layer.appendChild(box);
		n++;
	}
	document.body.appendChild(layer);
	return n;
})`

const uncoverJS = `(() => {
	document.querySelectorAll('.autofill-mask-layer').forEach(l => l.remove());
	delete window.__autofillMask;
	return true;
})()`

// Cover lays the masked values over the page and returns how many it
// covered. Uncover removes them.
func Cover(ctx context.Context, mask func(string) string) (int, error) {
	cands, err := chromedp.Run(ctx, chromedp.Evaluate[[]candidate](collectJS))
	if err != nil {
		return 0, err
	}
	var covers []cover
	for _, c := range cands {
		if m := mask(c.Text); m != c.Text {
			covers = append(covers, cover{c.I, m})
		}
	}
	if len(covers) == 0 {
		return 0, nil
	}
	arg, err := json.Marshal(covers)
	if err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[int](coverJS+"("+string(arg)+")"))
}

// Uncover removes what Cover laid over the page.
func Uncover(ctx context.Context) {
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](uncoverJS))
}

// Package page is autofill's one owner of the browser page: it calls page
// functions (one JavaScript function per file under js/, embedded, called
// with Runtime.callFunctionOn and JSON arguments), waits for conditions in
// the page (animation-frame or mutation polling with a deadline) and for the
// network from CDP events, checks a control is actionable before every click
// (Playwright's rules), and drives each kind of widget with one driver that
// fills it and reads back the value it committed.
//
// Nothing here leaves a mark in the portal's DOM: elements are held by
// their remote object ids on this side, and the page functions are passed
// by value with each call, not installed as page globals. The only script
// that stays in the page is the toast recorder (js/recorder.js), whose state
// sits under a symbol.
//
// It is also the only package that talks to a tab through chromedp:
// opening and loading pages, screenshots, the animation pace, an isolated
// tab's cookies. Starting the browser is internal/browser's. The engine
// (internal/portal), after-care, the batch, capture, pagecheck, probe and
// the screenshots of the report use this package and import none of
// chromedp (internal/layers checks it); it imports none of them.
package page

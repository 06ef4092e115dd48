// Package portalsim is a local stand-in for the CSCSE degree authentication
// portal (国(境)外学历学位认证), the ground every end-to-end test of autofill
// stands on. It is a real web app, not a mock: a net/http server with
// server-side state per account, sessions, captchas and validation, serving
// pages built with Vue 2 and Element UI from npm, like the live portal.
//
// The DOM contract (page ids, field classes, labels, buttons) that the
// engine's page maps rely on is documented in README.md beside this file.
// Test hooks live under /__sim/ and exist only with Options.Hooks or
// Options.Demo.
package portalsim

#!/usr/bin/env bash
# Installs what autofill's tests and demo need and are not Go modules:
# a Chromium (apt-get, when root on Debian/Ubuntu), a CJK font so screenshots
# of the Chinese portal are legible, and the simulator's npm packages.
# Elsewhere it prints how to install them. Safe to run again: it only acts on
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

ci=false
case "${CI:-}" in ""|0|false) ;; *) ci=true ;; esac

have_browser() {
  [ -n "${AUTOFILL_CHROME:-}" ] && [ -x "${AUTOFILL_CHROME}" ] && return 0
  for b in google-chrome google-chrome-stable chromium chromium-browser microsoft-edge; do
    command -v "$b" >/dev/null 2>&1 && return 0
  done
  return 1
}

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if have_browser; then
  echo "deps: browser found"
elif can_apt; then
  echo "deps: installing Chromium with apt-get (a few minutes the first time)…"
  apt_install chromium
else
  echo "deps: no Chrome or Chromium found. Install one:" >&2
  echo "  Debian/Ubuntu: sudo apt-get install chromium" >&2
  echo "  macOS:         brew install --cask google-chrome" >&2
  echo "  or set AUTOFILL_CHROME=/path/to/chrome" >&2
  $ci && exit 1
fi

# Without a CJK font every Chinese label renders as boxes in screenshots and
# reports. It does not change what the tests read from the DOM.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
  if can_apt; then
    echo "deps: installing a Chinese font (fonts-wqy-zenhei) for legible screenshots…"
    apt_install fonts-wqy-zenhei || echo "deps: could not install a CJK font; screenshots will show boxes" >&2
  else
    echo "deps: no Chinese font found; screenshots will show boxes (install fonts-noto-cjk)" >&2
  fi
fi

# The portal simulator's front end: Vue 2 + Element UI from npm, pinned by the
# lock file. The binary embeds a vendored copy (internal/portalsim/web/thirdparty);
# node_modules lets TestVendorMatchesLock check that copy against the lock.
web=internal/portalsim/web
if [ -f "$web/package-lock.json" ]; then
  if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "deps: npm is missing; install Node.js 18+ to run the portal simulator" >&2
      exit 1
    fi
    echo "deps: installing the simulator's npm packages (npm ci)…"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "deps: simulator npm packages up to date"
  fi
fi

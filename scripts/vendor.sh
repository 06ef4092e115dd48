#!/usr/bin/env bash
# Refreshes internal/portalsim/web/thirdparty/ — the copies of Vue and Element UI
# that the simulator embeds and serves at /static/vendor/ — from the npm
# packages pinned by internal/portalsim/web/package-lock.json. Run it (as
# `make vendor`) after changing package.json or the lock, and commit the
# result: TestVendorMatchesLock fails while the copies differ from the lock.
# It copies exactly what the pages load, and each package's licence.
set -euo pipefail
cd "$(dirname "$0")/../internal/portalsim/web"

if ! command -v npm >/dev/null 2>&1; then
  echo "vendor: npm is missing; install Node.js 18+ to refresh the vendored files" >&2
  exit 1
fi
echo "vendor: npm ci (from package-lock.json)…"
npm ci --no-audit --no-fund --loglevel=error

# Keep in step with what the templates and index.css reference; the
# simulator's vendorFiles lists the ones it cannot start without.
files=(
  vue/LICENSE
  vue/dist/vue.min.js
  element-ui/LICENSE
  element-ui/lib/index.js
  element-ui/lib/theme-chalk/index.css
  element-ui/lib/theme-chalk/fonts/element-icons.woff
  element-ui/lib/theme-chalk/fonts/element-icons.ttf
)
rm -rf thirdparty.new
for f in "${files[@]}"; do
  mkdir -p "thirdparty.new/$(dirname "$f")"
  cp "node_modules/$f" "thirdparty.new/$f"
done
rm -rf thirdparty
mv thirdparty.new thirdparty
echo "vendor: copied ${#files[@]} files into internal/portalsim/web/thirdparty"

#!/usr/bin/env bash
# Writes THIRD_PARTY_NOTICES.txt (or the file named by $1): the licence of
# everything a release binary carries — the Go standard library, every Go
# module compiled into cmd/autofill for any release OS, the vendored Vue and
# Element UI files the simulator serves, and the reference data's sources.
# Release archives ship it beside the binary (scripts/release.sh and
# .goreleaser.yaml both run this).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-THIRD_PARTY_NOTICES.txt}
GO=${GO:-go}

licence_of() { # the licence files of a directory, first match wins
  for f in LICENSE LICENSE.md LICENSE.txt LICENCE COPYING License; do
    [ -f "$1/$f" ] && { echo "$1/$f"; return 0; }
  done
  return 1
}

section() { printf '\n================================================================\n%s\n================================================================\n\n' "$1"; }

mkdir -p "$(dirname "$out")"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "autofill — third-party notices"
  echo
  echo "The autofill binary includes the software and data listed below, each under"
  echo "its own licence, reproduced here."

  section "The Go standard library and runtime ($($GO env GOVERSION))"
  cat "$($GO env GOROOT)/LICENSE"

  mods=$(for os in linux darwin windows; do
    GOOS=$os $GO list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}}{{end}}{{end}}' ./cmd/autofill
  done | sort -u)
  for m in $mods; do
    dir=$($GO list -m -f '{{.Dir}}' "${m%@*}")
    section "Go module ${m}"
    if lic=$(licence_of "$dir"); then cat "$lic"; else echo "(no licence file found in the module; see https://pkg.go.dev/${m%@*}?tab=licenses)"; fi
  done

  for pkg in vue element-ui; do
    v=$(sed -n 's/.*"'"$pkg"'": "\([^"]*\)".*/\1/p' internal/portalsim/web/package.json)
    section "npm package ${pkg}@${v} (files served by the portal simulator)"
    cat "internal/portalsim/web/thirdparty/${pkg}/LICENSE"
  done

  for f in internal/refdata/data/LICENSE.*; do
    section "Reference data: ${f#internal/refdata/data/LICENSE.} (internal/refdata)"
    cat "$f"
  done
} >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "notices: wrote $out ($(grep -c '^================' "$out" | awk '{print $1/2}') sections)"

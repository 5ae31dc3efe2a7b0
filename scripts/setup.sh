#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh Debian machine: Debian's Chromium
# (browser tests; Playwright's own browser download does not work here), Japanese fonts (so
# screenshots show text, not boxes), and the npm packages of the root and of functions/.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# Installs from the lockfile only when it changed since the last install here. `npm install`, not
# `npm ci`: the npm 11 of these machines records only this platform's optional rollup binaries in
# the lockfile and then refuses its own lockfile in `npm ci` ("Missing: @rollup/rollup-android-…").
install_if_changed() {
  local dir=$1
  local stamp="$dir/node_modules/.setup-stamp"
  local sum
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return; fi
  echo "setup: npm install in $dir"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  echo "$sum" >"$stamp"
}
install_if_changed .
install_if_changed functions
echo "setup: done"

#!/usr/bin/env bash
# The one command that tests Holst on a fresh Debian/Ubuntu machine (root or sudo): installs
# the system packages the tests need, installs the npm packages, then runs `npm test` inside a
# private D-Bus session with a throwaway, unlocked gnome-keyring. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

pkgs="chromium gnome-keyring dbus-x11 libsecret-1-dev xvfb python3 make g++ pkg-config libimage-exiftool-perl"
if ! dpkg -s $pkgs >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: $pkgs"
  $sudo apt-get update -q
  $sudo apt-get install -y -q $pkgs
fi

# Electron's binary comes from GitHub, which may be unreachable; the tests do not need it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# Build native modules (keytar) against the local Node headers rather than downloading them.
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
npm ci --no-audit --no-fund

# Keep the test keyring away from the user's own.
export XDG_DATA_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- bash -c 'printf holst-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec npm test'

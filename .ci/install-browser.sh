#!/usr/bin/env bash
# Installs the browser the diagram check needs (DiagramBrowserIT, in mvn verify): Debian's
# chromium package, with apt-get, when /usr/bin/chromium (or $WSEMU_CHROMIUM) is missing.
# Needs root (or sudo) on a Debian or Ubuntu machine; elsewhere install Chromium by hand and point
# WSEMU_CHROMIUM (or -Dwsemu.chromium=PATH) at it.
set -euo pipefail
BROWSER="${WSEMU_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BROWSER" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "installing chromium (Debian package) for the diagram check" >&2
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium
[ -x "$BROWSER" ] || { echo "chromium installed, but $BROWSER is still missing" >&2; exit 1; }

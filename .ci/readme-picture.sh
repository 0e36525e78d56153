#!/usr/bin/env bash
# Writes README's picture, docs/images/nested-blocking-call.png, again: the top of the headline
# demonstration's diagram as headless Chromium shows it (DiagramBrowserIT with
# -Dwsemu.updateImages=true). Run it after a change to the diagrams or to the demonstration.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-browser.sh
exec mvn -B -q test -Dtest='DiagramBrowserIT#theReadmePicture*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwsemu.updateImages=true

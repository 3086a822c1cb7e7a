#!/usr/bin/env bash
# Renders the screenshots in docs/screenshots/ from real windows under Xvfb (run after a build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/docs/screenshots
build=$root/build/dev
mkdir -p "$out"
export RADDRAFT_SOURCE_DIR=$root RADDRAFT_SCREENSHOT_DIR=$out QT_QPA_PLATFORM=xcb
run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; }
run "$build/app/gui/raddraft" --window-size 1600x1000 --screenshot "$out/workstation-sample-study.png" \
  "$root/resources/samples/chest-pa-lateral"
run "$build/tests/gui/test_main_window" distanceAndAngleMeasurements
run "$build/tests/gui/test_stack_and_mpr" scrollsPlaysAndReformatsACtSeries
ls -l "$out"

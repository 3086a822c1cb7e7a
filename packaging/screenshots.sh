#!/usr/bin/env bash
# Renders the screenshots in docs/screenshots/ from real windows under Xvfb (run after a build).
#   packaging/screenshots.sh [BUNDLE]
# The drafting screenshot uses BUNDLE, else the first bundle in resources/models/, else a bundle
# with random weights made for the occasion (its text is word salad: it shows the interface only).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/docs/screenshots
build=${RADDRAFT_BUILD_DIR:-$root/build/dev}
mkdir -p "$out"
export RADDRAFT_SOURCE_DIR=$root RADDRAFT_SCREENSHOT_DIR=$out QT_QPA_PLATFORM=xcb
run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A scratch edit log and user: screenshots never touch the user's own log or settings.
run "$build/app/gui/raddraft" --db "$scratch/edit-log.sqlite" --user "Dr Screenshot" --window-size 1600x1000 \
  --screenshot "$out/workstation-sample-study.png" "$root/resources/samples/phantom-cardiomegaly-effusion"
run "$build/tests/gui/test_main_window" distanceAndAngleMeasurements
run "$build/tests/gui/test_report_editing" editsInThePaneBecomeEventsInTheDatabase # workstation-report-editing.png

sample=$root/resources/samples/phantom-cardiomegaly-effusion
bundle=${1:-}
if [[ -z $bundle ]]; then
  for candidate in "$root"/resources/models/*/; do
    if [[ -f ${candidate}manifest.json ]]; then bundle=${candidate%/}; break; fi
  done
fi
if [[ -z $bundle ]]; then
  bundle=$scratch/random-demo
  "$build/tests/gui/raddraft-make-random-bundle" "$bundle" --frontal "$sample/frontal.dcm" --lateral "$sample/lateral.dcm"
fi
# Default window layout and overlay settings (a fresh configuration), first sentence selected.
run env XDG_CONFIG_HOME="$scratch/config" "$build/app/gui/raddraft" --db "$scratch/edit-log.sqlite" --user "Dr Screenshot" \
  --window-size 1600x1000 --model "$bundle" --draft --sentence 1 \
  --screenshot "$out/workstation-draft.png" "$sample"
run "$build/tests/gui/test_stack_and_mpr" scrollsPlaysAndReformatsACtSeries
ls -l "$out"

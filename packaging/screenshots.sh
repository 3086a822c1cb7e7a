#!/usr/bin/env bash
# Renders the screenshots in docs/screenshots/ from real windows under Xvfb (run after a build).
#   packaging/screenshots.sh [BUNDLE]
# The drafting screenshot uses BUNDLE, else the bundled default (resources/models/transformer-phantom),
# else a bundle with random weights made for the occasion (word salad: it shows the interface only);
# the PPKED and CVSE bundles, a German light-theme window and Compare models follow when installed.
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
models=$root/resources/models
# Each drafting screenshot starts from a fresh configuration (default layout and overlay style).
draft() { # draft NAME BUNDLE SENTENCE [raddraft options...]
  local name=$1 bundle=$2 sentence=$3; shift 3
  rm -rf "$scratch/config"
  run env XDG_CONFIG_HOME="$scratch/config" "$build/app/gui/raddraft" --db "$scratch/edit-log.sqlite" --user "Dr Screenshot" \
    --window-size 1600x1000 --model "$bundle" --draft --sentence "$sentence" "$@" --screenshot "$out/$name" "$sample"
}
bundle=${1:-$models/transformer-phantom}
if [[ ! -f $bundle/manifest.json ]]; then
  bundle=$scratch/random-demo # no trained bundle: random weights, word salad; shows the interface only
  "$build/tests/gui/raddraft-make-random-bundle" "$bundle" --frontal "$sample/frontal.dcm" --lateral "$sample/lateral.dcm"
fi
draft workstation-draft.png "$bundle" 1
# The paper models on the same study: PPKED's sentence on the heart, CVSE's first retrieved finding,
# ASGK's first sentence (its auxiliary region box and tag graph), JPG's first (its labels).
[[ -f $models/ppked-phantom/manifest.json ]] && draft workstation-draft-ppked.png "$models/ppked-phantom" 6
[[ -f $models/cvse-phantom/manifest.json ]] && draft workstation-draft-cvse.png "$models/cvse-phantom" 1
[[ -f $models/asgk-phantom/manifest.json ]] && draft workstation-draft-asgk.png "$models/asgk-phantom" 1
[[ -f $models/jpg-phantom/manifest.json ]] && draft workstation-draft-jpg.png "$models/jpg-phantom" 1
# German interface, light theme; the same edit log, so the draft comes from it (--sentence still selects).
rm -rf "$scratch/config" && mkdir -p "$scratch/config/RadDraft"
printf '[interface]\ntheme=light\n' > "$scratch/config/RadDraft/RadDraft.conf"
run env XDG_CONFIG_HOME="$scratch/config" "$build/app/gui/raddraft" --db "$scratch/edit-log.sqlite" --user "Dr Screenshot" \
  --window-size 1600x1000 --model "$bundle" --draft --sentence 1 --language de --screenshot "$out/workstation-draft-de-light.png" "$sample"
# Compare models: every bundle in resources/models drafts the edema sample.
rm -rf "$scratch/config"
run env XDG_CONFIG_HOME="$scratch/config" "$build/app/gui/raddraft" --db "$scratch/edit-log.sqlite" --user "Dr Screenshot" \
  --window-size 1600x1000 --compare --screenshot "$out/workstation-compare-models.png" "$root/resources/samples/phantom-edema"
run "$build/tests/gui/test_stack_and_mpr" scrollsPlaysAndReformatsACtSeries
ls -l "$out"

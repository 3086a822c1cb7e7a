#!/usr/bin/env bash
# The two set-up commands of the README:
#   packaging/dev.sh run [raddraft arguments]   install deps, build, open the bundled sample study
#   packaging/dev.sh test                       install deps, build everything, run every test
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

command=${1:-}
[[ -n "$command" ]] && shift
case "$command" in
  run|test) ;;
  *) echo "usage: packaging/dev.sh run [raddraft arguments] | test" >&2; exit 2 ;;
esac

packaging/install-deps.sh
# ccache keeps its cache outside the clone, so a fresh clone still hits it.
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$root
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}

cmake --preset dev >/dev/null
jobs=$(nproc)

if [[ $command == run ]]; then
  cmake --build --preset dev --target raddraft -- -j"$jobs"
  if [[ $# -eq 0 ]]; then
    # The bundled sample study with the bundled default model (Ctrl+D drafts the report).
    set -- --model "$root/resources/models/transformer-phantom" "$root/resources/samples/phantom-cardiomegaly-effusion"
  fi
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "dev.sh: no display; starting the workstation under xvfb-run" >&2
    exec xvfb-run -a -s "-screen 0 1920x1080x24" build/dev/app/gui/raddraft "$@"
  fi
  exec build/dev/app/gui/raddraft "$@"
fi

start=$(date +%s)
cmake --build --preset dev -- -j"$jobs"
echo "dev.sh: build took $(( $(date +%s) - start )) s"
# One X server for the whole suite: OpenGL/VTK widgets need a real one, QWidget tests run on it too.
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset dev -j"$jobs"

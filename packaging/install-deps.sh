#!/usr/bin/env bash
# Installs exactly the Debian 12 packages RadDraft needs to build, run and test.
# Idempotent and fast when everything is present: it asks dpkg first and calls apt only for
# what is missing. Runs as root, or through sudo when available.
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ ccache pkg-config
  # Qt 6
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-charts-dev libqt6sql6-sqlite
  libqt6opengl6-dev qt6-translations-l10n  # the last: Qt's own dialogs in German and Chinese
  # imaging, inference, storage
  libdcmtk-dev libopenjp2-7-dev libpng-dev libvtk9-dev libopencv-dev libtorch-dev libopenblas0-openmp
  libsqlite3-dev nlohmann-json3-dev
  # inference/ tests (GoogleTest: inference/ must build without Qt)
  libgtest-dev
  # tests: a real X server for OpenGL/VTK, and pydicom as the reference DICOM decoder
  xvfb xauth libgl1-mesa-dri libglx-mesa0 libegl-mesa0
  dcmtk python3-pydicom python3-numpy python3-pil python3-gdcm
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install packages" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

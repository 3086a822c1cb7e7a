#!/usr/bin/env bash
# Builds inference/ alone (engine, trainer, raddraft-bench, raddraft-train-phantom) against the
# CUDA LibTorch inside a PyTorch installation, on a machine without Qt, DCMTK or VTK (a GPU box).
#   packaging/build-inference-cuda.sh BUILD_DIR [extra cmake arguments]
# nlohmann-json is looked up as usual; point CMAKE_PREFIX_PATH at a copy when the machine has none.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:?usage: packaging/build-inference-cuda.sh BUILD_DIR [cmake arguments]}
shift
python=${PYTHON:-python3}
torch_prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
# PyTorch wheels are built with the C++ ABI and standard their headers need; ask torch for both.
cxx_abi=$("$python" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
# libtorch.so of the wheels exports its own copy of std::filesystem; when it comes before
# libstdc++ in the executable's DT_NEEDED list the dynamic linker binds our std::filesystem calls
# to it, and remove_all() jumps to address 0 (seen with PyTorch 2.11 + GCC 13). Naming libstdc++
# first keeps the system's definitions in front.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DRADDRAFT_INFERENCE_ONLY=ON -DRADDRAFT_BUILD_TESTS=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix${CMAKE_PREFIX_PATH:+;$CMAKE_PREFIX_PATH}" \
  -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$cxx_abi" \
  -DCMAKE_EXE_LINKER_FLAGS="-Wl,--no-as-needed -lstdc++ -Wl,--as-needed" "$@"
cmake --build "$build" -j"$(nproc)" --target raddraft-train-phantom raddraft-bench

#pragma once
// out = x · wᵀ + bias for a few rows of x (the beams of an incremental decoder step), reading
// each weight row once for all rows. BLAS GEMM packs the whole weight matrix on every call,
// which dominates when x has 1–4 rows: for 3 × 512 · 512 × 1536 this kernel is several times
// faster than sgemm. Plain C++ (no torch headers); compiled with CPU-specific clones on x86-64.

#include <cstdint>

namespace raddraft::inference {

/// Rows of x this kernel is meant for; callers use BLAS above it.
constexpr std::int64_t kSkinnyLinearMaxRows = 8;

/// out[r·n + j] = bias[j] + Σ_i x[r·k + i] · w[j·k + i] for r < rows, j < n. x: rows × k,
/// w: n × k, out: rows × n, all row-major float32; bias may be null. The columns are split over
/// up to `threads` OpenMP threads (the runtime LibTorch uses).
void skinnyLinear(const float* x, std::int64_t rows, const float* w, const float* bias, float* out, std::int64_t k,
                  std::int64_t n, int threads);

} // namespace raddraft::inference

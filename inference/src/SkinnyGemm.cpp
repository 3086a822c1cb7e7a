#include "SkinnyGemm.h"

#include <algorithm>
#include <cstring>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace raddraft::inference {
namespace {

// 16 floats: one AVX-512 register, two AVX2 or four SSE registers depending on the clone.
typedef float Lanes __attribute__((vector_size(64)));
constexpr std::int64_t kLanes = 16;

// (Vectors are passed by reference only: by value their ABI differs between the clones.)
inline __attribute__((always_inline)) void load(Lanes& v, const float* p) { std::memcpy(&v, p, sizeof v); }

inline __attribute__((always_inline)) float horizontalSum(const Lanes& v) {
    float sum = 0.0f;
    for (int lane = 0; lane < int(kLanes); ++lane) sum += v[lane];
    return sum;
}

// R rows at once: 2·R register accumulators, one pass over each weight row.
template <int R>
inline __attribute__((always_inline)) void block(const float* x, const float* w, const float* bias, float* out,
                                                 std::int64_t k, std::int64_t n, std::int64_t begin, std::int64_t end) {
    for (std::int64_t j = begin; j < end; ++j) {
        const float* row = w + j * k;
        Lanes even[R], odd[R];
        for (int r = 0; r < R; ++r) even[r] = odd[r] = Lanes{};
        std::int64_t i = 0;
        for (; i + 2 * kLanes <= k; i += 2 * kLanes) {
            Lanes w0, w1, x0, x1;
            load(w0, row + i);
            load(w1, row + i + kLanes);
            for (int r = 0; r < R; ++r) {
                load(x0, x + r * k + i);
                load(x1, x + r * k + i + kLanes);
                even[r] += w0 * x0;
                odd[r] += w1 * x1;
            }
        }
        for (int r = 0; r < R; ++r) {
            const Lanes both = even[r] + odd[r];
            float sum = horizontalSum(both);
            for (std::int64_t tail = i; tail < k; ++tail) sum += row[tail] * x[r * k + tail];
            out[r * n + j] = sum + (bias != nullptr ? bias[j] : 0.0f);
        }
    }
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void columns(const float* x, std::int64_t rows, const float* w, const float* bias, float* out, std::int64_t k,
             std::int64_t n, std::int64_t begin, std::int64_t end) {
    std::int64_t r = 0;
    for (; r + 4 <= rows; r += 4) block<4>(x + r * k, w, bias, out + r * n, k, n, begin, end);
    switch (rows - r) {
    case 3: block<3>(x + r * k, w, bias, out + r * n, k, n, begin, end); break;
    case 2: block<2>(x + r * k, w, bias, out + r * n, k, n, begin, end); break;
    case 1: block<1>(x + r * k, w, bias, out + r * n, k, n, begin, end); break;
    default: break;
    }
}

} // namespace

void skinnyLinear(const float* x, std::int64_t rows, const float* w, const float* bias, float* out, std::int64_t k,
                  std::int64_t n, int threads) {
    // Split the output columns over the threads (LibTorch's OpenMP runtime, so no extra pool);
    // small problems stay on the calling thread.
    const std::int64_t work = rows * k * n;
    const int used = work < (1 << 16) ? 1 : std::max(1, std::min<int>(threads, int(n / 16)));
    if (used <= 1) {
        columns(x, rows, w, bias, out, k, n, 0, n);
        return;
    }
#ifdef _OPENMP
#pragma omp parallel num_threads(used)
    {
        const int thread = omp_get_thread_num();
        const int count = omp_get_num_threads();
        columns(x, rows, w, bias, out, k, n, n * thread / count, n * (thread + 1) / count);
    }
#else
    columns(x, rows, w, bias, out, k, n, 0, n);
#endif
}

} // namespace raddraft::inference

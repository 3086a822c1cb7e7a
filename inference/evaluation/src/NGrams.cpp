#include "NGrams.h"

namespace raddraft::evaluation::detail {

// numpy/core/src/umath/loops_utils.h.src pairwise_sum: blocks of 8 accumulators below 128 items.
double pairwiseSum(const double* values, std::size_t count)
{
    if (count < 8) {
        double sum = 0.0;
        for (std::size_t i = 0; i < count; ++i)
            sum += values[i];
        return sum;
    }
    if (count <= 128) {
        double partial[8];
        for (int j = 0; j < 8; ++j)
            partial[j] = values[j];
        std::size_t i = 8;
        for (; i < count - (count % 8); i += 8)
            for (int j = 0; j < 8; ++j)
                partial[j] += values[i + j];
        double sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
                     ((partial[4] + partial[5]) + (partial[6] + partial[7]));
        for (; i < count; ++i)
            sum += values[i];
        return sum;
    }
    std::size_t half = count / 2;
    half -= half % 8;
    return pairwiseSum(values, half) + pairwiseSum(values + half, count - half);
}

double numpyMean(const std::vector<double>& values)
{
    if (values.empty())
        return 0.0;
    return pairwiseSum(values.data(), values.size()) / static_cast<double>(values.size());
}

} // namespace raddraft::evaluation::detail

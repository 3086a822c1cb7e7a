#pragma once
// n-gram counting shared by BLEU and CIDEr-D (internal).

#include <map>
#include <string>
#include <vector>

namespace raddraft::evaluation::detail {

using NGram = std::vector<std::string>;
using NGramCounts = std::map<NGram, int>;

/// Counts of every n-gram of order 1..maxOrder in tokens.
inline NGramCounts countNGrams(const std::vector<std::string>& tokens, int maxOrder)
{
    NGramCounts counts;
    for (int order = 1; order <= maxOrder; ++order)
        for (std::size_t start = 0; start + order <= tokens.size(); ++start)
            ++counts[NGram(tokens.begin() + start, tokens.begin() + start + order)];
    return counts;
}

/// Sum with NumPy's pairwise summation (np.mean/np.sum of float64), so means match it bit for bit.
double pairwiseSum(const double* values, std::size_t count);

/// np.mean of values (0 for an empty vector).
double numpyMean(const std::vector<double>& values);

} // namespace raddraft::evaluation::detail

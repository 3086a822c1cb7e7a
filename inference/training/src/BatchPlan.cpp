#include "BatchPlan.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace raddraft::training {
namespace {

std::uint64_t splitMix(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

} // namespace

std::uint64_t mixSeed(std::uint64_t seed, const std::string& stage, std::uint64_t epoch, std::uint64_t item) {
    std::uint64_t hash = splitMix(seed);
    for (unsigned char c : stage) hash = splitMix(hash ^ c);
    hash = splitMix(hash ^ epoch);
    return splitMix(hash ^ item);
}

std::vector<std::vector<std::size_t>> planBatches(std::size_t count, std::size_t batchSize, bool shuffle, std::uint64_t seed) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (shuffle) {
        // Fisher–Yates with our own bounded draw: std::shuffle's use of the generator is
        // implementation-defined.
        std::mt19937_64 random(seed);
        for (std::size_t i = count; i > 1; --i) {
            const std::size_t j = std::size_t(random() % i);
            std::swap(order[i - 1], order[j]);
        }
    }
    std::vector<std::vector<std::size_t>> batches;
    for (std::size_t begin = 0; begin < count; begin += std::max<std::size_t>(1, batchSize)) {
        const std::size_t end = std::min(count, begin + std::max<std::size_t>(1, batchSize));
        batches.emplace_back(order.begin() + std::ptrdiff_t(begin), order.begin() + std::ptrdiff_t(end));
    }
    return batches;
}

} // namespace raddraft::training

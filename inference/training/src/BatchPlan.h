#pragma once
// Which examples go into which batch, per epoch, and the seed of every random draw: pure functions
// of (run seed, stage, epoch, example), so that data order and augmentation are the same for any
// number of loader threads and after a resume.

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::training {

/// A 64-bit seed mixed from its parts (SplitMix64 finalisation of each part in turn).
std::uint64_t mixSeed(std::uint64_t seed, const std::string& stage, std::uint64_t epoch, std::uint64_t item = 0);

/// Batches of indices into 0 … count−1: shuffled by a Fisher–Yates permutation seeded with
/// `seed` when `shuffle`, else in order. The last batch may be smaller (no example is dropped).
std::vector<std::vector<std::size_t>> planBatches(std::size_t count, std::size_t batchSize, bool shuffle, std::uint64_t seed);

} // namespace raddraft::training

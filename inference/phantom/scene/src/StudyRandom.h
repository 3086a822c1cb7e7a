#pragma once
// The phantom generator's random numbers: splitmix64 to derive independent seeds, xoshiro256** to
// draw. Written out instead of <random>'s distributions because those are not specified
// bit-for-bit across standard libraries, and a phantom set must be identical everywhere.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace raddraft::phantom::detail {

/// One step of splitmix64 (Steele et al.): a good 64-bit mix of `state`.
inline std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

/// A seed for stream `stream` of a generator seeded with `seed` (independent per stream).
inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t state = seed;
    const std::uint64_t mixedSeed = splitmix64(state);
    state = mixedSeed ^ (stream * 0xD1B54A32D192ED03ULL);
    splitmix64(state);
    return splitmix64(state);
}

/// xoshiro256** (Blackman & Vigna), its state filled by splitmix64.
class StudyRandom {
public:
    explicit StudyRandom(std::uint64_t seed)
    {
        std::uint64_t state = seed;
        for (std::uint64_t& word : state_)
            word = splitmix64(state);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(state_[1] * 5U, 7) * 9U;
        const std::uint64_t t = state_[1] << 17U;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform in [0, 1), 53 bits.
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    /// Uniform integer in [0, count); count > 0.
    std::size_t index(std::size_t count) { return static_cast<std::size_t>(uniform() * static_cast<double>(count)); }
    /// Uniform integer in [low, high].
    int integer(int low, int high) { return low + static_cast<int>(index(static_cast<std::size_t>(high - low + 1))); }

    /// An index drawn with probability proportional to weights[i] (weights ≥ 0, sum > 0).
    std::size_t weighted(const std::vector<double>& weights)
    {
        double total = 0.0;
        for (const double weight : weights)
            total += weight;
        double draw = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (draw < weights[i])
                return i;
            draw -= weights[i];
        }
        // Rounding left draw just above the last bucket: the last positive weight.
        for (std::size_t i = weights.size(); i > 0; --i)
            if (weights[i - 1] > 0.0)
                return i - 1;
        return 0;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4];
};

} // namespace raddraft::phantom::detail

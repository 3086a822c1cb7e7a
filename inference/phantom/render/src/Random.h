#pragma once
// The renderer's random numbers: splitmix64 derives an independent seed per purpose (so adding a
// finding never shifts the noise or the vessel tree of the rest of the study), xoshiro256** draws
// geometry, and xoshiro256+ feeds the per-pixel quantum noise. Written out because <random>'s
// distributions are not specified bit-for-bit across standard libraries.

#include <cmath>
#include <cstdint>

namespace raddraft::phantom::render {

inline std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

/// Purposes of the independent random streams of one study.
enum class Stream : std::uint64_t {
    Anatomy = 1,       ///< habitus details (knob size, rib spacing jitter, breast size, …)
    Vessels = 2,       ///< the pulmonary vascular tree
    FrontalNoise = 3,  ///< quantum noise of the frontal view
    LateralNoise = 4,  ///< quantum noise of the lateral view
    Texture = 5,       ///< low-frequency lung/soft-tissue texture
    Finding = 6,       ///< per finding, combined with its placement seed
};

inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t state = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    splitmix64(state);
    return splitmix64(state);
}

inline std::uint64_t deriveSeed(std::uint64_t seed, Stream stream)
{
    return deriveSeed(seed, static_cast<std::uint64_t>(stream));
}

inline std::uint64_t rotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// xoshiro256** (Blackman & Vigna) with convenience draws for geometry.
class Random {
public:
    explicit Random(std::uint64_t seed)
    {
        std::uint64_t state = seed;
        for (std::uint64_t& word : state_)
            word = splitmix64(state);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotateLeft(state_[1] * 5U, 7) * 9U;
        const std::uint64_t t = state_[1] << 17U;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotateLeft(state_[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    int integer(int low, int high) // inclusive
    {
        return low + static_cast<int>(uniform() * (high - low + 1));
    }
    /// Standard normal (Box–Muller; only used for geometry, never per pixel).
    double normal()
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    /// Normal(mean, sd) clamped to mean ± 2.5 sd: plausible anatomy, never absurd.
    double jitter(double mean, double sd)
    {
        const double n = normal();
        return mean + sd * (n > 2.5 ? 2.5 : (n < -2.5 ? -2.5 : n));
    }

private:
    std::uint64_t state_[4]{};
};

/// xoshiro256+ for bulk noise: the upper bits are used as four 16-bit uniforms per call.
class NoiseRandom {
public:
    explicit NoiseRandom(std::uint64_t seed)
    {
        std::uint64_t state = seed;
        for (std::uint64_t& word : state_)
            word = splitmix64(state);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = state_[0] + state_[3];
        const std::uint64_t t = state_[1] << 17U;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotateLeft(state_[3], 45);
        return result;
    }
    /// Two independent samples of unit variance, each the sum of two 16-bit uniforms (a
    /// triangular distribution): after the detector blur averages many pixels the noise is
    /// Gaussian for all practical purposes, at half the generator cost per pixel.
    void triangularPair(float& a, float& b)
    {
        const std::uint64_t r = next();
        // Mean 2 · 32767.5, variance 2 · (65536² − 1) / 12.
        constexpr float kMean = 65535.0F;
        constexpr float kInvSd = 1.0F / 26754.55F;
        a = (static_cast<float>((r & 0xFFFFU) + ((r >> 16U) & 0xFFFFU)) - kMean) * kInvSd;
        b = (static_cast<float>(((r >> 32U) & 0xFFFFU) + (r >> 48U)) - kMean) * kInvSd;
    }

    /// Approximately standard normal: the sum of four 16-bit uniforms (Irwin–Hall, n = 4),
    /// centred and scaled to unit variance. Its tails end at ±3.46 σ, which suits image noise.
    float gaussian()
    {
        const std::uint64_t r = next();
        const std::uint32_t sum = static_cast<std::uint32_t>(r & 0xFFFFU) +
                                  static_cast<std::uint32_t>((r >> 16U) & 0xFFFFU) +
                                  static_cast<std::uint32_t>((r >> 32U) & 0xFFFFU) +
                                  static_cast<std::uint32_t>(r >> 48U);
        // Mean 4 · 32767.5, variance 4 · (65536² − 1) / 12.
        constexpr float kMean = 131070.0F;
        constexpr float kInvSd = 1.0F / 37837.23F;
        return (static_cast<float>(sum) - kMean) * kInvSd;
    }

private:
    std::uint64_t state_[4]{};
};

} // namespace raddraft::phantom::render

// SPDX-License-Identifier: GPL-3.0-or-later
// Small, portable random helpers for the data layer. std::uniform_int_distribution and
// std::shuffle are implementation-defined, so datasets and batches would differ between standard
// libraries; these are fully specified, so a seed means the same thing everywhere.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace vd::detail {

/// SplitMix64 finalizer (Steele, Lea, Flood: "Fast splittable pseudorandom number generators").
inline uint64_t splitmix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Order-dependent hash of several values, for deriving per-item seeds.
inline uint64_t mixSeed(uint64_t a, uint64_t b)
{
    return splitmix64(a ^ splitmix64(b + 0x632BE59BD9B4E019ull));
}
inline uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c)
{
    return mixSeed(mixSeed(a, b), c);
}

/// A SplitMix64 stream: tiny state, good enough statistics for sampling and augmentation.
class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}

    uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform integer in [0, n); 0 when n <= 0. Plain modulo: for the n we use (clip counts,
    /// frame counts, pixels) the bias is below 2^-40, and it stays portable and reproducible.
    int64_t below(int64_t n)
    {
        if (n <= 0) {
            return 0;
        }
        return static_cast<int64_t>(next() % static_cast<uint64_t>(n));
    }

    /// Uniform integer in [lo, hi].
    int64_t range(int64_t lo, int64_t hi) { return lo + below(hi - lo + 1); }

    /// Uniform double in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    bool coin() { return (next() >> 63) != 0; }

private:
    uint64_t m_state;
};

/// Fisher-Yates shuffle driven by Rng (std::shuffle's result is implementation-defined).
template <typename T> void shuffle(std::vector<T>& v, Rng& rng)
{
    for (size_t i = v.size(); i > 1; --i) {
        const auto j = static_cast<size_t>(rng.below(static_cast<int64_t>(i)));
        std::swap(v[i - 1], v[j]);
    }
}

} // namespace vd::detail

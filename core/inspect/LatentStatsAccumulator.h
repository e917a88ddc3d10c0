// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/LatentStats.h"

#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <vector>

namespace vd {

/// Streams LatentStats over any number of clips: reset(), add(latents[, logvar])..., stats().
/// Moments are merged exactly in double (Pébay 2008, "Formulas for robust, one-pass parallel
/// computation of covariances and arbitrary-order statistical moments"), min/max and the maps
/// are exact sums; order statistics (percentiles, histogram, top-1% share) use the stored values,
/// exact up to maxStoredValuesPerChannel values per channel and a uniform reservoir sample
/// (Vitter 1985, algorithm R) past it. Channel count and frame size must not change between
/// add() calls; the number of frames may. Not thread-safe: one thread adds.
class LatentStatsAccumulator {
public:
    /// Throws vd::Error(Usage, InvalidValue) for bad options.
    explicit LatentStatsAccumulator(LatentStatsOptions options = {});

    /// Adds latents [B,C,T,h,w] or [C,T,h,w] and, optionally, the encoder's logvar (same shape).
    /// Either every call gives logvar or none does. Throws vd::Error(Usage, ShapeMismatch) for
    /// shapes that differ from the first call or from each other, vd::Error(InputData,
    /// NonFinite) for NaN/inf.
    void add(const torch::Tensor& latents, const torch::Tensor& logvar = {});

    /// The statistics of everything added so far (may be called again after more add()s).
    /// Throws vd::Error(Usage) if nothing was added.
    LatentStats stats() const;

    void reset();
    int64_t clips() const { return m_clips; }

private:
    struct Channel {
        double n = 0;
        double mean = 0;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double min = 0;
        double max = 0;
        LatentPosition minAt;
        LatentPosition maxAt;
        std::vector<float> values; ///< all values, or a reservoir sample of them
    };

    void store(Channel& ch, const double* values, int64_t n);

    LatentStatsOptions m_options;
    std::mt19937_64 m_rng;
    int64_t m_clips = 0;
    int64_t m_frames = 0;
    int64_t m_channels = 0;
    int64_t m_height = 0;
    int64_t m_width = 0;
    int m_logvarGiven = -1; ///< -1 unknown until the first add, then 0 or 1
    std::vector<Channel> m_stats;
    torch::Tensor m_sum;       ///< [C,h,w] double: sum of x over frames
    torch::Tensor m_sumSq;     ///< [C,h,w] double: sum of x^2
    torch::Tensor m_logvarSum; ///< [C,h,w] double
    torch::Tensor m_dctPower;  ///< [C,h,w] double: sum of squared DCT coefficients
    torch::Tensor m_dctRows;   ///< [h,h] orthonormal DCT-II matrix
    torch::Tensor m_dctCols;   ///< [w,w]
};

} // namespace vd

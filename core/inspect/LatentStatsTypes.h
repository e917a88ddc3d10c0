// SPDX-License-Identifier: GPL-3.0-or-later
// The plain value types of latent statistics, without torch: what the UI and other torch-free
// code read (computeLatentStats in LatentStats.h produces them).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace vd {

/// Counts of values in `counts.size()` equal bins over [min, max]; bin i holds
/// [min + i*w, min + (i+1)*w), the last bin includes max. A flat channel (min == max) puts every
/// value in the middle bin of [min - 0.5, max + 0.5].
struct Histogram {
    double min = 0;
    double max = 0;
    std::vector<int64_t> counts;
};

/// Where a value sits in the clips given to LatentStatsAccumulator (clips counted over all
/// add() calls; x is the column, y the row).
struct LatentPosition {
    int64_t clip = 0;
    int64_t frame = 0;
    int64_t x = 0;
    int64_t y = 0;
};

/// Statistics of one latent channel over all clips, frames and positions. Plain value type.
/// A flat channel (std 0) reports 0 for kurtosis, max |z|, energy shares. Order statistics
/// (percentiles, histogram, top-1% share) are taken from the values rounded to float.
struct ChannelStats {
    int64_t channel = 0;
    double mean = 0;
    double std = 0; ///< population std
    double min = 0;
    double max = 0;
    double p1 = 0; ///< percentiles, linear interpolation between order statistics (numpy's
    double p5 = 0; ///< default): p = sorted[(n - 1) * q] interpolated
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double excessKurtosis = 0; ///< m4 / m2^2 - 3 (population moments; 0 for a Gaussian)
    double maxAbsZ = 0;        ///< largest |x - mean| / std over all positions
    LatentPosition maxAbsZAt;  ///< where it is
    /// Share of the channel's energy sum (x - mean)^2 held by its top 1% positions
    /// (ceil(n / 100), at least 1, ranked by (x - mean)^2). About 0.085 for Gaussian values,
    /// near 1 when a few positions carry everything (a one-hot map of n values: ~1 - 1/n).
    double top1EnergyShare = 0;
    /// Share of the per-frame AC energy in the high DCT band. Each h x w frame is transformed
    /// with the orthonormal 2D DCT-II; coefficient (u, v) (u vertical, v horizontal) is "high"
    /// when u >= h/2 or v >= w/2, i.e. above half the Nyquist frequency in either direction:
    /// what a 2x downsampling would lose. The DC coefficient is left out (the frame mean is not a
    /// frequency), so the share is sum(high) / sum(all but DC), summed over frames and clips.
    /// White noise gives LatentStats::highFreqShareWhiteNoise (0.75 for 16 x 16).
    double highFreqEnergyShare = 0;
    Histogram histogram;
};

/// JSON report (snake_case keys).
void to_json(nlohmann::json& j, const Histogram& h);
void to_json(nlohmann::json& j, const ChannelStats& s);

} // namespace vd

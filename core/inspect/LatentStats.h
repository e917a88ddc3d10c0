// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/LatentStatsTypes.h"

#include <nlohmann/json_fwd.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace vd {

/// Latent statistics of a clip or a set of clips. Plain value type; the maps are CPU float32
/// tensors [C,h,w] (the UI converts them to QImage), empty before any clip was added.
struct LatentStats {
    int64_t clips = 0;
    int64_t frames = 0; ///< frames over all clips
    int64_t channels = 0;
    int64_t height = 0;
    int64_t width = 0;
    int64_t valuesPerChannel = 0;
    /// False when more values came in than the accumulator stores: percentiles, histograms and
    /// top-1% shares are then computed on a uniform sample (mean, std, min, max, kurtosis,
    /// max |z|, DCT shares and the maps stay exact).
    bool exact = true;
    /// Expected highFreqEnergyShare of white noise: high coefficients / (h*w - 1).
    double highFreqShareWhiteNoise = 0;
    std::vector<ChannelStats> channelStats;
    /// True when logVarianceMap is the encoder's logvar (mean over clips and frames); false when
    /// it is log of the empirical variance of the latents over clips and frames at each
    /// position (variance floored at 1e-12, so a single frame gives log(1e-12), never -inf).
    bool logVarianceFromEncoder = false;
    torch::Tensor logVarianceMap; ///< [C,h,w]
    torch::Tensor meanMap;        ///< [C,h,w] mean over clips and frames
    torch::Tensor dctPowerMap;    ///< [C,h,w] mean squared DCT coefficient per (u, v), DC at 0,0
};

/// Histogram bins and sample size for LatentStatsAccumulator.
struct LatentStatsOptions {
    int histogramBins = 64;                      ///< [1, 1,000,000]
    int64_t maxStoredValuesPerChannel = 1 << 22; ///< values kept for exact order statistics
    uint64_t sampleSeed = 0;                     ///< reservoir sampling past that, seeded
};

/// Throws vd::Error(Usage, InvalidValue) naming the bad field.
void validate(const LatentStatsOptions& options);

/// Statistics of latents [B,C,T,h,w] or [C,T,h,w] in one call (exact unless the batch holds more
/// than maxStoredValuesPerChannel values per channel); `logvar`, when defined, is the encoder's
/// logvar of the same shape. Any device and float dtype (copied to the CPU in double).
/// Throws vd::Error(Usage, ShapeMismatch) for bad shapes, vd::Error(InputData, NonFinite) for
/// NaN/inf.
LatentStats computeLatentStats(const torch::Tensor& latents, const torch::Tensor& logvar = {},
                               const LatentStatsOptions& options = {});

/// JSON report (snake_case keys). The maps are left out: only their shape is listed.
void to_json(nlohmann::json& j, const LatentStats& s);

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/LatentStats.h"

#include "inspect/LatentStatsAccumulator.h"

#include <nlohmann/json.hpp>

namespace vd {

LatentStats computeLatentStats(const torch::Tensor& latents, const torch::Tensor& logvar,
                               const LatentStatsOptions& options)
{
    LatentStatsAccumulator accumulator(options);
    accumulator.add(latents, logvar);
    return accumulator.stats();
}

void to_json(nlohmann::json& j, const Histogram& h)
{
    j = nlohmann::json{{"min", h.min}, {"max", h.max}, {"counts", h.counts}};
}

void to_json(nlohmann::json& j, const ChannelStats& s)
{
    j = nlohmann::json{
        {"channel", s.channel},
        {"mean", s.mean},
        {"std", s.std},
        {"min", s.min},
        {"max", s.max},
        {"percentiles",
         {{"p1", s.p1}, {"p5", s.p5}, {"p50", s.p50}, {"p95", s.p95}, {"p99", s.p99}}},
        {"excess_kurtosis", s.excessKurtosis},
        {"max_abs_z", s.maxAbsZ},
        {"max_abs_z_at",
         {{"clip", s.maxAbsZAt.clip},
          {"frame", s.maxAbsZAt.frame},
          {"x", s.maxAbsZAt.x},
          {"y", s.maxAbsZAt.y}}},
        {"top1_energy_share", s.top1EnergyShare},
        {"high_freq_energy_share", s.highFreqEnergyShare},
        {"histogram", s.histogram}};
}

void to_json(nlohmann::json& j, const LatentStats& s)
{
    const std::vector<int64_t> mapShape{s.channels, s.height, s.width};
    j = nlohmann::json{{"clips", s.clips},
                       {"frames", s.frames},
                       {"channels", s.channels},
                       {"height", s.height},
                       {"width", s.width},
                       {"values_per_channel", s.valuesPerChannel},
                       {"exact", s.exact},
                       {"high_freq_share_white_noise", s.highFreqShareWhiteNoise},
                       {"log_variance_from_encoder", s.logVarianceFromEncoder},
                       {"map_shape", mapShape},
                       {"channel_stats", s.channelStats}};
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DiffusionConfig.h"

#include "util/ConfigCheck.h"
#include "util/JsonFields.h"

#include <climits>

namespace vd {

const char* objectiveName(Objective objective)
{
    switch (objective) {
    case Objective::Epsilon:
        return "eps";
    case Objective::V:
        return "v";
    case Objective::Flow:
        return "flow";
    }
    return "flow";
}

const char* scheduleKindName(ScheduleKind kind)
{
    return kind == ScheduleKind::Linear ? "linear" : "cosine";
}

void to_json(nlohmann::json& j, const DiffusionConfig& c)
{
    j = nlohmann::json{{"objective", objectiveName(c.objective)},
                       {"schedule", scheduleKindName(c.schedule)},
                       {"timesteps", c.timesteps},
                       {"min_snr_gamma", c.minSnrGamma},
                       {"logit_normal_mean", c.logitNormalMean},
                       {"logit_normal_std", c.logitNormalStd},
                       {"frame_deviation_weight", c.frameDeviationWeight},
                       {"spatial_detail_weight", c.spatialDetailWeight}};
}

void from_json(const nlohmann::json& j, DiffusionConfig& c)
{
    c = diffusionConfigFromJson(j, "diffusion");
}

DiffusionConfig diffusionConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    DiffusionConfig c;
    JsonFields f(j, path);
    std::string objective = objectiveName(c.objective);
    f.readChoice("objective", objective, {"eps", "v", "flow"});
    c.objective = objective == "eps" ? Objective::Epsilon
                  : objective == "v" ? Objective::V
                                     : Objective::Flow;
    std::string schedule = scheduleKindName(c.schedule);
    f.readChoice("schedule", schedule, {"linear", "cosine"});
    c.schedule = schedule == "linear" ? ScheduleKind::Linear : ScheduleKind::Cosine;
    f.read("timesteps", c.timesteps, INT_MIN, INT_MAX);
    f.read("min_snr_gamma", c.minSnrGamma, -1e9, 1e9);
    f.read("logit_normal_mean", c.logitNormalMean, -1e9, 1e9);
    f.read("logit_normal_std", c.logitNormalStd, -1e9, 1e9);
    f.read("frame_deviation_weight", c.frameDeviationWeight, -1e9, 1e9);
    f.read("spatial_detail_weight", c.spatialDetailWeight, -1e9, 1e9);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const DiffusionConfig& c, const std::string& path)
{
    checkRange(path, "timesteps", c.timesteps, 2, 100000);
    checkRange(path, "min_snr_gamma", c.minSnrGamma, 0.0, 1000.0);
    checkRange(path, "logit_normal_mean", c.logitNormalMean, -10.0, 10.0);
    checkRange(path, "logit_normal_std", c.logitNormalStd, 1e-3, 10.0);
    checkRange(path, "frame_deviation_weight", c.frameDeviationWeight, 0.0, 100.0);
    checkRange(path, "spatial_detail_weight", c.spatialDetailWeight, 0.0, 100.0);
}

} // namespace vd

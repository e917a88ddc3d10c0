// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// How clips are sampled. Plain value type, JSON keys in snake_case.
struct SamplingConfig {
    /// "auto" (dpmpp_2m for eps/v, euler for flow), "ddpm", "ddim", "dpmpp_2m", "euler", "heun".
    std::string sampler = "auto";
    int steps = 30;             ///< sampler steps (Heun evaluates the model twice per step)
    double guidanceScale = 1.0; ///< classifier-free guidance g; 1 = conditional prediction only
    /// Guidance only at noise levels in [guidanceFrom, guidanceTo] (0 = data, 1 = pure noise),
    /// the conditional prediction elsewhere (Kynkaanniemi et al. 2024, "guidance interval").
    double guidanceFrom = 0.0;
    double guidanceTo = 1.0;
    /// Autoguidance weight w (Karras et al. 2024; diffusion/Guidance.h): > 0 adds
    /// w * (cond - guide) where the guide is the run's early checkpoint that
    /// diffusion.guide_at keeps. 0 = off. Applies at the noise levels guidance does.
    double autoguidance = 0.0;
    double eta = 0.0;           ///< DDIM and Euler stochasticity: 0 deterministic, 1 = ancestral
    double flowShift = 1.0;     ///< flow time shift t' = s t / (1 + (s-1) t) (SD3); 1 = none
    uint64_t seed = 0;

    /// Every accepted sampler name, "auto" first.
    static const std::vector<std::string>& samplerNames();
};

void to_json(nlohmann::json& j, const SamplingConfig& c);
/// Throws vd::Error(Config) naming the key ("sampling.steps: ...").
void from_json(const nlohmann::json& j, SamplingConfig& c);
SamplingConfig samplingConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Throws vd::Error(Config) naming `path.key`.
void validate(const SamplingConfig& c, const std::string& path = "sampling");

} // namespace vd

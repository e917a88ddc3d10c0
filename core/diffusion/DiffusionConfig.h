// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace vd {

/// What the denoiser predicts, and so which forward process is used.
enum class Objective {
    Epsilon, ///< DDPM noise prediction (Ho et al. 2020)
    V,       ///< v = sqrt(abar) eps - sqrt(1 - abar) x0 (Salimans & Ho 2022)
    Flow,    ///< rectified flow: x_t = (1-t) x0 + t eps, predict eps - x0 (Liu et al. 2022)
};

/// Beta schedule of the DDPM family (unused by Flow).
enum class ScheduleKind {
    Linear, ///< betas linear in [1e-4, 0.02] * 1000/T (Ho et al. 2020)
    Cosine, ///< abar = cos^2 schedule (Nichol & Dhariwal 2021)
};

/// Training objective of the diffusion stage. Plain value type, JSON keys in snake_case.
struct DiffusionConfig {
    Objective objective = Objective::Flow;
    ScheduleKind schedule = ScheduleKind::Cosine;
    int timesteps = 1000; ///< DDPM-family discrete steps T
    /// Min-SNR-gamma loss weighting for eps/v (Hang et al. 2023); 0 = uniform weights.
    double minSnrGamma = 5.0;
    /// Flow: t = sigmoid(n), n ~ N(mean, std) (logit-normal sampling, Esser et al. 2024, SD3).
    double logitNormalMean = 0.0;
    double logitNormalStd = 1.0;
    /// Extra weight on the part of a clip's prediction error that differs between its frames
    /// (the error minus its mean over frames): the errors that make frames disagree on the
    /// object. The loss stays minimised by the same prediction; 0 = plain MSE.
    double frameDeviationWeight = 0.0;
    /// Extra weight on the part of each frame's prediction error that differs from its 3x3
    /// neighbourhood's mean (a high-pass of the error): the errors in outlines and corners,
    /// a few latent positions of a frame's 256. Same minimiser as plain MSE; 0 = off.
    double spatialDetailWeight = 0.0;
};

/// Stable JSON names: "eps", "v", "flow" / "linear", "cosine".
const char* objectiveName(Objective objective);
const char* scheduleKindName(ScheduleKind kind);

void to_json(nlohmann::json& j, const DiffusionConfig& c);
/// Throws vd::Error(Config) naming the key ("diffusion.objective: ...").
void from_json(const nlohmann::json& j, DiffusionConfig& c);
DiffusionConfig diffusionConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Throws vd::Error(Config) naming `path.key`.
void validate(const DiffusionConfig& c, const std::string& path = "diffusion");

} // namespace vd

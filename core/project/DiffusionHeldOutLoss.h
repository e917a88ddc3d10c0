// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <cstdint>
#include <string>

namespace vd {

/// How to measure a denoiser on the held-out clips.
struct DiffusionHeldOutLossOptions {
    int maxClips = 64;    ///< at most this many held-out clips (the first ones of the index)
    int draws = 4;        ///< noise and time draws per clip
    uint64_t seed = 1234; ///< of the draws: the same noise for every model measured
    std::string device = "auto";
};

/// What evaluateDiffusionHeldOutLoss measured.
struct DiffusionHeldOutLoss {
    double loss = 0.0; ///< mean unweighted MSE of the objective's target (the "mse" term)
    int clips = 0;
    int draws = 0;
    std::string checkpoint; ///< the denoiser's step-N folder
};

/// The denoiser's training objective (its "mse" term: the unweighted mean squared error of the
/// eps / v / velocity prediction) on the project's held-out clips, which it never trained on:
/// the clips are encoded with the project's trained VAE (posterior mean, normalised as the
/// latent cache is), noised at times and with noise drawn from `seed` (so two models of the
/// same project see the same draws), `draws` times each, and denoised by the newest checkpoint
/// of `project.runDir(Stage::Diffusion)` (EMA weights when saved), labels as the clips' own. A
/// scaling study's held-out loss for the diffusion stage. Runs on the calling thread. Throws
/// vd::Error(InputData) for no checkpoint or no held-out clip, vd::Error(Config) for a bad
/// device.
DiffusionHeldOutLoss evaluateDiffusionHeldOutLoss(const Project& project,
                                                  const DiffusionHeldOutLossOptions& options);

} // namespace vd

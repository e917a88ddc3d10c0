// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"
#include "diffusion/NoiseSchedule.h"
#include "diffusion/Sampler.h"
#include "diffusion/detail/Prediction.h"

#include <torch/torch.h>

#include <functional>

namespace vd::detail {

/// One step of a DDPM-family sampler: from timestep t to s (s = -1 after the last step), their
/// abar, and the model's prediction at (x, t) split into x0 and eps.
struct DiscreteStep {
    int index = 0; ///< 0-based
    int total = 0;
    int64_t t = 0;
    int64_t s = -1;
    double alphaBarT = 0.0;
    double alphaBarS = 1.0;
    X0Eps prediction;
};

/// The loop DDPM, DDIM and DPM-Solver++ share: walks the spaced timesteps, calls the (guided)
/// model, hands each step to `update` (which returns the next x) and reports progress with the
/// step's predicted x0 through Sampler::report.
torch::Tensor runDiscreteSteps(
    const DenoiseFn& model, torch::Tensor x, const SamplerOptions& options,
    const NoiseSchedule& schedule, Objective prediction,
    const std::function<torch::Tensor(const DiscreteStep&, const torch::Tensor&)>& update);

} // namespace vd::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionConfig.h"

#include <torch/torch.h>

#include <vector>

namespace vd::detail {

/// x0 and eps implied by a DDPM-family model output at x_t with abar (eps- or v-prediction).
struct X0Eps {
    torch::Tensor x0;
    torch::Tensor eps;
};
X0Eps splitPrediction(const torch::Tensor& output, const torch::Tensor& x, double alphaBar,
                      Objective objective);

/// `steps` descending timesteps from T-1 with "trailing" spacing (Lin et al. 2024, table 2),
/// so the first step starts at the last (noisiest) timestep. steps is clamped to [1, T].
std::vector<int64_t> spacedTimesteps(int64_t timesteps, int steps);

/// steps + 1 flow times from 1 down to 0, uniform then shifted: s t / (1 + (s - 1) t)
/// (Esser et al. 2024, SD3 eq. 23).
std::vector<double> flowTimes(int steps, double shift);

/// A [batch] float tensor filled with `value`.
torch::Tensor fullTime(double value, int64_t batch, const torch::Tensor& like);

} // namespace vd::detail

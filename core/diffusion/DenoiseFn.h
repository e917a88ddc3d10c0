// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <functional>

namespace vd {

/// The model as samplers and objectives see it: (x_t [B,...], t float [B] in model time units,
/// labels int64 [B] with -1 = no label, or undefined) -> raw model output shaped like x_t
/// (eps, v or velocity, as the objective defines). Model time: DDPM-family integer timesteps as
/// floats (0..T-1); flow time t in [0,1] times kFlowTimeScale. Wrap a Denoiser with
/// `[&](auto& x, auto& t, auto& y) { return model->forward(x, t, y); }`; tests plug in exact
/// analytic denoisers.
using DenoiseFn = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t,
                                              const torch::Tensor& labels)>;

/// Flow time t in [0,1] is passed to the model as t * kFlowTimeScale, so both families use the
/// same timestep-embedding range.
constexpr double kFlowTimeScale = 1000.0;

} // namespace vd

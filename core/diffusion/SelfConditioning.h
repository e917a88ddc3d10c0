// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"
#include "diffusion/DiffusionConfig.h"
#include "model/Denoiser.h"

#include <torch/torch.h>

namespace vd {

/// The clean latents a flow model's velocity v implies at x_t: x0 = x_t - t v (t = modelTime /
/// kFlowTimeScale, per sample).
torch::Tensor flowCleanEstimate(const torch::Tensor& x, const torch::Tensor& modelTime,
                                const torch::Tensor& v);

/// The denoiser as samplers call it. Without DenoiserConfig::selfCondition a plain forward.
/// With it, each call passes the model the clean estimate of its last call with the same batch
/// size (zeros on the first, as on half the training batches): each branch of a guided step
/// (the doubled classifier-free batch; the guide, wrapped on its own) conditions on its own last
/// estimate; with guidance limited to an interval, the first unguided step after guided ones
/// sees the unguided batch's older estimate (or zeros). Holds that state, so make one per
/// sampled batch.
DenoiseFn samplingFn(Denoiser& model);

/// Throws vd::Error(Config) naming `path` when the denoiser self-conditions under an objective
/// other than flow (its clean estimate is derived from a velocity).
void checkSelfCondition(const DenoiserConfig& model, const DiffusionConfig& objective,
                        const std::string& path);

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"

#include <torch/torch.h>

namespace vd {

/// How a sampler step combines model outputs (see guidedOutput).
struct Guidance {
    double scale = 1.0; ///< classifier-free guidance g; 1 = the conditional output alone
    /// Autoguidance's guide (Karras et al. 2024, "Guiding a diffusion model with a bad version
    /// of itself"): a weaker model of the same kind, here an earlier checkpoint of the run.
    /// Empty: no autoguidance.
    DenoiseFn guide;
    double guideWeight = 0.0; ///< autoguidance w; 0 = off
};

/// The sampler's model output at (x, t, labels):
///   uncond + g * (cond - uncond) + w * (cond - guide(cond))
/// Classifier-free guidance (Ho & Salimans 2022) with uncond = the model with null labels (-1);
/// with g == 1, undefined labels or all labels null it is the plain conditional output from a
/// single model call, otherwise one call on a doubled batch. The autoguidance term (a second
/// call, to the guide with the same labels) is added when a guide is set and w != 0: it pushes
/// the output away from the errors the weaker model makes, which sharpens outlines where CFG
/// alone mostly strengthens the class.
torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, const Guidance& guidance);

/// Classifier-free guidance alone: guidedOutput with Guidance{scale}.
torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, double scale);

} // namespace vd

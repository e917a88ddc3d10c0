// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"

#include <torch/torch.h>

namespace vd {

/// Classifier-free guidance (Ho & Salimans 2022): uncond + g * (cond - uncond), where uncond is
/// the model with null labels (-1). With g == 1, undefined labels or all labels null, returns the
/// plain conditional output with a single model call; otherwise makes one call on a doubled batch.
torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, double scale);

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <vector>

namespace vd::detail {

/// L2 norm over all gradients (0 when none has a gradient). Syncs with the device once.
double globalGradNorm(const std::vector<torch::Tensor>& parameters);

/// Scales all gradients by min(1, maxNorm / norm), given the norm computed before.
void clipGradNorm(const std::vector<torch::Tensor>& parameters, double norm, double maxNorm);

/// Adaptive gradient clipping, unit-wise (Brock et al. 2021, NFNets): for each output unit
/// (first dimension; the whole tensor for 0-/1-D parameters),
/// ||g|| <= clipping * max(||w||, eps).
void clipGradAdaptive(const std::vector<torch::Tensor>& parameters, double clipping,
                      double eps = 1e-3);

/// Sets every gradient to zero (keeps the buffers).
void zeroGradients(const std::vector<torch::Tensor>& parameters);

} // namespace vd::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/types.h>

namespace vd {

/// Fréchet distance between Gaussians fitted to two feature sets [N,D] and [M,D] (Heusel et al.
/// 2017, "GANs Trained by a Two Time-Scale Update Rule", the FID formula):
/// |mu_a - mu_b|^2 + tr(S_a + S_b - 2 (S_a^1/2 S_b S_a^1/2)^1/2), computed in float64 with
/// symmetric eigendecompositions. Needs N, M >= 2. Throws vd::Error(Usage) for other shapes.
double frechetDistance(const torch::Tensor& a, const torch::Tensor& b);

/// Mean Euclidean distance over all pairs of rows of `features` [N,D] (0 for N < 2): how far
/// apart samples are, so a model that makes the same clip again and again scores low.
double meanPairwiseDistance(const torch::Tensor& features);

} // namespace vd

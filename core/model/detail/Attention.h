// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd::detail {

/// softmax(q k^T / sqrt(d)) v for q, k, v of shape [N, heads, L, d] (Vaswani et al. 2017).
/// Uses the fused kernel of LibTorch 2.x when available, plain matmuls on 1.13.
torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);

/// Sinusoidal features of `positions` (float [N]) -> [N, dim]: cos half then sin half, periods
/// geometric up to maxPeriod (Vaswani et al. 2017; the layout of the ADM/LDM timestep embedding).
torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int64_t dim,
                                  double maxPeriod = 10000.0);

} // namespace vd::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/NormLayer.h"

#include <torch/torch.h>

namespace vd {

/// Residual multi-head self-attention over the H*W positions of each image [N,C,H,W]
/// (Vaswani et al. 2017; the AttnBlock of LDM). Submodules: norm, qkv (1x1 conv), proj_out.
/// Cost grows with (H*W)^2: use it at the lowest resolution only.
class SpatialAttentionImpl : public torch::nn::Module {
public:
    /// `zeroInitOut`: proj_out starts at zero, so the layer starts as identity.
    SpatialAttentionImpl(int64_t channels, int64_t heads, NormKind norm, int64_t groups,
                         bool zeroInitOut);

    torch::Tensor forward(const torch::Tensor& x);

private:
    int64_t m_heads;
    NormLayer m_norm{nullptr};
    torch::nn::Conv2d m_qkv{nullptr};
    torch::nn::Conv2d m_projOut{nullptr};
};
TORCH_MODULE(SpatialAttention);

} // namespace vd

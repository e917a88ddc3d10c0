// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/NormLayer.h"

#include <torch/torch.h>

namespace vd {

/// Residual temporal convolution over clips [B,C,T,H,W]: x + conv_t(SiLU(norm(x))), a kernel-3
/// 1D convolution along frames at every position (factorized space-time convolution, Tran et al.
/// 2018 "R(2+1)D"; Ho et al. 2022 "Video Diffusion Models"). The output conv starts at zero, so a
/// fresh layer is the identity and can be added to a pretrained per-frame network.
/// Causal: frame t sees frames t-2..t (the first frame is repeated as padding); otherwise t-1..t+1.
/// Submodules: norm, conv (a Conv2d with kernel (3,1) over [B,C,T,H*W]).
class TemporalConvImpl : public torch::nn::Module {
public:
    TemporalConvImpl(int64_t channels, NormKind norm, int64_t groups, bool causal);

    torch::Tensor forward(const torch::Tensor& x);

private:
    bool m_causal;
    NormLayer m_norm{nullptr};
    torch::nn::Conv2d m_conv{nullptr};
};
TORCH_MODULE(TemporalConv);

} // namespace vd

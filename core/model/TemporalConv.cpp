// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/TemporalConv.h"

#include "model/ConvPrecision.h"
#include "model/detail/Frames.h"

namespace vd {

namespace nn = torch::nn;

TemporalConvImpl::TemporalConvImpl(int64_t channels, NormKind norm, int64_t groups, bool causal)
    : m_causal(causal)
{
    m_norm = register_module("norm", NormLayer(norm, channels, groups));
    m_conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(channels, channels, {3, 1})));
    torch::NoGradGuard noGrad;
    m_conv->weight.zero_();
    m_conv->bias.zero_();
}

torch::Tensor TemporalConvImpl::forward(const torch::Tensor& x)
{
    detail::checkDims(x, 5, "TemporalConv");
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3), w = x.size(4);
    torch::Tensor y = m_norm->forwardSiLU(x);
    // Replicate padding along T (zeros would make a still clip's first frames darker).
    const torch::Tensor first = y.narrow(2, 0, 1);
    const torch::Tensor last = y.narrow(2, t - 1, 1);
    y = m_causal ? torch::cat({first, first, y}, 2) : torch::cat({first, y, last}, 2);
    // A (3,1) Conv2d over [B,C,T+2,H*W] is the per-position 1D conv; Conv2d is the fastest path.
    y = runConv(m_conv, y.reshape({b, c, t + 2, h * w}));
    return x + y.view({b, c, t, h, w});
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Upsample2d.h"

#include "model/ConvPrecision.h"

namespace vd {

namespace F = torch::nn::functional;

Upsample2dImpl::Upsample2dImpl(int64_t channels)
{
    m_conv = register_module(
        "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).padding(1)));
}

torch::Tensor Upsample2dImpl::forward(const torch::Tensor& x)
{
    const torch::Tensor up = F::interpolate(x, F::InterpolateFuncOptions()
                                                   .scale_factor(std::vector<double>{2.0, 2.0})
                                                   .mode(torch::kNearest));
    return runConv(m_conv, up);
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Downsample2d.h"

#include "model/ConvPrecision.h"

namespace vd {

Downsample2dImpl::Downsample2dImpl(int64_t channels)
{
    m_conv = register_module(
        "conv",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).stride(2).padding(1)));
}

torch::Tensor Downsample2dImpl::forward(const torch::Tensor& x)
{
    return runConv(m_conv, x);
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// Halves height and width with a stride-2 3x3 convolution ("conv"). [N,C,H,W] -> [N,C,H/2,W/2].
class Downsample2dImpl : public torch::nn::Module {
public:
    explicit Downsample2dImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d m_conv{nullptr};
};
TORCH_MODULE(Downsample2d);

} // namespace vd

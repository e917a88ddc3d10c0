// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// Doubles height and width: nearest-neighbour upsampling then a 3x3 convolution ("conv"),
/// which avoids the checkerboard of transposed convolutions (Odena et al. 2016).
class Upsample2dImpl : public torch::nn::Module {
public:
    explicit Upsample2dImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d m_conv{nullptr};
};
TORCH_MODULE(Upsample2d);

} // namespace vd

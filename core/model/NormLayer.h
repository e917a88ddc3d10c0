// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/NormKind.h"

#include <torch/torch.h>

namespace vd {

/// One normalization layer of a chosen kind over dim 1 (channels) of [N,C,...] tensors.
/// Parameters are "weight" (and "bias" for GroupNorm), as in torch.nn.GroupNorm.
/// - Group: GroupNorm (Wu & He 2018). Statistics are shared by all positions, which lets a
///   network smuggle a global signal through one loud position ("blob" artifacts, Karras et al.
///   2020, StyleGAN2 §2).
/// - Channel: y = x / sqrt(mean_c x^2 + eps) * gain, per position (pixel norm, Karras et al. 2018,
///   with a learnable gain) — no statistics across positions, so no blobs.
/// - None: identity, no parameters.
class NormLayerImpl : public torch::nn::Module {
public:
    NormLayerImpl(NormKind kind, int64_t channels, int64_t groups = 8, double eps = 1e-6);

    torch::Tensor forward(const torch::Tensor& x);

    /// silu(forward(x) * (1 + scale) + shift); scale and shift [N, C] or undefined. Group norm
    /// on the CPU runs fused (detail::groupNormSiLU) and, under CPU bf16 autocast with bf16
    /// convolutions, hands the next convolution bf16 directly.
    torch::Tensor forwardSiLU(const torch::Tensor& x, const torch::Tensor& scale = {},
                              const torch::Tensor& shift = {});

    NormKind kind() const { return m_kind; }

private:
    NormKind m_kind;
    int64_t m_channels;
    int64_t m_groups;
    double m_eps;
    torch::Tensor m_weight;
    torch::Tensor m_bias;
};
TORCH_MODULE(NormLayer);

} // namespace vd

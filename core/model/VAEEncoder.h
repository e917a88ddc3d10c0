// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Downsample2d.h"
#include "model/ResBlock2d.h"
#include "model/SpatialAttention.h"
#include "model/VAEConfig.h"

#include <torch/torch.h>

#include <vector>

namespace vd {

/// Per-frame convolutional encoder (the LDM Encoder, Rombach et al. 2022): conv_in, per level
/// `resBlocks` ResBlocks then a stride-2 downsample (not after the last level), mid block
/// (ResBlock, optional attention, ResBlock), norm_out -> SiLU -> conv_out to 2 * latent channels.
/// Submodules: conv_in, down_blocks.N, downsamplers.N, mid_block_1, mid_attn, mid_block_2,
/// norm_out, conv_out.
class VAEEncoderImpl : public torch::nn::Module {
public:
    explicit VAEEncoderImpl(const VAEConfig& config);

    /// Frames [N,in,H,W] -> moments [N, 2*latent, H/f, W/f] (mean channels first).
    torch::Tensor forward(const torch::Tensor& frames);

private:
    VAEConfig m_config;
    torch::nn::Conv2d m_convIn{nullptr};
    std::vector<std::vector<ResBlock2d>> m_levels;
    std::vector<Downsample2d> m_downsamplers;
    ResBlock2d m_mid1{nullptr};
    SpatialAttention m_midAttn{nullptr};
    ResBlock2d m_mid2{nullptr};
    NormLayer m_normOut{nullptr};
    torch::nn::Conv2d m_convOut{nullptr};
};
TORCH_MODULE(VAEEncoder);

} // namespace vd

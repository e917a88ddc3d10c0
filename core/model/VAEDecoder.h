// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ResBlock2d.h"
#include "model/SpatialAttention.h"
#include "model/TemporalConv.h"
#include "model/Upsample2d.h"
#include "model/VAEConfig.h"

#include <torch/torch.h>

#include <vector>

namespace vd {

/// Per-frame convolutional decoder (the LDM Decoder, Rombach et al. 2022), mirror of VAEEncoder
/// with resBlocks + 1 ResBlocks per level and nearest+conv upsampling. With
/// config.decoderTemporal, a causal TemporalConv follows the mid block and each level; they see
/// the clip as [B,C,T,h,w] and start as identity.
/// Submodules: conv_in, mid_block_1, mid_attn, mid_block_2, mid_temporal, up_blocks.N,
/// up_temporal.N, upsamplers.N, norm_out, conv_out. Level order: deepest first.
class VAEDecoderImpl : public torch::nn::Module {
public:
    explicit VAEDecoderImpl(const VAEConfig& config);

    /// Latents [B,latent,T,h,w] -> video [B,out,T,h*f,w*f].
    torch::Tensor forward(const torch::Tensor& z);

private:
    VAEConfig m_config;
    torch::nn::Conv2d m_convIn{nullptr};
    ResBlock2d m_mid1{nullptr};
    SpatialAttention m_midAttn{nullptr};
    ResBlock2d m_mid2{nullptr};
    TemporalConv m_midTemporal{nullptr};
    std::vector<std::vector<ResBlock2d>> m_levels; ///< deepest level first
    std::vector<TemporalConv> m_temporal;
    std::vector<Upsample2d> m_upsamplers;
    NormLayer m_normOut{nullptr};
    torch::nn::Conv2d m_convOut{nullptr};
};
TORCH_MODULE(VAEDecoder);

} // namespace vd

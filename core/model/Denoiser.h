// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/DenoiserConfig.h"
#include "model/Downsample2d.h"
#include "model/NormLayer.h"
#include "model/SpaceTimeBlock.h"
#include "model/TimestepEmbedding.h"
#include "model/Upsample2d.h"

#include <torch/torch.h>

#include <optional>
#include <vector>

namespace vd {

/// Space-time UNet over latent clips (Ronneberger et al. 2015; ADM, Dhariwal & Nichol 2021;
/// factorized space-time blocks, Ho et al. 2022 "Video Diffusion Models").
///
/// forward(x, t, labels): x [B,C,T,h,w] latents (h, w multiples of 2^(levels-1)); t float [B] in
/// model time units: DDPM/DDIM timesteps 0..999 as floats, flow-matching times t in [0,1]
/// multiplied by 1000; labels int64 [B] with -1 (or numClasses) meaning "no label" (the null class
/// for classifier-free guidance, Ho & Salimans 2022), or an undefined tensor = all null. Labels are
/// ignored by unconditional models. Returns a tensor shaped like x (eps, v or velocity, depending
/// on the objective it was trained with). The output conv starts at zero. With
/// temporalBasis Dct the network sees the orthonormal DCT of the frames over time and its output
/// is transformed back, so callers always work in frames.
///
/// Submodules: time_embed, label_embed, conv_in, down_blocks.N, downsamplers.N, mid_block_1,
/// mid_block_2, up_blocks.N, upsamplers.N, norm_out, conv_out.
class DenoiserImpl : public torch::nn::Module {
public:
    explicit DenoiserImpl(const DenoiserConfig& config);

    const DenoiserConfig& config() const { return m_config; }

    /// firstFrame: the index of x's first frame in a longer clip, for training on windows
    /// shorter than the clips it will generate (temporal attention then meets the frame
    /// positions it sees at sampling time); 0 for whole clips. selfCond: the model's previous
    /// estimate of the clean latents, shaped like x, for a config with selfCondition (undefined
    /// = zeros); ignored otherwise.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t,
                          const torch::Tensor& labels = {}, int64_t firstFrame = 0,
                          const torch::Tensor& selfCond = {});

    /// Replaces each label by -1 (null) with probability config.labelDropout, drawing from
    /// `generator` (on the CPU) if given. Returns labels unchanged for unconditional models.
    torch::Tensor dropLabels(const torch::Tensor& labels,
                             std::optional<at::Generator> generator = std::nullopt) const;

private:
    DenoiserConfig m_config;
    int64_t m_embeddingDim = 0;
    TimestepEmbedding m_timeEmbed{nullptr};
    torch::nn::Embedding m_labelEmbed{nullptr};
    torch::nn::Conv2d m_convIn{nullptr};
    std::vector<SpaceTimeBlock> m_downBlocks;
    std::vector<int> m_downLevel; ///< level of each down block
    std::vector<Downsample2d> m_downsamplers;
    SpaceTimeBlock m_mid1{nullptr};
    SpaceTimeBlock m_mid2{nullptr};
    std::vector<SpaceTimeBlock> m_upBlocks;
    std::vector<int> m_upLevel;
    std::vector<Upsample2d> m_upsamplers;
    NormLayer m_normOut{nullptr};
    torch::nn::Conv2d m_convOut{nullptr};
};
TORCH_MODULE(Denoiser);

} // namespace vd

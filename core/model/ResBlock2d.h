// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/NormLayer.h"

#include <torch/torch.h>

namespace vd {

/// Options of a ResBlock2d.
struct ResBlock2dOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    NormKind norm = NormKind::Group;
    int64_t groups = 8;
    int64_t embeddingDim = 0; ///< > 0: condition on an embedding through scale/shift of norm2
    double dropout = 0.0;
    bool zeroInitOut = false; ///< zero conv2 so the block starts as its skip path (ADM)
};

/// Residual block over images [N,C,H,W]: norm -> SiLU -> conv3x3, twice, plus a skip path
/// (1x1 conv when the channel count changes) (He et al. 2016; the LDM/ADM ResnetBlock). With an
/// embedding, norm2's output is modulated as h * (1 + scale) + shift (Dhariwal & Nichol 2021).
/// Submodules: norm1, conv1, emb_proj, norm2, conv2, skip.
class ResBlock2dImpl : public torch::nn::Module {
public:
    explicit ResBlock2dImpl(const ResBlock2dOptions& options);

    /// `emb` is [N, embeddingDim] when the block was built with an embedding, else ignored.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb = {});

private:
    ResBlock2dOptions m_options;
    NormLayer m_norm1{nullptr};
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::Linear m_embProj{nullptr};
    NormLayer m_norm2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
    torch::nn::Conv2d m_skip{nullptr};
};
TORCH_MODULE(ResBlock2d);

} // namespace vd

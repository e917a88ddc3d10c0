// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ResBlock2d.h"
#include "model/SpatialAttention.h"
#include "model/TemporalAttention.h"
#include "model/TemporalConv.h"

#include <torch/torch.h>

namespace vd {

/// Options of a SpaceTimeBlock.
struct SpaceTimeBlockOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int64_t embeddingDim = 0;
    int64_t groups = 8;
    int64_t heads = 4;
    double dropout = 0.0;
    bool spatialAttention = false;
    bool temporalAttention = false;
};

/// One factorized space-time block of the denoiser (Ho et al. 2022 "Video Diffusion Models"):
/// a timestep-conditioned spatial ResBlock on each frame, a residual temporal convolution, and
/// optionally spatial self-attention (per frame) and temporal self-attention (per position).
/// Temporal layers and attention outputs start at zero, so a fresh block is a per-frame ResBlock.
/// Submodules: res, temporal_conv, spatial_attn, temporal_attn.
class SpaceTimeBlockImpl : public torch::nn::Module {
public:
    explicit SpaceTimeBlockImpl(const SpaceTimeBlockOptions& options);

    /// x: folded frames [B*T,C,H,W]; emb: [B*T, embeddingDim]; batch: B; firstFrame: see
    /// TemporalAttentionImpl::forward. Returns folded frames.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb, int64_t batch,
                          int64_t firstFrame = 0);

private:
    ResBlock2d m_res{nullptr};
    TemporalConv m_temporalConv{nullptr};
    SpatialAttention m_spatialAttn{nullptr};
    TemporalAttention m_temporalAttn{nullptr};
};
TORCH_MODULE(SpaceTimeBlock);

} // namespace vd

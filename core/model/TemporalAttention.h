// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// Residual multi-head self-attention along frames, separately at each spatial position of a clip
/// [B,C,T,H,W] (factorized space-time attention, Ho et al. 2022 "Video Diffusion Models";
/// Bertasius et al. 2021 "TimeSformer"). A sinusoidal frame-index encoding is added to the
/// normalized input so attention knows frame order. proj_out starts at zero (identity layer).
/// Submodules: norm (GroupNorm), qkv (Linear), proj_out (Linear).
class TemporalAttentionImpl : public torch::nn::Module {
public:
    TemporalAttentionImpl(int64_t channels, int64_t heads, int64_t groups);

    /// firstFrame: the index of x's first frame in the clip it was cut from (0 for whole clips;
    /// the encoding covers firstFrame .. firstFrame + T - 1).
    torch::Tensor forward(const torch::Tensor& x, int64_t firstFrame = 0);

private:
    int64_t m_heads;
    torch::nn::GroupNorm m_norm{nullptr};
    torch::nn::Linear m_qkv{nullptr};
    torch::nn::Linear m_projOut{nullptr};
};
TORCH_MODULE(TemporalAttention);

} // namespace vd

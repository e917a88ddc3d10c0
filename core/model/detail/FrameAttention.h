// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd::detail {

/// Attention over a few frames at each of many positions, channel-major:
/// qkv [3, heads, d, T, N] -> out [heads, d, T, N], where at every head and position n
/// out[.., :, i, n] = sum_j softmax_j(scale * q[.., :, i, n] . k[.., :, j, n]) v[.., :, j, n].
///
/// On the CPU (float32; other types are computed in float32 and cast back) this is one autograd
/// node with its own loops: each product over frames runs along contiguous rows of positions and
/// nothing of size heads x d x T x T x N is ever materialised, which the broadcast-and-sum
/// expression did in both passes (5 % of the demo denoiser's step and 20 MB on a 2-core CPU;
/// bench/RESULTS.md, "Fused attention over frames, two processes"). Other devices use that
/// expression.
torch::Tensor frameAttention(const torch::Tensor& qkv, double scale);

/// The broadcast-and-sum expression of the same attention (the reference for the fused node).
torch::Tensor frameAttentionReference(const torch::Tensor& qkv, double scale);

} // namespace vd::detail

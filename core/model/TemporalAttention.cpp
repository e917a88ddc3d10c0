// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/TemporalAttention.h"

#include "model/detail/Attention.h"
#include "model/detail/FrameAttention.h"
#include "model/detail/Frames.h"
#include "util/Error.h"

#include <cmath>

namespace vd {

namespace nn = torch::nn;

TemporalAttentionImpl::TemporalAttentionImpl(int64_t channels, int64_t heads, int64_t groups)
    : m_heads(heads)
{
    if (heads <= 0 || channels % heads != 0) {
        throw Error(ErrorKind::Config,
                    "heads: " + std::to_string(heads) + " does not divide " +
                        std::to_string(channels) + " channels",
                    ErrorCode::InvalidValue);
    }
    m_norm =
        register_module("norm", nn::GroupNorm(nn::GroupNormOptions(groups, channels).eps(1e-6)));
    m_qkv = register_module("qkv", nn::Linear(channels, 3 * channels));
    m_projOut = register_module("proj_out", nn::Linear(channels, channels));
    torch::NoGradGuard noGrad;
    m_projOut->weight.zero_();
    m_projOut->bias.zero_();
}

torch::Tensor TemporalAttentionImpl::forward(const torch::Tensor& x, int64_t firstFrame)
{
    detail::checkDims(x, 5, "TemporalAttention");
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3), w = x.size(4);
    const int64_t p = h * w, d = c / m_heads;
    // Float32 norm under bf16 autocast, as in NormLayer.
    torch::Tensor y = m_norm(x.scalar_type() == torch::kBFloat16 ? x.to(torch::kFloat) : x);
    const torch::Tensor frameCode =
        detail::sinusoidalEmbedding(torch::arange(firstFrame, firstFrame + t, x.options()), c);
    y = y + frameCode.t().reshape({1, c, t, 1, 1}).to(y.dtype());
    // Channel-major, positions of all clips innermost: [C, T, B*H*W]. The sequences are a
    // clip's few frames at each of thousands of positions, so the products over frames run
    // along long contiguous rows (frameAttention). The textbook [positions, T, C] layout made
    // them strided and, with its permutes, cost 60 % of the demo denoiser's step at the 16x16
    // level (bench/RESULTS.md, "Attention over frames, channel-major"). The q, k, v products
    // stay float32 under bf16 autocast: bf16 element-wise kernels are slower on a CPU.
    const int64_t n = b * p;
    y = y.view({b, c, t, p}).permute({1, 2, 0, 3}).reshape({c, t * n});
    const torch::Tensor qkv =
        torch::matmul(m_qkv->weight, y).add(m_qkv->bias.unsqueeze(-1)).view({3, m_heads, d, t, n});
    const torch::Tensor out = detail::frameAttention(qkv, 1.0 / std::sqrt(static_cast<double>(d)));
    const torch::Tensor proj = torch::matmul(m_projOut->weight, out.reshape({c, t * n}))
                                   .add(m_projOut->bias.unsqueeze(-1))
                                   .view({c, t, b, h, w})
                                   .permute({2, 0, 1, 3, 4});
    // In the stream's own type: under bf16 autocast the convolutions' outputs are bf16, and a
    // float32 sum here made every later residual add cast them (and their gradients) again:
    // demo denoiser step 107 -> 103 ms, samples within the run-to-run spread (bench/RESULTS.md,
    // "Threads of waiting ranks").
    return x + proj.to(x.scalar_type());
}

} // namespace vd

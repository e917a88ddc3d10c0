// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/TemporalAttention.h"

#include "model/detail/Attention.h"
#include "model/detail/Frames.h"
#include "util/Error.h"

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
    const int64_t d = c / m_heads;
    // [B,C,T,H,W] -> [B*H*W, T, C]
    // Float32 norm under bf16 autocast, as in NormLayer.
    torch::Tensor y = m_norm(x.scalar_type() == torch::kBFloat16 ? x.to(torch::kFloat) : x)
                          .permute({0, 3, 4, 2, 1})
                          .reshape({b * h * w, t, c});
    y = y + detail::sinusoidalEmbedding(torch::arange(firstFrame, firstFrame + t, x.options()), c)
                .to(y.dtype());
    const auto qkv = m_qkv(y).view({b * h * w, t, 3, m_heads, d}).permute({2, 0, 3, 1, 4});
    torch::Tensor out = detail::attention(qkv[0], qkv[1], qkv[2]); // [BHW, heads, T, d]
    out = m_projOut(out.transpose(1, 2).reshape({b * h * w, t, c}));
    return x + out.view({b, h, w, t, c}).permute({0, 4, 3, 1, 2});
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/SpatialAttention.h"

#include "model/detail/Attention.h"
#include "util/Error.h"

namespace vd {

namespace nn = torch::nn;

SpatialAttentionImpl::SpatialAttentionImpl(int64_t channels, int64_t heads, NormKind norm,
                                           int64_t groups, bool zeroInitOut)
    : m_heads(heads)
{
    if (heads <= 0 || channels % heads != 0) {
        throw Error(ErrorKind::Config,
                    "heads: " + std::to_string(heads) + " does not divide " +
                        std::to_string(channels) + " channels",
                    ErrorCode::InvalidValue);
    }
    m_norm = register_module("norm", NormLayer(norm, channels, groups));
    m_qkv = register_module("qkv", nn::Conv2d(nn::Conv2dOptions(channels, 3 * channels, 1)));
    m_projOut = register_module("proj_out", nn::Conv2d(nn::Conv2dOptions(channels, channels, 1)));
    if (zeroInitOut) {
        torch::NoGradGuard noGrad;
        m_projOut->weight.zero_();
        m_projOut->bias.zero_();
    }
}

torch::Tensor SpatialAttentionImpl::forward(const torch::Tensor& x)
{
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t d = c / m_heads;
    // [N, 3C, H, W] -> 3 x [N, heads, HW, d]
    const auto qkv = m_qkv(m_norm(x)).view({n, 3, m_heads, d, h * w}).transpose(-2, -1).unbind(1);
    const torch::Tensor out = detail::attention(qkv[0], qkv[1], qkv[2]); // [N, heads, HW, d]
    return x + m_projOut(out.transpose(-2, -1).reshape({n, c, h, w}));
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/NormLayer.h"

#include "model/ConvPrecision.h"
#include "model/detail/GroupNormSiLU.h"
#include "util/Error.h"

namespace vd {

namespace F = torch::nn::functional;

NormLayerImpl::NormLayerImpl(NormKind kind, int64_t channels, int64_t groups, double eps)
    : m_kind(kind), m_channels(channels), m_groups(groups), m_eps(eps)
{
    if (kind == NormKind::Group && (groups <= 0 || channels % groups != 0)) {
        throw Error(ErrorKind::Config,
                    "norm_groups: " + std::to_string(groups) + " does not divide " +
                        std::to_string(channels) + " channels",
                    ErrorCode::InvalidValue);
    }
    if (kind != NormKind::None) {
        m_weight = register_parameter("weight", torch::ones({channels}));
    }
    if (kind == NormKind::Group) {
        m_bias = register_parameter("bias", torch::zeros({channels}));
    }
}

torch::Tensor NormLayerImpl::forward(const torch::Tensor& x)
{
    switch (m_kind) {
    case NormKind::Group:
        // Under bf16 autocast the input may be bf16 while the affine weights stay float32,
        // which LibTorch 1.13's CPU group norm refuses: normalise in float32.
        return F::group_norm(
            x.scalar_type() == torch::kBFloat16 ? x.to(torch::kFloat) : x,
            F::GroupNormFuncOptions(m_groups).weight(m_weight).bias(m_bias).eps(m_eps));
    case NormKind::Channel: {
        std::vector<int64_t> shape(static_cast<size_t>(x.dim()), 1);
        shape[1] = m_channels;
        const torch::Tensor rms = torch::rsqrt(x.pow(2).mean(1, true) + m_eps);
        return x * rms * m_weight.view(shape);
    }
    case NormKind::None:
        return x;
    }
    return x;
}

torch::Tensor NormLayerImpl::forwardSiLU(const torch::Tensor& x, const torch::Tensor& scale,
                                         const torch::Tensor& shift)
{
    if (m_kind == NormKind::Group) {
        // Straight in the type the next convolution wants: bf16 under autocast.
        return detail::groupNormSiLU(x, m_groups, m_weight, m_bias, scale, shift, m_eps,
                                     convInputType(x));
    }
    return detail::modulatedSiLU(forward(x), scale, shift);
}

} // namespace vd

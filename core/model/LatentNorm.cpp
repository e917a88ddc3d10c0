// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/LatentNorm.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace vd {

LatentNormImpl::LatentNormImpl(int64_t channels)
    : m_channels(channels), m_sum(size_t(channels), 0.0), m_sumSq(size_t(channels), 0.0)
{
    m_mean = register_buffer("mean", torch::zeros({channels}));
    m_std = register_buffer("std", torch::ones({channels}));
}

torch::Tensor LatentNormImpl::shaped(const torch::Tensor& v, const torch::Tensor& like) const
{
    std::vector<int64_t> shape(static_cast<size_t>(like.dim()), 1);
    shape[1] = m_channels;
    return v.to(like.options()).view(shape);
}

torch::Tensor LatentNormImpl::normalize(const torch::Tensor& z) const
{
    return (z - shaped(m_mean, z)) / shaped(m_std, z);
}

torch::Tensor LatentNormImpl::denormalize(const torch::Tensor& z) const
{
    return z * shaped(m_std, z) + shaped(m_mean, z);
}

void LatentNormImpl::reset()
{
    std::fill(m_sum.begin(), m_sum.end(), 0.0);
    std::fill(m_sumSq.begin(), m_sumSq.end(), 0.0);
    m_count = 0.0;
}

void LatentNormImpl::accumulate(const torch::Tensor& z)
{
    if (!z.defined() || z.dim() < 2 || z.size(1) != m_channels) {
        throw Error(ErrorKind::Usage,
                    "LatentNorm::accumulate: expected [B," + std::to_string(m_channels) +
                        ",...] latents",
                    ErrorCode::ShapeMismatch);
    }
    torch::NoGradGuard noGrad;
    // [C, N] in double on the host.
    const torch::Tensor flat =
        z.detach().transpose(0, 1).reshape({m_channels, -1}).to(torch::kCPU, torch::kFloat64);
    const torch::Tensor s = flat.sum(1).contiguous();
    const torch::Tensor s2 = flat.pow(2).sum(1).contiguous();
    const double* ps = s.data_ptr<double>();
    const double* ps2 = s2.data_ptr<double>();
    for (int64_t c = 0; c < m_channels; ++c) {
        m_sum[size_t(c)] += ps[c];
        m_sumSq[size_t(c)] += ps2[c];
    }
    m_count += static_cast<double>(flat.size(1));
}

void LatentNormImpl::finish()
{
    if (m_count <= 0.0) {
        throw Error(ErrorKind::Usage, "LatentNorm::finish: no latents were accumulated");
    }
    const size_t n = static_cast<size_t>(m_channels);
    std::vector<float> mean(n, 0.0f);
    std::vector<float> stdev(n, 1.0f);
    for (size_t c = 0; c < n; ++c) {
        const double mu = m_sum[c] / m_count;
        const double var = std::max(0.0, m_sumSq[c] / m_count - mu * mu);
        mean[c] = static_cast<float>(mu);
        stdev[c] = static_cast<float>(std::max(std::sqrt(var), 1e-6));
    }
    torch::NoGradGuard noGrad;
    m_mean.copy_(torch::tensor(mean));
    m_std.copy_(torch::tensor(stdev));
}

} // namespace vd

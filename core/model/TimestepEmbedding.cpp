// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/TimestepEmbedding.h"

#include "model/detail/Attention.h"

namespace vd {

TimestepEmbeddingImpl::TimestepEmbeddingImpl(int64_t frequencyDim, int64_t embeddingDim)
    : m_frequencyDim(frequencyDim)
{
    m_linear1 = register_module("linear_1", torch::nn::Linear(frequencyDim, embeddingDim));
    m_linear2 = register_module("linear_2", torch::nn::Linear(embeddingDim, embeddingDim));
}

torch::Tensor TimestepEmbeddingImpl::forward(const torch::Tensor& t)
{
    const torch::Tensor freqs = detail::sinusoidalEmbedding(t, m_frequencyDim);
    return m_linear2(torch::silu(m_linear1(freqs.to(m_linear1->weight.dtype()))));
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/Attention.h"

#include <torch/version.h>

#include <cmath>

namespace vd::detail {

namespace {
/// Sequences up to this length take the broadcast path on LibTorch 1.x.
constexpr int64_t kShortSequence = 16;
} // namespace

torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v)
{
#if TORCH_VERSION_MAJOR >= 2
    return at::scaled_dot_product_attention(q, k, v);
#else
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    if (q.size(-2) <= kShortSequence) {
        // Short sequences (spatial attention at 4x4; attention over frames has its own
        // channel-major path in TemporalAttention): LibTorch 1.13 runs a batched matmul of
        // thousands of small products as one GEMM call per product (bench/RESULTS.md, "Denoiser
        // step: threads, OpenBLAS kernels and attention over frames"). Broadcast products
        // summed over d are a few large element-wise kernels instead.
        const torch::Tensor scores = (q.unsqueeze(-2) * k.unsqueeze(-3)).sum(-1) * scale;
        const torch::Tensor w = torch::softmax(scores, -1);
        return (w.unsqueeze(-1) * v.unsqueeze(-3)).sum(-2);
    }
    const torch::Tensor w = torch::softmax(torch::matmul(q * scale, k.transpose(-2, -1)), -1);
    return torch::matmul(w, v);
#endif
}

torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int64_t dim, double maxPeriod)
{
    const int64_t half = dim / 2;
    const auto opts = positions.options().dtype(torch::kFloat32);
    const torch::Tensor freqs =
        torch::exp(-std::log(maxPeriod) * torch::arange(half, opts) / static_cast<double>(half));
    const torch::Tensor args = positions.to(torch::kFloat32).unsqueeze(1) * freqs.unsqueeze(0);
    torch::Tensor emb = torch::cat({torch::cos(args), torch::sin(args)}, 1);
    if (dim % 2 == 1) {
        emb = torch::cat({emb, torch::zeros({emb.size(0), 1}, opts)}, 1);
    }
    return emb;
}

} // namespace vd::detail

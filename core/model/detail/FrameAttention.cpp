// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/FrameAttention.h"

#include "util/Error.h"

#include <ATen/Parallel.h>

#include <algorithm>

namespace vd::detail {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Sizes of one [heads, d, T, N] operand.
struct Dims {
    int64_t heads, d, t, n;
};

/// Positions per task: a task's [T, T, block] of scores stays in the core's cache.
constexpr int64_t kBlock = 512;

/// Runs f(head, n0, n1) over heads x blocks of positions on torch's intra-op threads.
template <typename F>
void forBlocks(const Dims& s, const F& f)
{
    const int64_t blocks = (s.n + kBlock - 1) / kBlock;
    at::parallel_for(0, s.heads * blocks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t task = begin; task < end; ++task) {
            const int64_t h = task / blocks, n0 = (task % blocks) * kBlock;
            f(h, n0, std::min(s.n, n0 + kBlock));
        }
    });
}

/// out[h, i, j, n] = sum over c of a[h, c, i, n] * b[h, c, j, n]; a, b [heads, d, T, N].
void frameProducts(const float* a, const float* b, float* out, const Dims& s)
{
    const int64_t t = s.t, n = s.n, d = s.d;
    forBlocks(s, [&](int64_t h, int64_t n0, int64_t n1) {
        const int64_t len = n1 - n0;
        for (int64_t ij = 0; ij < t * t; ++ij) {
            std::fill_n(out + (h * t * t + ij) * n + n0, len, 0.0f);
        }
        for (int64_t c = 0; c < d; ++c) {
            for (int64_t i = 0; i < t; ++i) {
                const float* ar = a + ((h * d + c) * t + i) * n + n0;
                for (int64_t j = 0; j < t; ++j) {
                    const float* br = b + ((h * d + c) * t + j) * n + n0;
                    float* o = out + ((h * t + i) * t + j) * n + n0;
                    for (int64_t p = 0; p < len; ++p) {
                        o[p] += ar[p] * br[p];
                    }
                }
            }
        }
    });
}

/// out[h, c, i, n] = sum over j of w[h, i, j, n] * x[h, c, j, n] (w[h, j, i, n] when
/// `transposed`); w [heads, T, T, N], x and out [heads, d, T, N].
void frameMix(const float* w, bool transposed, const float* x, float* out, const Dims& s)
{
    const int64_t t = s.t, n = s.n, d = s.d;
    forBlocks(s, [&](int64_t h, int64_t n0, int64_t n1) {
        const int64_t len = n1 - n0;
        for (int64_t c = 0; c < d; ++c) {
            for (int64_t i = 0; i < t; ++i) {
                float* o = out + ((h * d + c) * t + i) * n + n0;
                std::fill_n(o, len, 0.0f);
                for (int64_t j = 0; j < t; ++j) {
                    const int64_t wij = transposed ? (h * t + j) * t + i : (h * t + i) * t + j;
                    const float* wr = w + wij * n + n0;
                    const float* xr = x + ((h * d + c) * t + j) * n + n0;
                    for (int64_t p = 0; p < len; ++p) {
                        o[p] += wr[p] * xr[p];
                    }
                }
            }
        }
    });
}

Dims dimsOf(const torch::Tensor& qkv)
{
    return {qkv.size(1), qkv.size(2), qkv.size(3), qkv.size(4)};
}

class FrameAttentionFunction : public torch::autograd::Function<FrameAttentionFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& qkv, double scale)
    {
        const torch::Tensor x = qkv.to(torch::kFloat).contiguous();
        const Dims s = dimsOf(x);
        const int64_t part = s.heads * s.d * s.t * s.n;
        const float* base = x.data_ptr<float>();
        torch::Tensor scores = torch::empty({s.heads, s.t, s.t, s.n}, x.options());
        frameProducts(base, base + part, scores.data_ptr<float>(), s);
        const torch::Tensor weights = torch::softmax(scores.mul_(scale), 2);
        torch::Tensor out = torch::empty({s.heads, s.d, s.t, s.n}, x.options());
        frameMix(weights.data_ptr<float>(), false, base + 2 * part, out.data_ptr<float>(), s);
        ctx->save_for_backward({x, weights});
        ctx->saved_data["scale"] = scale;
        return out.to(qkv.scalar_type());
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const variable_list saved = ctx->get_saved_variables();
        const torch::Tensor& x = saved[0];
        const torch::Tensor& weights = saved[1];
        const double scale = ctx->saved_data["scale"].toDouble();
        // The output had qkv's type, so its gradient has it too.
        const auto dtype = grads[0].scalar_type();
        const torch::Tensor g = grads[0].to(torch::kFloat).contiguous();
        const Dims s = dimsOf(x);
        const int64_t part = s.heads * s.d * s.t * s.n;
        const float* q = x.data_ptr<float>();
        const float* k = q + part;
        const float* v = q + 2 * part;

        // Through the mix: d weights[i, j] = g[i] . v[j], d v[j] = sum over i of weights[i, j] g[i].
        torch::Tensor dWeights = torch::empty_like(weights);
        frameProducts(g.data_ptr<float>(), v, dWeights.data_ptr<float>(), s);
        torch::Tensor dx = torch::empty_like(x);
        float* dq = dx.data_ptr<float>();
        frameMix(weights.data_ptr<float>(), true, g.data_ptr<float>(), dq + 2 * part, s);
        // Through the softmax over j, then the scale.
        const torch::Tensor dScores =
            weights * (dWeights - (weights * dWeights).sum(2, /*keepdim=*/true)) * scale;
        // Through the products: d q[i] = sum over j of dScores[i, j] k[j], d k[j] = sum over i
        // of dScores[i, j] q[i].
        frameMix(dScores.data_ptr<float>(), false, k, dq, s);
        frameMix(dScores.data_ptr<float>(), true, q, dq + part, s);
        return {dx.to(dtype), torch::Tensor()};
    }
};

void checkShape(const torch::Tensor& qkv)
{
    if (qkv.dim() != 5 || qkv.size(0) != 3) {
        throw Error(ErrorKind::Usage,
                    "frameAttention: qkv must be [3, heads, d, T, N], got " +
                        std::to_string(qkv.dim()) + " dimensions",
                    ErrorCode::ShapeMismatch);
    }
}

} // namespace

torch::Tensor frameAttentionReference(const torch::Tensor& qkv, double scale)
{
    checkShape(qkv);
    const torch::Tensor q = qkv[0], k = qkv[1], v = qkv[2];
    // scores [heads, Tq, Tk, N] = sum over d of q[.., d, Tq, N] k[.., d, Tk, N]
    const torch::Tensor scores = (q.unsqueeze(3) * k.unsqueeze(2)).sum(1) * scale;
    const torch::Tensor weights = torch::softmax(scores, 2);
    // out [heads, d, Tq, N] = sum over Tk of weights[.., Tq, Tk, N] v[.., d, Tk, N]
    return (weights.unsqueeze(1) * v.unsqueeze(2)).sum(3);
}

torch::Tensor frameAttention(const torch::Tensor& qkv, double scale)
{
    checkShape(qkv);
    if (!qkv.device().is_cpu()) {
        return frameAttentionReference(qkv, scale);
    }
    return FrameAttentionFunction::apply(qkv, scale);
}

} // namespace vd::detail

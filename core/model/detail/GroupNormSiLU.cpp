// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/GroupNormSiLU.h"

#include "model/detail/GroupNormSiLURows.h"
#include "util/Error.h"

#include <ATen/Parallel.h>
#include <c10/util/BFloat16.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace vd::detail {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Sizes of x seen as [n, c, s]: c channels in `groups` groups, s positions per channel.
struct Dims {
    int64_t n, c, s, groups;
    int64_t perGroup() const { return c / groups; }
};

Dims dimsOf(const torch::Tensor& x, int64_t groups)
{
    return {x.size(0), x.size(1), x.numel() / std::max<int64_t>(1, x.size(0) * x.size(1)), groups};
}

/// The per-channel affine map the norm and the modulation make together:
/// y' = a * x + b with a = rstd * w * (1 + s), b = (bias - mean * rstd * w) * (1 + s) + shift.
struct Affine {
    float a, b;
};

/// Per (sample, channel) inputs of the affine map, all float32.
struct Params {
    const float* weight; ///< [c]
    const float* bias;   ///< [c]
    const float* scale;  ///< [n, c] or null
    const float* shift;  ///< [n, c] or null
    float mod(int64_t nc) const { return scale ? 1.0f + scale[nc] : 1.0f; }
    float add(int64_t nc) const { return shift ? shift[nc] : 0.0f; }
    Affine affine(int64_t n, int64_t ch, int64_t c, float mean, float rstd) const
    {
        const int64_t nc = n * c + ch;
        const float m = mod(nc);
        const float wr = rstd * weight[ch];
        return {wr * m, (bias[ch] - mean * wr) * m + add(nc)};
    }
};

/// Runs f(n, g) for every sample and group on torch's intra-op threads.
template <typename F> void forGroups(const Dims& d, const F& f)
{
    at::parallel_for(0, d.n * d.groups, 1, [&](int64_t begin, int64_t end) {
        for (int64_t task = begin; task < end; ++task) {
            f(task / d.groups, task % d.groups);
        }
    });
}

template <typename In, typename Out>
void forwardKernel(const In* x, Out* out, float* meanOut, float* rstdOut, const Params& p,
                   const Dims& d, float eps)
{
    const int64_t cg = d.perGroup(), s = d.s;
    forGroups(d, [&](int64_t n, int64_t g) {
        // Sums per channel row in float, across rows in double, of x minus the group's first
        // value, so that a group far from zero keeps its variance.
        const float shift = static_cast<float>(x[(n * d.c + g * cg) * s]);
        double sum = 0.0, sumSq = 0.0;
        for (int64_t ch = g * cg; ch < (g + 1) * cg; ++ch) {
            float rs = 0.0f, rq = 0.0f;
            rows::sums(x + (n * d.c + ch) * s, s, shift, rs, rq);
            sum += rs;
            sumSq += rq;
        }
        const double count = static_cast<double>(cg * s);
        const double shifted = sum / count;
        const double mean = shift + shifted;
        const double var = std::max(0.0, sumSq / count - shifted * shifted);
        const float m = static_cast<float>(mean);
        const float r = static_cast<float>(1.0 / std::sqrt(var + eps));
        meanOut[n * d.groups + g] = m;
        rstdOut[n * d.groups + g] = r;
        for (int64_t ch = g * cg; ch < (g + 1) * cg; ++ch) {
            const Affine af = p.affine(n, ch, d.c, m, r);
            rows::forward(x + (n * d.c + ch) * s, out + (n * d.c + ch) * s, s, af.a, af.b);
        }
    });
}

/// Per (sample, channel) sums of the backward pass, over the positions: A = sum dy', and
/// B = sum dy' * xhat, where dy' is the gradient at the SiLU's input and xhat the normalised x.
template <typename In, typename G>
void backwardKernel(const In* x, const G* grad, In* dx, float* sumA, float* sumB, const float* mean,
                    const float* rstd, const Params& p, const Dims& d)
{
    const int64_t cg = d.perGroup(), s = d.s;
    forGroups(d, [&](int64_t n, int64_t g) {
        const float m = mean[n * d.groups + g];
        const float r = rstd[n * d.groups + g];
        std::vector<float> dyBuf(static_cast<size_t>(cg * s));
        // Pass 1: dy' at every position (kept), its sums per channel.
        double m1 = 0.0, m2 = 0.0; // sums over the group of k * A and k * B
        for (int64_t ch = g * cg; ch < (g + 1) * cg; ++ch) {
            const int64_t nc = n * d.c + ch;
            const Affine af = p.affine(n, ch, d.c, m, r);
            float a = 0.0f, bx = 0.0f;
            rows::backward(x + nc * s, grad + nc * s, dyBuf.data() + (ch - g * cg) * s, s, af.a,
                           af.b, m, a, bx);
            const float b = r * bx; // sum dy' * xhat
            sumA[nc] = a;
            sumB[nc] = b;
            const double k = static_cast<double>(p.mod(nc)) * p.weight[ch];
            m1 += k * a;
            m2 += k * b;
        }
        const double count = static_cast<double>(cg * s);
        const float c1 = static_cast<float>(r * m1 / count);
        const float c2 = static_cast<float>(static_cast<double>(r) * r * m2 / count);
        // Pass 2: dx = r * k * dy' - r * mean_g(k dy') - r^2 * (x - mean) * mean_g(k dy' xhat).
        for (int64_t ch = g * cg; ch < (g + 1) * cg; ++ch) {
            const int64_t nc = n * d.c + ch;
            const float rk = r * p.mod(nc) * p.weight[ch];
            rows::inputGrad(x + nc * s, dyBuf.data() + (ch - g * cg) * s, dx + nc * s, s, rk, c1,
                            c2, m);
        }
    });
}

/// Calls f with a null pointer of x's element type (float or bf16).
template <typename F> void dispatchType(c10::ScalarType t, const F& f)
{
    if (t == torch::kBFloat16) {
        f(static_cast<c10::BFloat16*>(nullptr));
    } else {
        f(static_cast<float*>(nullptr));
    }
}

/// A float32 copy of an optional operand; undefined for an absent one, which reaches the node
/// as an empty tensor (LibTorch 1.13's Function::apply refuses undefined inputs).
torch::Tensor floatOrEmpty(const torch::Tensor& t)
{
    return t.defined() && t.numel() > 0 ? t.detach().to(torch::kFloat).contiguous()
                                        : torch::Tensor();
}

Params paramsOf(const torch::Tensor& w, const torch::Tensor& b, const torch::Tensor& s,
                const torch::Tensor& t)
{
    return {w.data_ptr<float>(), b.data_ptr<float>(), s.defined() ? s.data_ptr<float>() : nullptr,
            t.defined() ? t.data_ptr<float>() : nullptr};
}

class GroupNormSiLUFunction : public torch::autograd::Function<GroupNormSiLUFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& input,
                                 const torch::Tensor& weight, const torch::Tensor& bias,
                                 const torch::Tensor& scale, const torch::Tensor& shift,
                                 int64_t groups, double eps, c10::ScalarType outType)
    {
        const torch::Tensor x = input.scalar_type() == torch::kBFloat16
                                    ? input.contiguous()
                                    : input.to(torch::kFloat).contiguous();
        const torch::Tensor w = floatOrEmpty(weight), b = floatOrEmpty(bias);
        const torch::Tensor s = floatOrEmpty(scale), t = floatOrEmpty(shift);
        const Dims d = dimsOf(x, groups);
        const auto floats = x.options().dtype(torch::kFloat);
        torch::Tensor mean = torch::empty({d.n, groups}, floats);
        torch::Tensor rstd = torch::empty({d.n, groups}, floats);
        const c10::ScalarType out = outType == torch::kBFloat16 ? torch::kBFloat16 : torch::kFloat;
        torch::Tensor y = torch::empty(x.sizes(), x.options().dtype(out));
        const Params p = paramsOf(w, b, s, t);
        dispatchType(x.scalar_type(), [&](auto* in) {
            using In = std::remove_pointer_t<decltype(in)>;
            dispatchType(out, [&](auto* o) {
                using Out = std::remove_pointer_t<decltype(o)>;
                forwardKernel(x.data_ptr<In>(), y.data_ptr<Out>(), mean.data_ptr<float>(),
                              rstd.data_ptr<float>(), p, d, static_cast<float>(eps));
            });
        });
        ctx->save_for_backward({x, w, b, s, t, mean, rstd});
        ctx->saved_data["groups"] = groups;
        ctx->saved_data["input_type"] = static_cast<int64_t>(input.scalar_type());
        ctx->saved_data["scale_type"] =
            static_cast<int64_t>(s.defined() ? scale.scalar_type() : torch::kFloat);
        return y;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const variable_list saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &w = saved[1], &b = saved[2], &s = saved[3],
                            &t = saved[4], &mean = saved[5], &rstd = saved[6];
        const int64_t groups = ctx->saved_data["groups"].toInt();
        const auto inputType = static_cast<c10::ScalarType>(ctx->saved_data["input_type"].toInt());
        const auto scaleType = static_cast<c10::ScalarType>(ctx->saved_data["scale_type"].toInt());
        torch::Tensor g = grads[0];
        if (g.scalar_type() != torch::kBFloat16) {
            g = g.to(torch::kFloat);
        }
        g = g.contiguous();
        const Dims d = dimsOf(x, groups);
        torch::Tensor dx = torch::empty_like(x);
        const auto floats = x.options().dtype(torch::kFloat);
        torch::Tensor sumA = torch::empty({d.n, d.c}, floats);
        torch::Tensor sumB = torch::empty({d.n, d.c}, floats);
        const Params p = paramsOf(w, b, s, t);
        dispatchType(x.scalar_type(), [&](auto* in) {
            using In = std::remove_pointer_t<decltype(in)>;
            dispatchType(g.scalar_type(), [&](auto* gp) {
                using G = std::remove_pointer_t<decltype(gp)>;
                backwardKernel(x.data_ptr<In>(), g.data_ptr<G>(), dx.data_ptr<In>(),
                               sumA.data_ptr<float>(), sumB.data_ptr<float>(),
                               mean.data_ptr<float>(), rstd.data_ptr<float>(), p, d);
            });
        });
        // The parameters' gradients from the per-channel sums: y = w xhat + bias, y' = y (1 +
        // s) + shift, so d shift = A, d s = w B + bias A, d w = sum_n (1 + s) B, d bias = sum_n
        // (1 + s) A.
        const torch::Tensor mod = s.defined() ? s + 1.0 : torch::ones({d.n, d.c}, floats);
        const torch::Tensor dWeight = (mod * sumB).sum(0);
        const torch::Tensor dBias = (mod * sumA).sum(0);
        torch::Tensor dScale, dShift;
        if (s.defined()) {
            dScale = (w * sumB + b * sumA).to(scaleType);
            dShift = sumA.to(scaleType);
        }
        return {dx.to(inputType), dWeight,         dBias,           dScale,
                dShift,           torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

void checkArguments(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                    const torch::Tensor& scale, const torch::Tensor& shift)
{
    const std::string where = "groupNormSiLU: ";
    if (x.dim() < 2 || groups <= 0 || x.size(1) % groups != 0) {
        throw Error(ErrorKind::Usage,
                    where + "x must be [N, C, ...] with C a multiple of " + std::to_string(groups) +
                        " groups",
                    ErrorCode::ShapeMismatch);
    }
    if (weight.numel() != x.size(1)) {
        throw Error(ErrorKind::Usage, where + "weight must have one value per channel",
                    ErrorCode::ShapeMismatch);
    }
    for (const torch::Tensor* m : {&scale, &shift}) {
        if (m->defined() && (m->numel() != x.size(0) * x.size(1))) {
            throw Error(ErrorKind::Usage, where + "scale and shift must be [N, C]",
                        ErrorCode::ShapeMismatch);
        }
    }
    if (scale.defined() != shift.defined()) {
        throw Error(ErrorKind::Usage, where + "give both scale and shift, or neither",
                    ErrorCode::InvalidValue);
    }
}

} // namespace

torch::Tensor modulatedSiLU(const torch::Tensor& h, const torch::Tensor& scale,
                            const torch::Tensor& shift)
{
    if (!scale.defined()) {
        return torch::silu(h);
    }
    std::vector<int64_t> shape(static_cast<size_t>(h.dim()), 1);
    shape[0] = h.size(0);
    shape[1] = h.size(1);
    return torch::silu(h * (1 + scale.reshape(shape)) + shift.reshape(shape));
}

namespace {

/// The composition, arguments already checked.
torch::Tensor composition(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                          const torch::Tensor& bias, const torch::Tensor& scale,
                          const torch::Tensor& shift, double eps, c10::ScalarType outType)
{
    // Group norm in float32 (or double), as autocast runs it.
    const torch::Tensor h = torch::group_norm(
        x.scalar_type() == torch::kBFloat16 ? x.to(torch::kFloat) : x, groups, weight, bias, eps);
    return modulatedSiLU(h, scale, shift).to(outType);
}

} // namespace

torch::Tensor groupNormSiLUReference(const torch::Tensor& x, int64_t groups,
                                     const torch::Tensor& weight, const torch::Tensor& bias,
                                     const torch::Tensor& scale, const torch::Tensor& shift,
                                     double eps, c10::ScalarType outType)
{
    checkArguments(x, groups, weight, scale, shift);
    return composition(x, groups, weight, bias, scale, shift, eps, outType);
}

torch::Tensor groupNormSiLU(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                            const torch::Tensor& bias, const torch::Tensor& scale,
                            const torch::Tensor& shift, double eps, c10::ScalarType outType)
{
    checkArguments(x, groups, weight, scale, shift);
    const bool supported = [&] {
        for (const auto t : {x.scalar_type(), outType}) {
            if (t != torch::kFloat && t != torch::kBFloat16) {
                return false;
            }
        }
        return true;
    }();
    if (!x.device().is_cpu() || !supported || x.numel() == 0) {
        return composition(x, groups, weight, bias, scale, shift, eps, outType);
    }
    const torch::Tensor none = torch::empty({0}, weight.options().requires_grad(false));
    return GroupNormSiLUFunction::apply(x, weight, bias, scale.defined() ? scale : none,
                                        shift.defined() ? shift : none, groups, eps, outType);
}

} // namespace vd::detail

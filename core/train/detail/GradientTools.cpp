// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/detail/GradientTools.h"

namespace vd::detail {

namespace {

/// Norm per output unit, broadcastable against the tensor.
torch::Tensor unitNorm(const torch::Tensor& t)
{
    if (t.dim() <= 1) {
        return t.norm();
    }
    std::vector<int64_t> dims;
    for (int64_t d = 1; d < t.dim(); ++d) {
        dims.push_back(d);
    }
    return t.norm(2, dims, /*keepdim=*/true);
}

} // namespace

double globalGradNorm(const std::vector<torch::Tensor>& parameters)
{
    std::vector<torch::Tensor> norms;
    for (const auto& p : parameters) {
        if (p.grad().defined()) {
            norms.push_back(p.grad().detach().to(torch::kFloat).norm());
        }
    }
    if (norms.empty()) {
        return 0.0;
    }
    return torch::stack(norms).norm().item<double>();
}

void clipGradNorm(const std::vector<torch::Tensor>& parameters, double norm, double maxNorm)
{
    if (!(norm > maxNorm)) {
        return;
    }
    const double scale = maxNorm / (norm + 1e-6);
    torch::NoGradGuard noGrad;
    for (const auto& p : parameters) {
        if (p.grad().defined()) {
            p.grad().mul_(scale);
        }
    }
}

void clipGradAdaptive(const std::vector<torch::Tensor>& parameters, double clipping, double eps)
{
    torch::NoGradGuard noGrad;
    for (const auto& p : parameters) {
        if (!p.grad().defined()) {
            continue;
        }
        torch::Tensor g = p.grad();
        const torch::Tensor maxNorm = unitNorm(p.detach()).clamp_min(eps) * clipping;
        const torch::Tensor gradNorm = unitNorm(g).clamp_min(1e-6);
        // Scale only the units over their limit.
        g.mul_(torch::where(gradNorm > maxNorm, maxNorm / gradNorm, torch::ones_like(gradNorm)));
    }
}

void zeroGradients(const std::vector<torch::Tensor>& parameters)
{
    torch::NoGradGuard noGrad;
    for (const auto& p : parameters) {
        if (p.grad().defined()) {
            p.grad().zero_();
        }
    }
}

} // namespace vd::detail

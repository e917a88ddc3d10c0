// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/detail/Muon.h"

#include "train/detail/OptimizerState.h"

#include <algorithm>
#include <cmath>

namespace vd::detail {

namespace {

constexpr double kMomentum = 0.95;
constexpr double kRmsScale = 0.2;

/// Whether `name` has `part` as one of its dot-separated components' prefix ("conv_in" matches
/// "conv_in.weight" and "encoder.conv_in.weight", not "down.conv_inner.weight").
bool hasComponent(const std::string& name, const std::string& part)
{
    for (size_t at = name.find(part); at != std::string::npos; at = name.find(part, at + 1)) {
        const bool starts = at == 0 || name[at - 1] == '.';
        const size_t end = at + part.size();
        if (starts && (end == name.size() || name[end] == '.')) {
            return true;
        }
    }
    return false;
}

} // namespace

torch::Tensor orthogonalize(const torch::Tensor& g, int iterations)
{
    // The coefficients maximise the slope at zero while keeping every singular value in about
    // [0.7, 1.2] after five steps (Jordan et al. 2024).
    constexpr double a = 3.4445;
    constexpr double b = -4.7750;
    constexpr double c = 2.0315;
    torch::Tensor x = g.to(torch::kFloat);
    const bool tall = x.size(0) > x.size(1);
    if (tall) { // iterate on the smaller Gram matrix
        x = x.t();
    }
    x = x / (x.norm() + 1e-7); // spectral norm <= Frobenius norm <= 1
    for (int i = 0; i < iterations; ++i) {
        const torch::Tensor gram = x.mm(x.t());
        const torch::Tensor poly = torch::addmm(gram, gram, gram, /*beta=*/b, /*alpha=*/c);
        x = torch::addmm(x, poly, x, /*beta=*/a, /*alpha=*/1.0); // a X + (b A + c A^2) X
    }
    return tall ? x.t() : x;
}

bool takesMuon(const std::string& name, const torch::Tensor& param)
{
    return param.dim() >= 2 && name.find("embed") == std::string::npos &&
           !hasComponent(name, "conv_in") && !hasComponent(name, "conv_out");
}

std::vector<torch::Tensor> muonParameters(const torch::nn::Module& model)
{
    std::vector<torch::Tensor> out;
    for (const auto& item : model.named_parameters()) {
        if (item.value().requires_grad() && takesMuon(item.key(), item.value())) {
            out.push_back(item.value());
        }
    }
    return out;
}

void muonStep(torch::optim::AdamW& optimizer, const std::vector<torch::Tensor>& params, double lr,
              double weightDecay)
{
    torch::NoGradGuard noGrad;
    for (torch::Tensor p : params) {
        if (!p.grad().defined()) {
            continue;
        }
        auto& state = adamWState(optimizer, p);
        state.step(state.step() + 1);
        torch::Tensor momentum = state.exp_avg();
        const torch::Tensor g = p.grad();
        momentum.mul_(kMomentum).add_(g);
        const torch::Tensor nesterov = g.add(momentum, kMomentum);
        const int64_t rows = p.size(0);
        const int64_t cols = p.numel() / rows;
        const torch::Tensor update = orthogonalize(nesterov.reshape({rows, cols}));
        const double scale = kRmsScale * std::sqrt(static_cast<double>(std::max(rows, cols)));
        p.mul_(1.0 - lr * weightDecay);
        p.add_(update.view(p.sizes()).to(p.scalar_type()), -lr * scale);
        p.mutable_grad() = torch::Tensor();
    }
}

} // namespace vd::detail

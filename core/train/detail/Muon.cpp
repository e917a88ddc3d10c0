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
    const int64_t m = x.size(0);
    const int64_t n = x.size(1);
    if (iterations > 0 && gramIterationIsCheaper(m, n)) {
        // Each step is X <- p(A) X with A = X X^T and p(A) = a I + b A + c A^2. Polynomials of
        // A commute, so the next Gram matrix is A p(A)^2 and the result is the product of the
        // p(A)s times the input: the same iteration, in m x m products except two m x n ones.
        torch::Tensor gram = x.mm(x.t());
        torch::Tensor product;
        for (int i = 0; i < iterations; ++i) {
            torch::Tensor p = torch::addmm(gram, gram, gram, /*beta=*/b, /*alpha=*/c);
            p.diagonal().add_(a);
            product = i == 0 ? p : p.mm(product);
            if (i + 1 < iterations) {
                gram = gram.mm(p.mm(p));
            }
        }
        x = product.mm(x);
    } else {
        for (int i = 0; i < iterations; ++i) {
            const torch::Tensor gram = x.mm(x.t());
            const torch::Tensor poly = torch::addmm(gram, gram, gram, /*beta=*/b, /*alpha=*/c);
            x = torch::addmm(x, poly, x, /*beta=*/a, /*alpha=*/1.0); // a X + (b A + c A^2) X
        }
    }
    return tall ? x.t() : x;
}

namespace {

// Multiply-adds of five iterations on an m x n matrix (m <= n) in each form: the plain one
// 2 m^2 n + m^3 per iteration; the Gram one two m x n products and 17 m x m ones (four per
// iteration; the first has no product to extend, the last no next Gram matrix).
struct FormCosts {
    double plain;
    double gram;
};

FormCosts formCosts(int64_t rows, int64_t cols)
{
    const double m = static_cast<double>(std::min(rows, cols));
    const double n = static_cast<double>(std::max(rows, cols));
    return {5.0 * (2.0 * m * m * n + m * m * m), 2.0 * m * m * n + 17.0 * m * m * m};
}

} // namespace

bool gramIterationIsCheaper(int64_t rows, int64_t cols)
{
    const FormCosts c = formCosts(rows, cols);
    return c.gram < c.plain;
}

double orthogonalizeCost(int64_t rows, int64_t cols)
{
    const FormCosts c = formCosts(rows, cols);
    return std::min(c.plain, c.gram);
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

std::vector<int> muonOwners(const std::vector<torch::Tensor>& params, int worldSize)
{
    std::vector<int> owner(params.size(), 0);
    if (worldSize <= 1) {
        return owner;
    }
    std::vector<double> cost(params.size());
    std::vector<size_t> order(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
        const int64_t rows = params[i].size(0);
        cost[i] = orthogonalizeCost(rows, params[i].numel() / rows);
        order[i] = i;
    }
    // Largest first, each to the least loaded rank: within one matrix of an even split.
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return cost[a] > cost[b]; });
    std::vector<double> load(static_cast<size_t>(worldSize), 0.0);
    for (size_t i : order) {
        const auto least = std::min_element(load.begin(), load.end()) - load.begin();
        owner[i] = static_cast<int>(least);
        load[static_cast<size_t>(least)] += cost[i];
    }
    return owner;
}

void muonStep(torch::optim::AdamW& optimizer, const std::vector<torch::Tensor>& params, double lr,
              double weightDecay, const MuonShare& share)
{
    torch::NoGradGuard noGrad;
    const std::vector<int> owner = muonOwners(params, share.worldSize);
    std::vector<torch::Tensor> stepped, updates;
    for (size_t i = 0; i < params.size(); ++i) {
        const torch::Tensor& p = params[i];
        if (!p.grad().defined()) {
            continue;
        }
        auto& state = adamWState(optimizer, p);
        state.step(state.step() + 1);
        torch::Tensor momentum = state.exp_avg();
        const torch::Tensor g = p.grad();
        momentum.mul_(kMomentum).add_(g);
        const int64_t rows = p.size(0);
        const int64_t cols = p.numel() / rows;
        stepped.push_back(p);
        if (owner[i] == share.rank) {
            const torch::Tensor nesterov = g.add(momentum, kMomentum);
            updates.push_back(orthogonalize(nesterov.reshape({rows, cols})));
        } else {
            updates.push_back(torch::zeros({rows, cols}, p.options().dtype(torch::kFloat)));
        }
    }
    if (share.worldSize > 1) {
        share.sum(updates);
    }
    for (size_t i = 0; i < stepped.size(); ++i) {
        torch::Tensor p = stepped[i];
        const int64_t rows = p.size(0);
        const int64_t cols = p.numel() / rows;
        const double scale = kRmsScale * std::sqrt(static_cast<double>(std::max(rows, cols)));
        p.mul_(1.0 - lr * weightDecay);
        p.add_(updates[i].view(p.sizes()).to(p.scalar_type()), -lr * scale);
        p.mutable_grad() = torch::Tensor();
    }
}

} // namespace vd::detail

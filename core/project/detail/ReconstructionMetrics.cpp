// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/ReconstructionMetrics.h"

#include <algorithm>
#include <cmath>

namespace vd {

namespace {

/// [B,3,T,H,W] or [3,T,H,W] in [-1,1] -> [N,1,H,W] images in [0,1], one per channel and frame.
torch::Tensor asImages(const torch::Tensor& v)
{
    torch::Tensor x = v.dim() == 4 ? v.unsqueeze(0) : v;
    x = (x.to(torch::kFloat).to(torch::kCPU) + 1.0) * 0.5;
    return x.permute({0, 2, 1, 3, 4}).reshape({-1, 1, x.size(3), x.size(4)});
}

} // namespace

double psnrDb(const torch::Tensor& a, const torch::Tensor& b)
{
    const double mse = (a.to(torch::kFloat) - b.to(torch::kFloat)).pow(2).mean().item<double>();
    return 10.0 * std::log10(4.0 / std::max(mse, 1e-12));
}

double ssim(const torch::Tensor& a, const torch::Tensor& b)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = asImages(a);
    const torch::Tensor y = asImages(b);
    const int64_t size = std::min<int64_t>({11, x.size(2), x.size(3)});
    const torch::Tensor g1 = torch::exp(
        -(torch::arange(size, torch::kFloat) - (size - 1) / 2.0).pow(2) / (2 * 1.5 * 1.5));
    torch::Tensor window = torch::outer(g1, g1);
    window = (window / window.sum()).view({1, 1, size, size});
    auto blur = [&](const torch::Tensor& t) { return torch::conv2d(t, window); };
    const double c1 = 0.01 * 0.01;
    const double c2 = 0.03 * 0.03;
    const torch::Tensor mx = blur(x);
    const torch::Tensor my = blur(y);
    const torch::Tensor sxx = blur(x * x) - mx * mx;
    const torch::Tensor syy = blur(y * y) - my * my;
    const torch::Tensor sxy = blur(x * y) - mx * my;
    const torch::Tensor map =
        ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2));
    return map.mean().item<double>();
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/detail/Prediction.h"

#include <algorithm>
#include <cmath>

namespace vd::detail {

X0Eps splitPrediction(const torch::Tensor& output, const torch::Tensor& x, double alphaBar,
                      Objective objective)
{
    const double a = std::sqrt(alphaBar), s = std::sqrt(1.0 - alphaBar);
    if (objective == Objective::V) {
        // v = a eps - s x0, x = a x0 + s eps  =>  x0 = a x - s v, eps = s x + a v
        return {a * x - s * output, s * x + a * output};
    }
    return {(x - s * output) / a, output};
}

std::vector<int64_t> spacedTimesteps(int64_t timesteps, int steps)
{
    const int64_t n = std::clamp<int64_t>(steps, 1, timesteps);
    std::vector<int64_t> out;
    out.reserve(size_t(n));
    for (int64_t i = 0; i < n; ++i) {
        const double t = double(timesteps) - double(i) * double(timesteps) / double(n);
        out.push_back(std::max<int64_t>(0, int64_t(std::llround(t)) - 1));
    }
    return out;
}

std::vector<double> flowTimes(int steps, double shift)
{
    std::vector<double> out;
    for (int i = 0; i <= steps; ++i) {
        const double t = 1.0 - double(i) / double(steps);
        out.push_back(shift * t / (1.0 + (shift - 1.0) * t));
    }
    return out;
}

torch::Tensor fullTime(double value, int64_t batch, const torch::Tensor& like)
{
    return torch::full({batch}, value, like.options().dtype(torch::kFloat32));
}

} // namespace vd::detail

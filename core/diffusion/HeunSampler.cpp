// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/HeunSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/detail/Prediction.h"

#include <algorithm>

namespace vd {

HeunSampler::HeunSampler(double shift) : m_shift(shift) {}

torch::Tensor HeunSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                   const SamplerOptions& options,
                                   at::Generator& /*generator*/) const
{
    torch::NoGradGuard noGrad;
    const int total = std::max(1, options.steps);
    const std::vector<double> times = detail::flowTimes(total, m_shift);
    auto velocity = [&](const torch::Tensor& at, double t) {
        return guidedOutput(model, at, detail::fullTime(t * kFlowTimeScale, at.size(0), at),
                            options.labels, options.guidanceAt(t));
    };
    for (int i = 0; i < total; ++i) {
        const double t = times[size_t(i)], next = times[size_t(i) + 1];
        const torch::Tensor v1 = velocity(x, t);
        const torch::Tensor predicted = x + (next - t) * v1;
        const torch::Tensor v2 = velocity(predicted, next);
        const torch::Tensor x0 = x - t * v1;
        x = x + (next - t) * 0.5 * (v1 + v2);
        report(options, i + 1, total, x0);
    }
    return x;
}

} // namespace vd

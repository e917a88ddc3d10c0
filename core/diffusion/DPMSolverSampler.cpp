// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DPMSolverSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/detail/Prediction.h"

#include <cmath>

namespace vd {

DPMSolverSampler::DPMSolverSampler(NoiseSchedule schedule, Objective prediction)
    : m_schedule(std::move(schedule)), m_prediction(prediction)
{
}

torch::Tensor DPMSolverSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                        const SamplerOptions& options,
                                        at::Generator& /*generator*/) const
{
    torch::NoGradGuard noGrad;
    const std::vector<int64_t> ts = detail::spacedTimesteps(m_schedule.size(), options.steps);
    const int total = static_cast<int>(ts.size());
    // lambda = log(alpha / sigma) with alpha = sqrt(abar), sigma = sqrt(1 - abar).
    auto lambda = [](double abar) { return 0.5 * std::log(abar / (1.0 - abar)); };
    torch::Tensor previousX0;
    double previousH = 0.0;
    for (int i = 0; i < total; ++i) {
        const int64_t t = ts[size_t(i)];
        const int64_t s = i + 1 < total ? ts[size_t(i) + 1] : -1;
        const double at = m_schedule.alphaBar(t), as = m_schedule.alphaBar(s);
        const torch::Tensor out = guidedOutput(model, x, detail::fullTime(double(t), x.size(0), x),
                                               options.labels, options.guidanceScale);
        const torch::Tensor x0 = detail::splitPrediction(out, x, at, m_prediction).x0;
        if (s < 0) {
            // Last step to clean data (sigma = 0, h = infinity): x = D, first order as k-diffusion.
            x = x0;
        } else {
            const double h = lambda(as) - lambda(at);
            torch::Tensor d = x0;
            if (previousX0.defined()) {
                const double r = previousH / h;
                d = (1.0 + 1.0 / (2.0 * r)) * x0 - (1.0 / (2.0 * r)) * previousX0;
            }
            const double ratio = std::sqrt((1.0 - as) / (1.0 - at));
            x = ratio * x - std::sqrt(as) * std::expm1(-h) * d;
            previousH = h;
        }
        previousX0 = x0;
        report(options, i + 1, total, x0);
    }
    return x;
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/EulerSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/Random.h"
#include "diffusion/detail/Prediction.h"

#include <algorithm>
#include <cmath>

namespace vd {

EulerSampler::EulerSampler(double shift, double eta) : m_shift(shift), m_eta(eta) {}

torch::Tensor EulerSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                    const SamplerOptions& options,
                                    at::Generator& generator) const
{
    torch::NoGradGuard noGrad;
    const int total = std::max(1, options.steps);
    const std::vector<double> times = detail::flowTimes(total, m_shift);
    for (int i = 0; i < total; ++i) {
        const double t = times[size_t(i)], next = times[size_t(i) + 1];
        const torch::Tensor v =
            guidedOutput(model, x, detail::fullTime(t * kFlowTimeScale, x.size(0), x),
                         options.labels, options.guidanceAt(t));
        const torch::Tensor x0 = x - t * v;
        if (m_eta <= 0.0 || next <= 0.0) {
            x = x + (next - t) * v; // the deterministic step: DDIM with eta 0
        } else {
            // alpha = 1 - t, sigma = t. Posterior variance of x_next given x_t and x0:
            // sigma_next^2 (1 - (alpha_t sigma_next / (alpha_next sigma_t))^2).
            const double ratio = (1.0 - t) * next / ((1.0 - next) * t);
            const double fresh = m_eta * next * std::sqrt(std::max(0.0, 1.0 - ratio * ratio));
            const double kept = std::sqrt(std::max(0.0, next * next - fresh * fresh));
            const torch::Tensor noise = x + (1.0 - t) * v; // the model's estimate of the noise
            x = (1.0 - next) * x0 + kept * noise +
                fresh * randnFrom(x.sizes(), generator, x.options());
        }
        report(options, i + 1, total, x0);
    }
    return x;
}

} // namespace vd

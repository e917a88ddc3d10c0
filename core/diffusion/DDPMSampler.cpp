// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DDPMSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/Random.h"
#include "diffusion/detail/Prediction.h"

#include <cmath>

namespace vd {

DDPMSampler::DDPMSampler(NoiseSchedule schedule, Objective prediction)
    : m_schedule(std::move(schedule)), m_prediction(prediction)
{
}

torch::Tensor DDPMSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                   const SamplerOptions& options, at::Generator& generator) const
{
    torch::NoGradGuard noGrad;
    const std::vector<int64_t> ts = detail::spacedTimesteps(m_schedule.size(), options.steps);
    const int total = static_cast<int>(ts.size());
    for (int i = 0; i < total; ++i) {
        const int64_t t = ts[size_t(i)];
        const int64_t s = i + 1 < total ? ts[size_t(i) + 1] : -1;
        const double at = m_schedule.alphaBar(t), as = m_schedule.alphaBar(s);
        const torch::Tensor out = guidedOutput(model, x, detail::fullTime(double(t), x.size(0), x),
                                               options.labels, options.guidanceScale);
        const detail::X0Eps p = detail::splitPrediction(out, x, at, m_prediction);
        // Posterior of the (respaced) step t -> s: alpha = abar_t / abar_s.
        const double alpha = at / as, beta = 1.0 - alpha;
        const double c0 = std::sqrt(as) * beta / (1.0 - at);
        const double ct = std::sqrt(alpha) * (1.0 - as) / (1.0 - at);
        const double var = beta * (1.0 - as) / (1.0 - at);
        x = c0 * p.x0 + ct * x;
        if (s >= 0 && var > 0.0) {
            x = x + std::sqrt(var) * randnFrom(x.sizes(), generator, x.options());
        }
        report(options, i + 1, total, p.x0);
    }
    return x;
}

} // namespace vd

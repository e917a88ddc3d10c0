// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DDIMSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/Random.h"
#include "diffusion/detail/Prediction.h"

#include <algorithm>
#include <cmath>

namespace vd {

DDIMSampler::DDIMSampler(NoiseSchedule schedule, Objective prediction, double eta)
    : m_schedule(std::move(schedule)), m_prediction(prediction), m_eta(eta)
{
}

torch::Tensor DDIMSampler::denoise(const DenoiseFn& model, torch::Tensor x,
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
        const double sigma = m_eta * std::sqrt((1.0 - as) / (1.0 - at)) * std::sqrt(1.0 - at / as);
        const double dirCoef = std::sqrt(std::max(0.0, 1.0 - as - sigma * sigma));
        x = std::sqrt(as) * p.x0 + dirCoef * p.eps;
        if (sigma > 0.0) {
            x = x + sigma * randnFrom(x.sizes(), generator, x.options());
        }
        report(options, i + 1, total, p.x0);
    }
    return x;
}

} // namespace vd

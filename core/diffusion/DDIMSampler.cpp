// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DDIMSampler.h"

#include "diffusion/Random.h"
#include "diffusion/detail/DiscreteSteps.h"

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
    return detail::runDiscreteSteps(
        model, std::move(x), options, m_schedule, m_prediction,
        [&](const detail::DiscreteStep& st, const torch::Tensor& /*xt*/) {
            const double at = st.alphaBarT, as = st.alphaBarS;
            const double sigma =
                m_eta * std::sqrt((1.0 - as) / (1.0 - at)) * std::sqrt(1.0 - at / as);
            const double dirCoef = std::sqrt(std::max(0.0, 1.0 - as - sigma * sigma));
            torch::Tensor next = std::sqrt(as) * st.prediction.x0 + dirCoef * st.prediction.eps;
            if (sigma > 0.0) {
                next = next + sigma * randnFrom(next.sizes(), generator, next.options());
            }
            return next;
        });
}

} // namespace vd

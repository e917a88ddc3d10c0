// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DDPMSampler.h"

#include "diffusion/Random.h"
#include "diffusion/detail/DiscreteSteps.h"

#include <cmath>

namespace vd {

DDPMSampler::DDPMSampler(NoiseSchedule schedule, Objective prediction)
    : m_schedule(std::move(schedule)), m_prediction(prediction)
{
}

torch::Tensor DDPMSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                   const SamplerOptions& options, at::Generator& generator) const
{
    return detail::runDiscreteSteps(
        model, std::move(x), options, m_schedule, m_prediction,
        [&](const detail::DiscreteStep& st, const torch::Tensor& xt) {
            const double at = st.alphaBarT, as = st.alphaBarS;
            // Posterior of the (respaced) step t -> s: alpha = abar_t / abar_s.
            const double alpha = at / as, beta = 1.0 - alpha;
            const double c0 = std::sqrt(as) * beta / (1.0 - at);
            const double ct = std::sqrt(alpha) * (1.0 - as) / (1.0 - at);
            const double var = beta * (1.0 - as) / (1.0 - at);
            torch::Tensor next = c0 * st.prediction.x0 + ct * xt;
            if (st.s >= 0 && var > 0.0) {
                next = next + std::sqrt(var) * randnFrom(next.sizes(), generator, next.options());
            }
            return next;
        });
}

} // namespace vd

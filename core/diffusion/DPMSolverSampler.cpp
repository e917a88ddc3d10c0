// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DPMSolverSampler.h"

#include "diffusion/detail/DiscreteSteps.h"

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
    // lambda = log(alpha / sigma) with alpha = sqrt(abar), sigma = sqrt(1 - abar).
    auto lambda = [](double abar) { return 0.5 * std::log(abar / (1.0 - abar)); };
    torch::Tensor previousX0;
    double previousH = 0.0;
    return detail::runDiscreteSteps(model, std::move(x), options, m_schedule, m_prediction,
                                    [&](const detail::DiscreteStep& st, const torch::Tensor& xt) {
                                        const torch::Tensor& x0 = st.prediction.x0;
                                        torch::Tensor next;
                                        if (st.s < 0) {
                                            // Last step to clean data (sigma = 0, h = infinity): x
                                            // = D, first order as k-diffusion.
                                            next = x0;
                                        } else {
                                            const double at = st.alphaBarT, as = st.alphaBarS;
                                            const double h = lambda(as) - lambda(at);
                                            torch::Tensor d = x0;
                                            if (previousX0.defined()) {
                                                const double r = previousH / h;
                                                d = (1.0 + 1.0 / (2.0 * r)) * x0 -
                                                    (1.0 / (2.0 * r)) * previousX0;
                                            }
                                            const double ratio = std::sqrt((1.0 - as) / (1.0 - at));
                                            next = ratio * xt - std::sqrt(as) * std::expm1(-h) * d;
                                            previousH = h;
                                        }
                                        previousX0 = x0;
                                        return next;
                                    });
}

} // namespace vd

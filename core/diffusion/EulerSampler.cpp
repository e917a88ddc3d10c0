// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/EulerSampler.h"

#include "diffusion/Guidance.h"
#include "diffusion/detail/Prediction.h"

#include <algorithm>

namespace vd {

EulerSampler::EulerSampler(double shift) : m_shift(shift) {}

torch::Tensor EulerSampler::denoise(const DenoiseFn& model, torch::Tensor x,
                                    const SamplerOptions& options,
                                    at::Generator& /*generator*/) const
{
    torch::NoGradGuard noGrad;
    const int total = std::max(1, options.steps);
    const std::vector<double> times = detail::flowTimes(total, m_shift);
    for (int i = 0; i < total; ++i) {
        const double t = times[size_t(i)], next = times[size_t(i) + 1];
        const torch::Tensor v =
            guidedOutput(model, x, detail::fullTime(t * kFlowTimeScale, x.size(0), x),
                         options.labels, options.guidanceScale);
        const torch::Tensor x0 = x - t * v;
        x = x + (next - t) * v;
        report(options, i + 1, total, x0);
    }
    return x;
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/detail/DiscreteSteps.h"

#include "diffusion/Guidance.h"

namespace vd::detail {

torch::Tensor runDiscreteSteps(
    const DenoiseFn& model, torch::Tensor x, const SamplerOptions& options,
    const NoiseSchedule& schedule, Objective prediction,
    const std::function<torch::Tensor(const DiscreteStep&, const torch::Tensor&)>& update)
{
    torch::NoGradGuard noGrad;
    const std::vector<int64_t> ts = spacedTimesteps(schedule.size(), options.steps);
    DiscreteStep step;
    step.total = static_cast<int>(ts.size());
    for (int i = 0; i < step.total; ++i) {
        step.index = i;
        step.t = ts[size_t(i)];
        step.s = i + 1 < step.total ? ts[size_t(i) + 1] : -1;
        step.alphaBarT = schedule.alphaBar(step.t);
        step.alphaBarS = schedule.alphaBar(step.s);
        const torch::Tensor out =
            guidedOutput(model, x, fullTime(double(step.t), x.size(0), x), options.labels,
                         options.guidanceAt(double(step.t) / schedule.size()));
        step.prediction = splitPrediction(out, x, step.alphaBarT, prediction);
        x = update(step, x);
        Sampler::report(options, i + 1, step.total, step.prediction.x0);
    }
    return x;
}

} // namespace vd::detail

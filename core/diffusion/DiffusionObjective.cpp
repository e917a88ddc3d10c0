// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/DiffusionObjective.h"

#include "diffusion/Random.h"
#include "diffusion/SelfConditioning.h"

#include <ATen/autocast_mode.h>

namespace vd {

DiffusionObjective::DiffusionObjective(const DiffusionConfig& config)
    : m_config(config), m_schedule(config.schedule, config.timesteps)
{
    validate(config);
}

torch::Tensor DiffusionObjective::sampleModelTime(int64_t batch, at::Generator& generator,
                                                  const torch::TensorOptions& options) const
{
    const auto cpuFloat = torch::TensorOptions().dtype(torch::kFloat32);
    torch::Tensor t;
    if (m_config.objective == Objective::Flow) {
        const torch::Tensor n = torch::randn({batch}, generator, cpuFloat);
        t = torch::sigmoid(m_config.logitNormalMean + m_config.logitNormalStd * n) * kFlowTimeScale;
    } else {
        t = torch::randint(0, m_schedule.size(), {batch}, generator,
                           torch::TensorOptions().dtype(torch::kLong))
                .to(torch::kFloat32);
    }
    return t.to(options.device());
}

NoisedBatch DiffusionObjective::noised(const torch::Tensor& x0, const torch::Tensor& noise,
                                       const torch::Tensor& modelTime) const
{
    std::vector<int64_t> shape(static_cast<size_t>(x0.dim()), 1);
    shape[0] = x0.size(0);
    NoisedBatch b;
    b.modelTime = modelTime;
    if (m_config.objective == Objective::Flow) {
        const torch::Tensor t = (modelTime / kFlowTimeScale).to(x0.options()).view(shape);
        b.xt = (1.0 - t) * x0 + t * noise;
        b.target = noise - x0;
        b.weight = torch::ones({x0.size(0)}, x0.options());
        return b;
    }
    const torch::Tensor abar = m_schedule.alphaBarAt(modelTime.round().to(torch::kLong));
    const torch::Tensor a = abar.to(x0.options()).view(shape);
    b.xt = torch::sqrt(a) * x0 + torch::sqrt(1.0 - a) * noise;
    b.target = m_config.objective == Objective::Epsilon
                   ? noise
                   : torch::sqrt(a) * noise - torch::sqrt(1.0 - a) * x0;
    const torch::Tensor snr = (abar / (1.0 - abar)).to(x0.options());
    if (m_config.minSnrGamma > 0.0) {
        const torch::Tensor clipped = torch::clamp_max(snr, m_config.minSnrGamma);
        b.weight = m_config.objective == Objective::Epsilon ? clipped / snr : clipped / (snr + 1.0);
    } else {
        b.weight = torch::ones_like(snr);
    }
    return b;
}

DiffusionLoss DiffusionObjective::loss(const DenoiseFn& model, const torch::Tensor& x0,
                                       const torch::Tensor& labels, at::Generator& generator) const
{
    const torch::Tensor modelTime = sampleModelTime(x0.size(0), generator, x0.options());
    const torch::Tensor noise = randnFrom(x0.sizes(), generator, x0.options());
    const NoisedBatch b = noised(x0, noise, modelTime);
    const torch::Tensor out = model(b.xt, b.modelTime, labels);
    const torch::Tensor error = out.to(torch::kFloat32) - b.target.to(torch::kFloat32);
    const torch::Tensor perSample = error.pow(2).flatten(1).mean(1);
    torch::Tensor weighted = perSample;
    if (m_config.frameDeviationWeight > 0.0 && error.dim() == 5 && error.size(2) > 1) {
        // [B,C,T,H,W]: the error's share that is not common to all frames of a clip.
        const torch::Tensor deviation = error - error.mean(2, /*keepdim=*/true);
        weighted = perSample + m_config.frameDeviationWeight * deviation.pow(2).flatten(1).mean(1);
    }
    if (m_config.spatialDetailWeight > 0.0 && error.dim() == 5) {
        // [B,C,T,H,W]: each frame's error minus its 3x3 local mean (the border averages what
        // it has), so a corner drawn round costs more than the same error spread flat.
        const torch::Tensor local = torch::avg_pool3d(error, {1, 3, 3}, {1, 1, 1}, {0, 1, 1},
                                                      /*ceil_mode=*/false,
                                                      /*count_include_pad=*/false);
        weighted =
            weighted + m_config.spatialDetailWeight * (error - local).pow(2).flatten(1).mean(1);
    }
    DiffusionLoss r;
    r.loss = (b.weight.to(torch::kFloat32) * weighted).mean();
    r.perSample = perSample.detach();
    r.timesteps = modelTime;
    return r;
}

DiffusionLoss DiffusionObjective::loss(Denoiser& model, const torch::Tensor& x0,
                                       const torch::Tensor& labels, at::Generator& generator,
                                       int64_t firstFrame) const
{
    const torch::Tensor dropped = model->dropLabels(labels, generator);
    if (!model->config().selfCondition) {
        const DenoiseFn fn = [&model, firstFrame](const torch::Tensor& x, const torch::Tensor& t,
                                                  const torch::Tensor& y) {
            return model->forward(x, t, y, firstFrame);
        };
        return loss(fn, x0, dropped, generator);
    }
    checkSelfCondition(model->config(), m_config, "diffusion");
    // Self-conditioning: on half the batches (drawn before the noise, so the other half's draws
    // are the plain objective's) the model first estimates x0 without gradient, and the trained
    // pass sees that estimate; on the other half it sees zeros, as the first sampling step does.
    const auto cpuFloat = torch::TensorOptions().dtype(torch::kFloat32);
    const bool estimate = torch::rand({1}, generator, cpuFloat).item<float>() < 0.5f;
    const DenoiseFn fn = [&model, firstFrame, estimate](const torch::Tensor& x,
                                                        const torch::Tensor& t,
                                                        const torch::Tensor& y) {
        torch::Tensor selfCond;
        if (estimate) {
            {
                torch::NoGradGuard noGrad;
                selfCond = flowCleanEstimate(x, t, model->forward(x, t, y, firstFrame));
            }
            // Under autocast the pass above cached its bf16 casts of the weights, made without
            // gradient; the trained pass would reuse them and the convolutions' weights would
            // get no gradient (training MSE 0.41 against 0.25 before this line).
            at::autocast::clear_cache();
        }
        return model->forward(x, t, y, firstFrame, selfCond);
    };
    return loss(fn, x0, dropped, generator);
}

} // namespace vd

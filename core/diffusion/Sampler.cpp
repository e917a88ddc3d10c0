// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/Sampler.h"

#include "diffusion/DDIMSampler.h"
#include "diffusion/DDPMSampler.h"
#include "diffusion/DPMSolverSampler.h"
#include "diffusion/EulerSampler.h"
#include "diffusion/HeunSampler.h"
#include "diffusion/NoiseSchedule.h"
#include "diffusion/Random.h"
#include "util/Error.h"

namespace vd {

torch::Tensor Sampler::sample(const DenoiseFn& model, at::IntArrayRef shape,
                              const SamplerOptions& options, at::Generator& generator,
                              const torch::TensorOptions& tensorOptions) const
{
    return denoise(model, randnFrom(shape, generator, tensorOptions), options, generator);
}

void Sampler::report(const SamplerOptions& options, int step, int total, const torch::Tensor& x0)
{
    if (options.onPreview) {
        options.onPreview(step, x0);
    }
    if (options.onProgress) {
        options.onProgress(step, total);
    }
}

std::unique_ptr<Sampler> makeSampler(const SamplingConfig& sampling,
                                     const DiffusionConfig& diffusion)
{
    validate(sampling);
    const bool flow = diffusion.objective == Objective::Flow;
    std::string name = sampling.sampler;
    if (name == "auto") {
        name = flow ? "euler" : "dpmpp_2m";
    }
    const bool flowSampler = name == "euler" || name == "heun";
    if (flow != flowSampler) {
        throw Error(ErrorKind::Config,
                    "sampling.sampler: '" + name + "' does not fit the '" +
                        objectiveName(diffusion.objective) + "' objective (" +
                        (flow ? "use euler or heun" : "use ddpm, ddim or dpmpp_2m") + ")",
                    ErrorCode::InvalidValue);
    }
    if (flow) {
        if (name == "euler") {
            return std::make_unique<EulerSampler>(sampling.flowShift, sampling.eta);
        }
        return std::make_unique<HeunSampler>(sampling.flowShift);
    }
    const NoiseSchedule schedule(diffusion.schedule, diffusion.timesteps);
    if (name == "ddpm") {
        return std::make_unique<DDPMSampler>(schedule, diffusion.objective);
    }
    if (name == "ddim") {
        return std::make_unique<DDIMSampler>(schedule, diffusion.objective, sampling.eta);
    }
    return std::make_unique<DPMSolverSampler>(schedule, diffusion.objective);
}

} // namespace vd

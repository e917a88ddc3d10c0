// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/NoiseSchedule.h"
#include "diffusion/Sampler.h"

namespace vd {

/// DDIM (Song et al. 2021, eq. 12): eta = 0 is the deterministic ODE-like sampler, eta = 1
/// matches DDPM's posterior variance.
class DDIMSampler final : public Sampler {
public:
    DDIMSampler(NoiseSchedule schedule, Objective prediction, double eta = 0.0);

    const char* name() const override { return "ddim"; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    NoiseSchedule m_schedule;
    Objective m_prediction;
    double m_eta;
};

} // namespace vd

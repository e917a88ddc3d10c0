// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/NoiseSchedule.h"
#include "diffusion/Sampler.h"

namespace vd {

/// Ancestral sampling with the DDPM posterior q(x_s | x_t, x0_hat) (Ho et al. 2020, eq. 6-7),
/// on a respaced subsequence of timesteps when steps < T (Nichol & Dhariwal 2021 §4).
/// Stochastic; needs many steps (hundreds) to be accurate.
class DDPMSampler final : public Sampler {
public:
    DDPMSampler(NoiseSchedule schedule, Objective prediction);

    const char* name() const override { return "ddpm"; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    NoiseSchedule m_schedule;
    Objective m_prediction;
};

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/NoiseSchedule.h"
#include "diffusion/Sampler.h"

namespace vd {

/// DPM-Solver++(2M): multistep second-order solver of the diffusion ODE in data-prediction
/// form (Lu et al. 2022, "DPM-Solver++", Algorithm 2), the "dpmpp_2m" of k-diffusion.
/// Deterministic; good samples in 15-30 steps.
class DPMSolverSampler final : public Sampler {
public:
    DPMSolverSampler(NoiseSchedule schedule, Objective prediction);

    const char* name() const override { return "dpmpp_2m"; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    NoiseSchedule m_schedule;
    Objective m_prediction;
};

} // namespace vd

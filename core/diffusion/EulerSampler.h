// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/Sampler.h"

namespace vd {

/// Euler integration of the rectified-flow ODE dx/dt = v(x, t) from t = 1 (noise) to t = 0
/// (Liu et al. 2022; Lipman et al. 2023), on a uniform time grid with an optional SD3 shift.
/// With eta > 0 each step is the DDIM step of the same path (x_t = (1-t) x0 + t noise) with
/// that share of the DDPM posterior's fresh noise (eta 1: ancestral sampling): the noise
/// corrects what a not yet converged model's own predictions would otherwise carry along.
class EulerSampler final : public Sampler {
public:
    explicit EulerSampler(double shift = 1.0, double eta = 0.0);

    const char* name() const override { return "euler"; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    double m_shift;
    double m_eta;
};

} // namespace vd

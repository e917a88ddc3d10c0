// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/Sampler.h"

namespace vd {

/// Euler integration of the rectified-flow ODE dx/dt = v(x, t) from t = 1 (noise) to t = 0
/// (Liu et al. 2022; Lipman et al. 2023), on a uniform time grid with an optional SD3 shift.
class EulerSampler final : public Sampler {
public:
    explicit EulerSampler(double shift = 1.0);

    const char* name() const override { return "euler"; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    double m_shift;
};

} // namespace vd

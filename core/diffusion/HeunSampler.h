// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/Sampler.h"

namespace vd {

/// Heun's second-order method (trapezoidal predictor-corrector, Karras et al. 2022, Algorithm 1)
/// for the rectified-flow ODE from t = 1 to t = 0; two model calls per step.
class HeunSampler final : public Sampler {
public:
    explicit HeunSampler(double shift = 1.0);

    const char* name() const override { return "heun"; }
    int modelCalls(int steps) const override { return 2 * steps; }
    torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT, const SamplerOptions& options,
                          at::Generator& generator) const override;

private:
    double m_shift;
};

} // namespace vd

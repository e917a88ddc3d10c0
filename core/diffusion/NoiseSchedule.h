// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionConfig.h"

#include <torch/torch.h>

#include <vector>

namespace vd {

/// Discrete variance-preserving noise schedule of the DDPM family (Ho et al. 2020):
/// q(x_t | x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I) for t = 0..T-1. Computed in double,
/// handed out as float tensors. abar(-1) = 1 stands for "clean data" (the sampler's last target).
/// Immutable after construction; safe to share between threads.
class NoiseSchedule {
public:
    explicit NoiseSchedule(ScheduleKind kind = ScheduleKind::Cosine, int64_t timesteps = 1000);

    /// Linear betas (Ho et al. 2020), scaled by 1000/T as in Nichol & Dhariwal 2021.
    static std::vector<double> linearBetas(int64_t timesteps);
    /// Betas of abar(t) = cos^2(((t/T + s) / (1 + s)) * pi/2), clipped at 0.999
    /// (Nichol & Dhariwal 2021, eq. 17).
    static std::vector<double> cosineBetas(int64_t timesteps, double s = 0.008);

    ScheduleKind kind() const { return m_kind; }
    int64_t size() const { return static_cast<int64_t>(m_betas.size()); }
    const std::vector<double>& betas() const { return m_betas; }
    const std::vector<double>& alphasCumprod() const { return m_alphasCumprod; }
    /// abar_t; t = -1 gives 1.
    double alphaBar(int64_t t) const;
    /// Signal-to-noise ratio abar / (1 - abar).
    double snr(int64_t t) const;

    /// float32 [T] on the CPU.
    torch::Tensor betasTensor() const;
    torch::Tensor alphasCumprodTensor() const;
    /// abar at integer timesteps t (int64 [B], any device) -> float32 [B] on t's device.
    torch::Tensor alphaBarAt(const torch::Tensor& t) const;

    /// Samples q(x_t | x_0): sqrt(abar_t) x0 + sqrt(1 - abar_t) noise, per batch element.
    torch::Tensor addNoise(const torch::Tensor& x0, const torch::Tensor& noise,
                           const torch::Tensor& t) const;

private:
    ScheduleKind m_kind;
    std::vector<double> m_betas;
    std::vector<double> m_alphasCumprod;
    torch::Tensor m_alphasCumprodTensor;
};

} // namespace vd

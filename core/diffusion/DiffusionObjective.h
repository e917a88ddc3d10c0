// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"
#include "diffusion/DiffusionConfig.h"
#include "diffusion/NoiseSchedule.h"
#include "model/Denoiser.h"

#include <torch/torch.h>

namespace vd {

/// One evaluated diffusion training loss.
struct DiffusionLoss {
    torch::Tensor loss;      ///< scalar: mean over the batch of weight * per-sample MSE
    torch::Tensor perSample; ///< [B] unweighted per-sample MSE (detached), for loss-by-t plots
    torch::Tensor timesteps; ///< [B] model time of each sample (0..1000, see DenoiseFn)
};

/// The noised input and regression target of one training example batch.
struct NoisedBatch {
    torch::Tensor xt;        ///< model input
    torch::Tensor target;    ///< what the model should output
    torch::Tensor weight;    ///< [B] loss weight per sample
    torch::Tensor modelTime; ///< [B] float model time
};

/// Training objective of the diffusion stage:
/// - eps: x_t = sqrt(abar) x0 + sqrt(1-abar) eps, target eps (Ho et al. 2020);
/// - v: same x_t, target sqrt(abar) eps - sqrt(1-abar) x0 (Salimans & Ho 2022);
///   both with t uniform in 0..T-1 and min-SNR-gamma weights (Hang et al. 2023):
///   eps: min(SNR, g) / SNR, v: min(SNR, g) / (SNR + 1);
/// - flow: x_t = (1-t) x0 + t eps, target eps - x0 (rectified flow, Liu et al. 2022; flow matching,
///   Lipman et al. 2023) with t = sigmoid(N(m, s)) (logit-normal, Esser et al. 2024).
/// All randomness (timesteps, noise, label dropout) is drawn from the given CPU generator.
class DiffusionObjective {
public:
    explicit DiffusionObjective(const DiffusionConfig& config = {});

    const DiffusionConfig& config() const { return m_config; }
    const NoiseSchedule& schedule() const { return m_schedule; }

    /// Draws per-sample model times [B] (float, on x0's device).
    torch::Tensor sampleModelTime(int64_t batch, at::Generator& generator,
                                  const torch::TensorOptions& options) const;
    /// Builds x_t, target and weights from clean x0 [B,...], noise like x0 and model times [B].
    NoisedBatch noised(const torch::Tensor& x0, const torch::Tensor& noise,
                       const torch::Tensor& modelTime) const;

    /// Loss of `model` on clean latents x0 [B,C,T,h,w] with `labels` as given (no dropout).
    DiffusionLoss loss(const DenoiseFn& model, const torch::Tensor& x0, const torch::Tensor& labels,
                       at::Generator& generator) const;
    /// Same for a Denoiser, after its label dropout (config.labelDropout) with `generator`;
    /// firstFrame as in DenoiserImpl::forward.
    DiffusionLoss loss(Denoiser& model, const torch::Tensor& x0, const torch::Tensor& labels,
                       at::Generator& generator, int64_t firstFrame = 0) const;

private:
    DiffusionConfig m_config;
    NoiseSchedule m_schedule;
};

} // namespace vd

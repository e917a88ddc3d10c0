// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/VAE.h"
#include "model/VAELossConfig.h"

#include <torch/torch.h>

#include <map>
#include <string>

namespace vd {

/// One evaluated VAE loss: the tensor to backpropagate and each term as a number for logging.
struct VAELossResult {
    torch::Tensor total;
    /// "l1", "mse", "kl" (unweighted means), "beta" (the KL weight used), "total".
    std::map<std::string, double> terms;
};

/// Reconstruction (L1 and/or MSE) + beta * KL(q(z|x) || N(0, I)) with a linear beta warm-up
/// (the beta-VAE objective, Higgins et al. 2017; warm-up as in Bowman et al. 2016).
class VAELoss {
public:
    explicit VAELoss(const VAELossConfig& config = {});

    /// beta at a 0-based training step.
    double beta(int64_t step) const;

    /// Loss of one forward pass against the input video `x` at training `step`.
    /// Reading the terms synchronizes with the device once.
    VAELossResult operator()(const torch::Tensor& x, const VAEOutput& out, int64_t step) const;

    /// Mean over elements of KL(N(mean, exp(logvar)) || N(0, 1)).
    static torch::Tensor klDivergence(const torch::Tensor& mean, const torch::Tensor& logvar);

    const VAELossConfig& config() const { return m_config; }

private:
    VAELossConfig m_config;
};

} // namespace vd

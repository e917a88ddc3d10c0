// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// Sinusoidal features of the timestep followed by an MLP (Linear -> SiLU -> Linear), as in DDPM
/// (Ho et al. 2020) and ADM. Timesteps are floats [B] in model time units [0, 1000]: DDPM
/// integer steps as floats, flow times t in [0,1] multiplied by 1000.
/// Submodules: linear_1, linear_2.
class TimestepEmbeddingImpl : public torch::nn::Module {
public:
    TimestepEmbeddingImpl(int64_t frequencyDim, int64_t embeddingDim);

    /// t [B] -> [B, embeddingDim]
    torch::Tensor forward(const torch::Tensor& t);

private:
    int64_t m_frequencyDim;
    torch::nn::Linear m_linear1{nullptr};
    torch::nn::Linear m_linear2{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

} // namespace vd

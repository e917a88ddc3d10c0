// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <vector>

namespace vd {

/// Per-channel standardization of VAE latents so the diffusion model sees ~zero mean, unit
/// variance per channel (the "scale factor" of LDM, Rombach et al. 2022 §4.3.2, per channel).
/// Buffers "mean" and "std" ([C]) save with the VAE; until calibrated they are 0 and 1.
/// Calibration streams over any number of latent batches: reset(), accumulate(z)..., finish().
/// Sums are kept in double on the host, so millions of elements lose no precision.
/// Not thread-safe: one thread calibrates.
class LatentNormImpl : public torch::nn::Module {
public:
    explicit LatentNormImpl(int64_t channels);

    /// (z - mean) / std per channel, for z [B,C,...].
    torch::Tensor normalize(const torch::Tensor& z) const;
    /// z * std + mean per channel: the inverse of normalize, applied before decoding.
    torch::Tensor denormalize(const torch::Tensor& z) const;

    /// Clears the running sums (the buffers stay as they are until finish()).
    void reset();
    /// Adds the latents z [B,C,...] (any device, any float dtype) to the running sums.
    void accumulate(const torch::Tensor& z);
    /// Writes mean and std (population std, floored at 1e-6) from the sums into the buffers.
    /// Throws vd::Error(Usage) if nothing was accumulated.
    void finish();
    /// Number of values per channel accumulated since reset().
    double count() const { return m_count; }

    /// The "mean" and "std" buffers, [C].
    torch::Tensor channelMean() const { return m_mean; }
    torch::Tensor channelStd() const { return m_std; }

private:
    torch::Tensor shaped(const torch::Tensor& v, const torch::Tensor& like) const;

    int64_t m_channels;
    torch::Tensor m_mean;
    torch::Tensor m_std;
    std::vector<double> m_sum;
    std::vector<double> m_sumSq;
    double m_count = 0.0;
};
TORCH_MODULE(LatentNorm);

} // namespace vd

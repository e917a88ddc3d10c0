// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/LatentNorm.h"
#include "model/VAEConfig.h"
#include "model/VAEDecoder.h"
#include "model/VAEEncoder.h"

#include <torch/torch.h>

#include <optional>

namespace vd {

/// Posterior of the encoder: a diagonal Gaussian per latent element.
struct LatentDistribution {
    torch::Tensor mean;   ///< [B,C,T,h,w]
    torch::Tensor logvar; ///< [B,C,T,h,w], clamped to [logvarMin, logvarMax]
};

/// Everything one training forward pass produces.
struct VAEOutput {
    torch::Tensor reconstruction; ///< [B,out,T,H,W]
    torch::Tensor mean;
    torch::Tensor logvar;
    torch::Tensor z; ///< the reparameterized sample that was decoded
};

/// Per-frame KL-regularized autoencoder for video (Kingma & Welling 2014; the LDM "AutoencoderKL",
/// Rombach et al. 2022), with optional causal temporal layers in the decoder.
/// Video layout [B,C,T,H,W] with values in [-1,1]; H and W must be multiples of
/// config.downsampleFactor(). Latents are [B,latent,T,H/f,W/f] and are *not* normalized; use
/// latentNorm() before and after diffusion.
/// Submodules: encoder, decoder, latent_norm (buffers mean, std).
class VAEImpl : public torch::nn::Module {
public:
    explicit VAEImpl(const VAEConfig& config);

    const VAEConfig& config() const { return m_config; }

    /// Posterior q(z|x) for a video x [B,in,T,H,W]. Throws vd::Error(Usage) for a bad shape.
    LatentDistribution encode(const torch::Tensor& x);
    /// mean + exp(logvar/2) * eps. With a generator, eps is drawn on the CPU from it (then moved),
    /// so a seed gives the same latents on every device; without, from the device's default RNG.
    static torch::Tensor sample(const LatentDistribution& posterior,
                                std::optional<at::Generator> generator = std::nullopt);
    /// Video [B,out,T,H,W] from latents [B,latent,T,h,w].
    torch::Tensor decode(const torch::Tensor& z);
    /// encode -> sample (or the mean when `samplePosterior` is false) -> decode. With
    /// `latentNoise` > 0 the decoder gets z + latentNoise * std(z) * eps instead of z (std per
    /// channel over the batch, not differentiated; eps from `generator` like sample's), while
    /// `VAEOutput::z` stays the clean latent.
    VAEOutput forward(const torch::Tensor& x, bool samplePosterior = true,
                      std::optional<at::Generator> generator = std::nullopt,
                      double latentNoise = 0.0);

    VAEEncoder encoder() const { return m_encoder; }
    VAEDecoder decoder() const { return m_decoder; }
    LatentNorm latentNorm() const { return m_latentNorm; }

private:
    VAEConfig m_config;
    VAEEncoder m_encoder{nullptr};
    VAEDecoder m_decoder{nullptr};
    LatentNorm m_latentNorm{nullptr};
};
TORCH_MODULE(VAE);

} // namespace vd

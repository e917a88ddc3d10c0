// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAE.h"

#include "model/detail/Frames.h"
#include "util/Error.h"

namespace vd {

VAEImpl::VAEImpl(const VAEConfig& config) : m_config(config)
{
    validate(config);
    m_encoder = register_module("encoder", VAEEncoder(config));
    m_decoder = register_module("decoder", VAEDecoder(config));
    m_latentNorm = register_module("latent_norm", LatentNorm(config.latentChannels));
}

LatentDistribution VAEImpl::encode(const torch::Tensor& x)
{
    detail::checkDims(x, 5, "VAE::encode");
    const int64_t f = m_config.downsampleFactor();
    if (x.size(1) != m_config.inChannels || x.size(3) % f != 0 || x.size(4) % f != 0) {
        throw Error(ErrorKind::Usage,
                    "VAE::encode: expected [B," + std::to_string(m_config.inChannels) +
                        ",T,H,W] with H and W multiples of " + std::to_string(f) + ", got " +
                        c10::str(x.sizes()),
                    ErrorCode::ShapeMismatch);
    }
    const torch::Tensor moments = detail::unfoldFrames(m_encoder(detail::foldFrames(x)), x.size(0));
    const auto parts = moments.chunk(2, 1);
    return {parts[0], parts[1].clamp(m_config.logvarMin, m_config.logvarMax)};
}

namespace {

/// Standard normal noise like `like`, drawn on the CPU from `generator` when there is one.
torch::Tensor normalLike(const torch::Tensor& like, std::optional<at::Generator> generator)
{
    if (generator) {
        return torch::randn(like.sizes(), *generator, torch::TensorOptions().dtype(torch::kFloat32))
            .to(like.options());
    }
    return torch::randn_like(like);
}

} // namespace

torch::Tensor VAEImpl::sample(const LatentDistribution& posterior,
                              std::optional<at::Generator> generator)
{
    return posterior.mean +
           torch::exp(0.5 * posterior.logvar) * normalLike(posterior.mean, generator);
}

torch::Tensor VAEImpl::decode(const torch::Tensor& z)
{
    detail::checkDims(z, 5, "VAE::decode");
    if (z.size(1) != m_config.latentChannels) {
        throw Error(ErrorKind::Usage,
                    "VAE::decode: expected " + std::to_string(m_config.latentChannels) +
                        " latent channels, got " + std::to_string(z.size(1)),
                    ErrorCode::ShapeMismatch);
    }
    return m_decoder(z);
}

VAEOutput VAEImpl::forward(const torch::Tensor& x, bool samplePosterior,
                           std::optional<at::Generator> generator, double latentNoise)
{
    LatentDistribution posterior = encode(x);
    VAEOutput out;
    out.z = samplePosterior ? sample(posterior, generator) : posterior.mean;
    if (latentNoise > 0.0) {
        // Relative to each channel's spread, so the encoder cannot outgrow the noise by scaling
        // its latents up.
        const torch::Tensor spread =
            out.z.detach()
                .to(torch::kFloat32)
                .std(at::IntArrayRef{0, 2, 3, 4}, /*unbiased=*/true, /*keepdim=*/true);
        out.reconstruction =
            decode(out.z + (latentNoise * spread).to(out.z.dtype()) * normalLike(out.z, generator));
    } else {
        out.reconstruction = decode(out.z);
    }
    out.mean = posterior.mean;
    out.logvar = posterior.logvar;
    return out;
}

} // namespace vd

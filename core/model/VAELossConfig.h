// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace vd {

/// Weights of the VAE training loss (see VAELoss). Reconstruction terms are means over pixels,
/// the KL term is the mean over latent elements, so weights do not depend on resolution.
struct VAELossConfig {
    double l1Weight = 1.0;
    double mseWeight = 0.0;
    double klWeight = 1e-4;      ///< beta after warm-up
    int64_t klWarmupSteps = 500; ///< beta rises linearly from 0 over these steps; 0 = no warm-up
    /// During training the decoder sees z + latentNoise * std(z) * eps (std per channel over the
    /// batch), so it learns to draw clean frames from latents that are a little off, as a
    /// denoiser's are. 0 = off. See docs/decisions.md, "The demo's VAE decodes noisy latents".
    double latentNoise = 0.0;
};

void to_json(nlohmann::json& j, const VAELossConfig& c);
/// Throws vd::Error(Config) naming the key.
void from_json(const nlohmann::json& j, VAELossConfig& c);
VAELossConfig vaeLossConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Throws vd::Error(Config) naming `path.key` for bad values (also: all weights zero).
void validate(const VAELossConfig& c, const std::string& path = "vae.loss");

} // namespace vd

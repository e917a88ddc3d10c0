// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/NormKind.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace vd {

/// Architecture of the per-frame convolutional VAE (see VAE.h). Plain value type, JSON keys in
/// snake_case. The defaults are the demo size: 64x64 frames -> 16x16x4 latents; a training step
/// on 8 frames of 64x64 costs about 0.5 s on one 2-core CPU (see bench_models).
struct VAEConfig {
    int inChannels = 3;  ///< channels of the input video
    int outChannels = 3; ///< channels of the reconstruction
    int baseChannels = 16;
    /// One entry per resolution level; channels at level i = baseChannels * channelMultipliers[i].
    /// 2 levels downsample 2x, 3 levels 4x, 4 levels 8x.
    std::vector<int> channelMultipliers{1, 2, 2};
    int resBlocks = 1;         ///< ResBlocks per level in the encoder (decoder: resBlocks + 1)
    int latentChannels = 4;    ///< 4..16
    bool midAttention = false; ///< self-attention in the mid block (costly at 16x16 on CPU)
    NormKind encoderNorm = NormKind::Group;
    NormKind decoderNorm = NormKind::Group;
    int normGroups = 8;       ///< GroupNorm groups; every channel count must be divisible by it
    double logvarMin = -30.0; ///< clamp of the encoder's log-variance
    double logvarMax = 20.0;
    /// Causal temporal convolutions (kernel 3 over frames, zero-initialized residual) after the
    /// decoder's mid block and each level, so the decoder can smooth flicker across frames.
    bool decoderTemporal = false;

    /// Spatial downsampling factor: 2^(levels - 1), i.e. 2, 4 or 8.
    int downsampleFactor() const;

    /// Named presets: "demo" (the defaults), "small", "base". Throws vd::Error(Config) otherwise.
    static VAEConfig preset(const std::string& name);
};

void to_json(nlohmann::json& j, const VAEConfig& c);
/// Throws vd::Error(Config) naming the key ("vae.latent_channels: ...") for unknown keys,
/// wrong types and out-of-range values.
void from_json(const nlohmann::json& j, VAEConfig& c);
/// Reads a VAEConfig whose keys live at `path` (e.g. "vae.model"), for messages.
VAEConfig vaeConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Checks ranges and cross-field constraints; throws vd::Error(Config) naming `path.key`.
void validate(const VAEConfig& c, const std::string& path = "vae");

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace vd {

/// What the UNet's frame axis holds. Frames: the latent frames as they are. Dct: their
/// orthonormal DCT over time (the clip's mean first, then ever faster changes); the network
/// works on those and its output goes back to frames. The diffusion itself is unchanged (the
/// transform is orthonormal), but what stays still in a clip (background, colours) is one
/// component instead of a value that every frame must agree on.
enum class TemporalBasis { Frames, Dct };

/// Stable JSON name: "frames", "dct".
const char* temporalBasisName(TemporalBasis basis);

/// Parses a JSON name; returns false for an unknown name (out is left unchanged).
bool parseTemporalBasis(const std::string& name, TemporalBasis& out);

/// Architecture of the space-time UNet (see Denoiser.h). Plain value type, JSON keys in
/// snake_case. The defaults are the demo size (16x16 latents, 4 channels, 8-16 frames).
struct DenoiserConfig {
    int latentChannels = 4;
    int baseChannels = 32;
    /// One entry per resolution level (the first at latent resolution); each level after the
    /// first halves height and width, so latents must be multiples of 2^(levels - 1).
    std::vector<int> channelMultipliers{1, 2};
    int resBlocks = 1; ///< space-time blocks per level on the way down (up: resBlocks + 1)
    /// Levels whose blocks get spatial self-attention (and temporal attention, if on). The mid
    /// block always has both. Default: none besides the mid block (the lowest resolution).
    std::vector<int> attentionLevels{};
    bool temporalAttention = true; ///< self-attention over frames (else temporal convs only)
    /// Levels whose blocks get temporal self-attention even without spatial attention (when
    /// temporalAttention is on): each latent position attends over all frames, which keeps
    /// backgrounds and colours steady through a clip at little cost (sequences of T).
    std::vector<int> temporalAttentionLevels{};
    int heads = 4;             ///< attention heads; must divide every attention width
    int numClasses = 0;        ///< 0 = unconditional; else labels 0..numClasses-1
    double labelDropout = 0.1; ///< training probability of the null label (for CFG)
    double dropout = 0.0;      ///< inside the ResBlocks
    int normGroups = 8;        ///< GroupNorm groups; must divide every channel count
    TemporalBasis temporalBasis = TemporalBasis::Frames;
    /// Self-conditioning (Chen et al. 2023, "Analog Bits"): the model also sees its own previous
    /// estimate of the clean latents (zeros on half the training batches and at the first
    /// sampling step), concatenated to x_t; conv_in takes 2 latentChannels. Flow objective only.
    bool selfCondition = false;

    /// Named presets: "demo" (the defaults with the DCT basis), "small", "base". Throws
    /// vd::Error(Config) otherwise.
    static DenoiserConfig preset(const std::string& name);
};

void to_json(nlohmann::json& j, const DenoiserConfig& c);
/// Throws vd::Error(Config) naming the key ("denoiser.heads: ...").
void from_json(const nlohmann::json& j, DenoiserConfig& c);
DenoiserConfig denoiserConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Checks ranges and cross-field constraints; throws vd::Error(Config) naming `path.key`.
void validate(const DenoiserConfig& c, const std::string& path = "denoiser");

} // namespace vd

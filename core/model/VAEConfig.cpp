// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAEConfig.h"

#include "util/ConfigCheck.h"
#include "util/JsonFields.h"

#include <climits>

namespace vd {

int VAEConfig::downsampleFactor() const
{
    return channelMultipliers.empty() ? 1 : 1 << (channelMultipliers.size() - 1);
}

VAEConfig VAEConfig::preset(const std::string& name)
{
    VAEConfig c;
    if (name == "demo") {
        return c;
    }
    if (name == "small") {
        // 8x downsampling for 128x128 frames: 16x16 latents, the grid the demo's denoiser
        // draws shapes on at 64x64; 8 channels carry the 8x8-pixel patches.
        c.baseChannels = 16;
        c.normGroups = 8;
        c.channelMultipliers = {1, 2, 2, 2};
        c.resBlocks = 1;
        c.latentChannels = 8;
        return c;
    }
    if (name == "base") {
        c.baseChannels = 128;
        c.channelMultipliers = {1, 2, 4, 4};
        c.resBlocks = 2;
        c.latentChannels = 8;
        c.midAttention = true;
        c.normGroups = 32;
        c.decoderTemporal = true;
        return c;
    }
    throw Error(ErrorKind::Config, "vae preset: '" + name + "' is not demo, small or base",
                ErrorCode::InvalidValue);
}

void to_json(nlohmann::json& j, const VAEConfig& c)
{
    j = nlohmann::json{{"in_channels", c.inChannels},
                       {"out_channels", c.outChannels},
                       {"base_channels", c.baseChannels},
                       {"channel_multipliers", c.channelMultipliers},
                       {"res_blocks", c.resBlocks},
                       {"latent_channels", c.latentChannels},
                       {"mid_attention", c.midAttention},
                       {"encoder_norm", normKindName(c.encoderNorm)},
                       {"decoder_norm", normKindName(c.decoderNorm)},
                       {"norm_groups", c.normGroups},
                       {"logvar_min", c.logvarMin},
                       {"logvar_max", c.logvarMax},
                       {"decoder_temporal", c.decoderTemporal}};
}

void from_json(const nlohmann::json& j, VAEConfig& c)
{
    c = vaeConfigFromJson(j, "vae");
}

VAEConfig vaeConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    VAEConfig c;
    JsonFields f(j, path);
    f.read("in_channels", c.inChannels, INT_MIN, INT_MAX);
    f.read("out_channels", c.outChannels, INT_MIN, INT_MAX);
    f.read("base_channels", c.baseChannels, INT_MIN, INT_MAX);
    f.read("channel_multipliers", c.channelMultipliers, INT_MIN, INT_MAX);
    f.read("res_blocks", c.resBlocks, INT_MIN, INT_MAX);
    f.read("latent_channels", c.latentChannels, INT_MIN, INT_MAX);
    f.read("mid_attention", c.midAttention);
    const std::vector<std::string> norms{"group", "channel", "none"};
    std::string encoderNorm = normKindName(c.encoderNorm);
    f.readChoice("encoder_norm", encoderNorm, norms);
    parseNormKind(encoderNorm, c.encoderNorm);
    std::string decoderNorm = normKindName(c.decoderNorm);
    f.readChoice("decoder_norm", decoderNorm, norms);
    parseNormKind(decoderNorm, c.decoderNorm);
    f.read("norm_groups", c.normGroups, INT_MIN, INT_MAX);
    f.read("logvar_min", c.logvarMin, -1e9, 1e9);
    f.read("logvar_max", c.logvarMax, -1e9, 1e9);
    f.read("decoder_temporal", c.decoderTemporal);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const VAEConfig& c, const std::string& path)
{
    checkRange(path, "in_channels", c.inChannels, 1, 4);
    checkRange(path, "out_channels", c.outChannels, 1, 4);
    checkRange(path, "base_channels", c.baseChannels, 4, 1024);
    if (c.channelMultipliers.size() < 2 || c.channelMultipliers.size() > 4) {
        failKey(path, "channel_multipliers",
                "needs 2 levels (2x downsampling), 3 (4x) or 4 (8x), got " +
                    std::to_string(c.channelMultipliers.size()));
    }
    checkRange(path, "channel_multipliers", c.channelMultipliers, 1, 16);
    checkRange(path, "res_blocks", c.resBlocks, 1, 8);
    checkRange(path, "latent_channels", c.latentChannels, 4, 16);
    checkRange(path, "norm_groups", c.normGroups, 1, 128);
    if (c.encoderNorm == NormKind::Group || c.decoderNorm == NormKind::Group) {
        for (const int m : c.channelMultipliers) {
            if ((c.baseChannels * m) % c.normGroups != 0) {
                failKey(path, "norm_groups",
                        std::to_string(c.normGroups) + " does not divide the " +
                            std::to_string(c.baseChannels * m) + " channels of a level");
            }
        }
    }
    checkRange(path, "logvar_min", c.logvarMin, -100.0, 100.0);
    checkRange(path, "logvar_max", c.logvarMax, -100.0, 100.0);
    if (c.logvarMin >= c.logvarMax) {
        failKey(path, "logvar_max", "must be greater than logvar_min");
    }
}

} // namespace vd

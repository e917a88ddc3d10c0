// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/DenoiserConfig.h"

#include "util/ConfigCheck.h"
#include "util/Error.h"
#include "util/JsonFields.h"

#include <climits>
#include <string>

namespace vd {

const char* temporalBasisName(TemporalBasis basis)
{
    return basis == TemporalBasis::Dct ? "dct" : "frames";
}

bool parseTemporalBasis(const std::string& name, TemporalBasis& out)
{
    if (name != "frames" && name != "dct") {
        return false;
    }
    out = name == "dct" ? TemporalBasis::Dct : TemporalBasis::Frames;
    return true;
}

DenoiserConfig DenoiserConfig::preset(const std::string& name)
{
    DenoiserConfig c;
    if (name == "demo") {
        // Frames, not their DCT: with both trained 2,700 steps, the spatial layers shared over
        // frames draw shapes (class accuracy 61-66 % against 47 %, circles and stars recognised)
        // where shared over DCT components they drew lumpy blobs. Temporal attention at the
        // 8x8 level keeps each object's colour through the clip more often (3-4 of 16 samples
        // switched colour mid-clip without it, 1-2 with it) for 1.14x the step
        // (bench/RESULTS.md, "... where the samples fail now").
        c.temporalBasis = TemporalBasis::Frames;
        // Temporal attention at both levels: at the same 4,700 steps, two seeds each, class
        // accuracy 82.8 -> 88.7 %, recognisable 37.9 -> 47.7 %, Frechet distance 16.9 -> 10.6
        // against the 8x8 level alone; channel-major attention made it cheap (step 69 ms at
        // 2 threads, the 8x8 level alone took 75 ms before; bench/RESULTS.md, "Attention over
        // frames, channel-major").
        c.temporalAttentionLevels = {0, 1};
        return c;
    }
    if (name == "small") {
        // The demo's denoiser, 1.5x as wide, for the small preset's 16x16 latents (8x VAE).
        c.baseChannels = 48;
        c.temporalBasis = TemporalBasis::Frames;
        c.temporalAttentionLevels = {0, 1};
        return c;
    }
    if (name == "base") {
        c.latentChannels = 8;
        c.baseChannels = 128;
        c.channelMultipliers = {1, 2, 3, 4};
        c.resBlocks = 2;
        c.attentionLevels = {2, 3};
        c.heads = 8;
        c.normGroups = 32;
        return c;
    }
    throw Error(ErrorKind::Config, "denoiser preset: '" + name + "' is not demo, small or base",
                ErrorCode::InvalidValue);
}

void to_json(nlohmann::json& j, const DenoiserConfig& c)
{
    j = nlohmann::json{{"latent_channels", c.latentChannels},
                       {"base_channels", c.baseChannels},
                       {"channel_multipliers", c.channelMultipliers},
                       {"res_blocks", c.resBlocks},
                       {"attention_levels", c.attentionLevels},
                       {"temporal_attention", c.temporalAttention},
                       {"temporal_attention_levels", c.temporalAttentionLevels},
                       {"heads", c.heads},
                       {"num_classes", c.numClasses},
                       {"label_dropout", c.labelDropout},
                       {"dropout", c.dropout},
                       {"norm_groups", c.normGroups},
                       {"temporal_basis", temporalBasisName(c.temporalBasis)},
                       {"self_condition", c.selfCondition}};
}

void from_json(const nlohmann::json& j, DenoiserConfig& c)
{
    c = denoiserConfigFromJson(j, "denoiser");
}

DenoiserConfig denoiserConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    DenoiserConfig c;
    JsonFields f(j, path);
    f.read("latent_channels", c.latentChannels, INT_MIN, INT_MAX);
    f.read("base_channels", c.baseChannels, INT_MIN, INT_MAX);
    f.read("channel_multipliers", c.channelMultipliers, INT_MIN, INT_MAX);
    f.read("res_blocks", c.resBlocks, INT_MIN, INT_MAX);
    f.read("attention_levels", c.attentionLevels, INT_MIN, INT_MAX);
    f.read("temporal_attention", c.temporalAttention);
    f.read("temporal_attention_levels", c.temporalAttentionLevels, INT_MIN, INT_MAX);
    f.read("heads", c.heads, INT_MIN, INT_MAX);
    f.read("num_classes", c.numClasses, INT_MIN, INT_MAX);
    f.read("label_dropout", c.labelDropout, -1e9, 1e9);
    f.read("dropout", c.dropout, -1e9, 1e9);
    f.read("norm_groups", c.normGroups, INT_MIN, INT_MAX);
    std::string basis = temporalBasisName(c.temporalBasis);
    f.readChoice("temporal_basis", basis, {"frames", "dct"});
    parseTemporalBasis(basis, c.temporalBasis);
    f.read("self_condition", c.selfCondition);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const DenoiserConfig& c, const std::string& path)
{
    checkRange(path, "latent_channels", c.latentChannels, 1, 64);
    checkRange(path, "base_channels", c.baseChannels, 8, 2048);
    if (c.channelMultipliers.empty() || c.channelMultipliers.size() > 5) {
        failKey(path, "channel_multipliers",
                "needs 1 to 5 levels, got " + std::to_string(c.channelMultipliers.size()));
    }
    checkRange(path, "channel_multipliers", c.channelMultipliers, 1, 16);
    checkRange(path, "res_blocks", c.resBlocks, 1, 8);
    const int levels = static_cast<int>(c.channelMultipliers.size());
    checkRange(path, "attention_levels", c.attentionLevels, 0, levels - 1);
    checkRange(path, "temporal_attention_levels", c.temporalAttentionLevels, 0, levels - 1);
    checkRange(path, "heads", c.heads, 1, 64);
    checkRange(path, "num_classes", c.numClasses, 0, 100000);
    checkRange(path, "label_dropout", c.labelDropout, 0.0, 1.0);
    checkRange(path, "dropout", c.dropout, 0.0, 0.9);
    checkRange(path, "norm_groups", c.normGroups, 1, 128);
    for (const int m : c.channelMultipliers) {
        const int ch = c.baseChannels * m;
        if (ch % c.normGroups != 0) {
            failKey(path, "norm_groups",
                    std::to_string(c.normGroups) + " does not divide the " + std::to_string(ch) +
                        " channels of a level");
        }
        // Attention runs in the mid block (deepest width) and at attention levels; demanding
        // divisibility at every level keeps the rule simple to state.
        if (ch % c.heads != 0) {
            failKey(path, "heads",
                    std::to_string(c.heads) + " does not divide the " + std::to_string(ch) +
                        " channels of a level");
        }
    }
}

} // namespace vd

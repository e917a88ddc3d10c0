// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Denoiser.h"

#include "model/ConvPrecision.h"
#include "model/detail/Frames.h"
#include "util/Error.h"

#include <algorithm>

namespace vd {

namespace nn = torch::nn;

DenoiserImpl::DenoiserImpl(const DenoiserConfig& c) : m_config(c)
{
    validate(c);
    const int64_t base = c.baseChannels;
    m_embeddingDim = 4 * base;
    m_timeEmbed = register_module("time_embed", TimestepEmbedding(base, m_embeddingDim));
    if (c.numClasses > 0) {
        // Row numClasses is the null label.
        m_labelEmbed =
            register_module("label_embed", nn::Embedding(c.numClasses + 1, m_embeddingDim));
    }
    m_convIn = register_module(
        "conv_in",
        nn::Conv2d(
            nn::Conv2dOptions(c.latentChannels * (c.selfCondition ? 2 : 1), base, 3).padding(1)));

    auto block = [&](int64_t in, int64_t out, bool attention, bool temporal) {
        SpaceTimeBlockOptions o;
        o.inChannels = in;
        o.outChannels = out;
        o.embeddingDim = m_embeddingDim;
        o.groups = c.normGroups;
        o.heads = c.heads;
        o.dropout = c.dropout;
        o.spatialAttention = attention;
        o.temporalAttention = (attention || temporal) && c.temporalAttention;
        return SpaceTimeBlock(o);
    };
    auto hasAttention = [&](int level) {
        return std::find(c.attentionLevels.begin(), c.attentionLevels.end(), level) !=
               c.attentionLevels.end();
    };
    auto hasTemporal = [&](int level) {
        return std::find(c.temporalAttentionLevels.begin(), c.temporalAttentionLevels.end(),
                         level) != c.temporalAttentionLevels.end();
    };

    const int levels = static_cast<int>(c.channelMultipliers.size());
    auto downBlocks = register_module("down_blocks", nn::ModuleList());
    auto downsamplers = register_module("downsamplers", nn::ModuleList());
    std::vector<int64_t> skipChannels{base};
    int64_t ch = base;
    for (int i = 0; i < levels; ++i) {
        const int64_t out = base * c.channelMultipliers[size_t(i)];
        for (int j = 0; j < c.resBlocks; ++j) {
            SpaceTimeBlock b = block(ch, out, hasAttention(i), hasTemporal(i));
            downBlocks->push_back(b);
            m_downBlocks.push_back(b);
            m_downLevel.push_back(i);
            ch = out;
            skipChannels.push_back(ch);
        }
        if (i + 1 < levels) {
            Downsample2d d(ch);
            downsamplers->push_back(d);
            m_downsamplers.push_back(d);
            skipChannels.push_back(ch);
        }
    }
    m_mid1 = register_module("mid_block_1", block(ch, ch, true, true));
    m_mid2 = register_module("mid_block_2", block(ch, ch, false, hasTemporal(levels - 1)));

    auto upBlocks = register_module("up_blocks", nn::ModuleList());
    auto upsamplers = register_module("upsamplers", nn::ModuleList());
    for (int i = levels - 1; i >= 0; --i) {
        const int64_t out = base * c.channelMultipliers[size_t(i)];
        for (int j = 0; j < c.resBlocks + 1; ++j) {
            const int64_t skip = skipChannels.back();
            skipChannels.pop_back();
            SpaceTimeBlock b = block(ch + skip, out, hasAttention(i), hasTemporal(i));
            upBlocks->push_back(b);
            m_upBlocks.push_back(b);
            m_upLevel.push_back(i);
            ch = out;
        }
        if (i > 0) {
            Upsample2d u(ch);
            upsamplers->push_back(u);
            m_upsamplers.push_back(u);
        }
    }
    m_normOut = register_module("norm_out", NormLayer(NormKind::Group, ch, c.normGroups));
    m_convOut = register_module("conv_out",
                                nn::Conv2d(nn::Conv2dOptions(ch, c.latentChannels, 3).padding(1)));
    torch::NoGradGuard noGrad;
    m_convOut->weight.zero_();
    m_convOut->bias.zero_();
}

torch::Tensor DenoiserImpl::dropLabels(const torch::Tensor& labels,
                                       std::optional<at::Generator> generator) const
{
    if (m_config.numClasses == 0 || !labels.defined() || m_config.labelDropout <= 0.0) {
        return labels;
    }
    const auto cpuFloat = torch::TensorOptions().dtype(torch::kFloat32);
    const torch::Tensor u = generator ? torch::rand({labels.size(0)}, *generator, cpuFloat)
                                      : torch::rand({labels.size(0)}, cpuFloat);
    const torch::Tensor drop = (u < m_config.labelDropout).to(labels.device());
    return torch::where(drop, torch::full_like(labels, -1), labels);
}

torch::Tensor DenoiserImpl::forward(const torch::Tensor& x, const torch::Tensor& t,
                                    const torch::Tensor& labels, int64_t firstFrame,
                                    const torch::Tensor& selfCond)
{
    detail::checkDims(x, 5, "Denoiser");
    const int64_t batch = x.size(0), frames = x.size(2);
    const int64_t f = int64_t(1) << (m_config.channelMultipliers.size() - 1);
    if (x.size(1) != m_config.latentChannels || x.size(3) % f != 0 || x.size(4) % f != 0) {
        throw Error(ErrorKind::Usage,
                    "Denoiser: expected [B," + std::to_string(m_config.latentChannels) +
                        ",T,h,w] with h and w multiples of " + std::to_string(f) + ", got " +
                        c10::str(x.sizes()),
                    ErrorCode::ShapeMismatch);
    }
    if (!t.defined() || t.dim() != 1 || t.size(0) != batch) {
        throw Error(ErrorKind::Usage, "Denoiser: timesteps must be a [B] tensor",
                    ErrorCode::ShapeMismatch);
    }
    torch::Tensor emb = m_timeEmbed(t.to(x.device()));
    if (m_labelEmbed) {
        torch::Tensor idx = labels.defined()
                                ? labels.to(x.device(), torch::kLong)
                                : torch::full({batch}, -1, x.options().dtype(torch::kLong));
        idx = torch::where((idx < 0) | (idx >= m_config.numClasses),
                           torch::full_like(idx, m_config.numClasses), idx);
        emb = emb + m_labelEmbed(idx);
    }
    emb = emb.repeat_interleave(frames, 0); // one row per folded frame

    const bool dct = m_config.temporalBasis == TemporalBasis::Dct && frames > 1;
    const torch::Tensor basis = dct ? detail::dctBasis(frames, x.options()) : torch::Tensor();
    torch::Tensor in = x;
    if (m_config.selfCondition) {
        if (selfCond.defined() && selfCond.sizes() != x.sizes()) {
            throw Error(ErrorKind::Usage,
                        "Denoiser: the self-conditioning estimate must be shaped like x " +
                            c10::str(x.sizes()) + ", got " + c10::str(selfCond.sizes()),
                        ErrorCode::ShapeMismatch);
        }
        in = torch::cat({x, selfCond.defined() ? selfCond.to(x.options()) : torch::zeros_like(x)},
                        1);
    }
    torch::Tensor h =
        runConv(m_convIn, detail::foldFrames(dct ? detail::alongFrames(in, basis) : in));
    std::vector<torch::Tensor> skips{h};
    size_t down = 0;
    for (size_t i = 0; i < m_downBlocks.size(); ++i) {
        h = m_downBlocks[i](h, emb, batch, firstFrame);
        skips.push_back(h);
        const bool lastOfLevel =
            i + 1 == m_downBlocks.size() || m_downLevel[i + 1] != m_downLevel[i];
        if (lastOfLevel && down < m_downsamplers.size()) {
            h = m_downsamplers[down++](h);
            skips.push_back(h);
        }
    }
    h = m_mid1(h, emb, batch, firstFrame);
    h = m_mid2(h, emb, batch, firstFrame);
    size_t up = 0;
    for (size_t i = 0; i < m_upBlocks.size(); ++i) {
        h = m_upBlocks[i](torch::cat({h, skips.back()}, 1), emb, batch, firstFrame);
        skips.pop_back();
        const bool lastOfLevel = i + 1 == m_upBlocks.size() || m_upLevel[i + 1] != m_upLevel[i];
        if (lastOfLevel && up < m_upsamplers.size()) {
            h = m_upsamplers[up++](h);
        }
    }
    h = runConv(m_convOut, m_normOut->forwardSiLU(h));
    const torch::Tensor out = detail::unfoldFrames(h, batch);
    return dct ? detail::alongFrames(out, basis.t()) : out;
}

} // namespace vd

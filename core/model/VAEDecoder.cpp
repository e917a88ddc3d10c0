// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAEDecoder.h"

#include "model/ConvPrecision.h"
#include "model/detail/Frames.h"

namespace vd {

namespace nn = torch::nn;

VAEDecoderImpl::VAEDecoderImpl(const VAEConfig& c) : m_config(c)
{
    validate(c);
    const NormKind norm = c.decoderNorm;
    const int levels = static_cast<int>(c.channelMultipliers.size());
    int64_t ch = int64_t(c.baseChannels) * c.channelMultipliers.back();
    m_convIn = register_module("conv_in",
                               nn::Conv2d(nn::Conv2dOptions(c.latentChannels, ch, 3).padding(1)));
    m_mid1 =
        register_module("mid_block_1", ResBlock2d(ResBlock2dOptions{ch, ch, norm, c.normGroups}));
    if (c.midAttention) {
        m_midAttn = register_module("mid_attn", SpatialAttention(ch, 1, norm, c.normGroups, false));
    }
    m_mid2 =
        register_module("mid_block_2", ResBlock2d(ResBlock2dOptions{ch, ch, norm, c.normGroups}));
    if (c.decoderTemporal) {
        m_midTemporal = register_module("mid_temporal", TemporalConv(ch, norm, c.normGroups, true));
    }
    auto blocks = register_module("up_blocks", nn::ModuleList());
    auto temporal = register_module("up_temporal", nn::ModuleList());
    auto ups = register_module("upsamplers", nn::ModuleList());
    for (int i = levels - 1; i >= 0; --i) {
        const int64_t out = int64_t(c.baseChannels) * c.channelMultipliers[size_t(i)];
        m_levels.emplace_back();
        for (int j = 0; j < c.resBlocks + 1; ++j) {
            ResBlock2d block(ResBlock2dOptions{ch, out, norm, c.normGroups});
            blocks->push_back(block);
            m_levels.back().push_back(block);
            ch = out;
        }
        if (c.decoderTemporal) {
            TemporalConv t(ch, norm, c.normGroups, true);
            temporal->push_back(t);
            m_temporal.push_back(t);
        }
        if (i > 0) {
            Upsample2d up(ch);
            ups->push_back(up);
            m_upsamplers.push_back(up);
        }
    }
    m_normOut = register_module("norm_out", NormLayer(norm, ch, c.normGroups));
    m_convOut =
        register_module("conv_out", nn::Conv2d(nn::Conv2dOptions(ch, c.outChannels, 3).padding(1)));
}

torch::Tensor VAEDecoderImpl::forward(const torch::Tensor& z)
{
    detail::checkDims(z, 5, "VAEDecoder");
    const int64_t batch = z.size(0);
    // Temporal layers need the clip layout; everything else runs on folded frames.
    auto temporal = [batch](TemporalConv& layer, const torch::Tensor& h) {
        return detail::foldFrames(layer(detail::unfoldFrames(h, batch)));
    };
    torch::Tensor h = runConv(m_convIn, detail::foldFrames(z));
    h = m_mid1(h);
    if (m_midAttn) {
        h = m_midAttn(h);
    }
    h = m_mid2(h);
    if (m_midTemporal) {
        h = temporal(m_midTemporal, h);
    }
    for (size_t i = 0; i < m_levels.size(); ++i) {
        for (auto& block : m_levels[i]) {
            h = block(h);
        }
        if (i < m_temporal.size()) {
            h = temporal(m_temporal[i], h);
        }
        if (i < m_upsamplers.size()) {
            h = m_upsamplers[i](h);
        }
    }
    h = runConv(m_convOut, m_normOut->forwardSiLU(h));
    return detail::unfoldFrames(h, batch);
}

} // namespace vd

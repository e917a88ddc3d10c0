// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAEEncoder.h"

#include "model/ConvPrecision.h"

namespace vd {

namespace nn = torch::nn;

VAEEncoderImpl::VAEEncoderImpl(const VAEConfig& c) : m_config(c)
{
    validate(c);
    const NormKind norm = c.encoderNorm;
    int64_t ch = c.baseChannels;
    m_convIn =
        register_module("conv_in", nn::Conv2d(nn::Conv2dOptions(c.inChannels, ch, 3).padding(1)));
    auto blocks = register_module("down_blocks", nn::ModuleList());
    auto downs = register_module("downsamplers", nn::ModuleList());
    const size_t levels = c.channelMultipliers.size();
    for (size_t i = 0; i < levels; ++i) {
        const int64_t out = int64_t(c.baseChannels) * c.channelMultipliers[i];
        m_levels.emplace_back();
        for (int j = 0; j < c.resBlocks; ++j) {
            ResBlock2d block(ResBlock2dOptions{ch, out, norm, c.normGroups});
            blocks->push_back(block);
            m_levels.back().push_back(block);
            ch = out;
        }
        if (i + 1 < levels) {
            Downsample2d down(ch);
            downs->push_back(down);
            m_downsamplers.push_back(down);
        }
    }
    m_mid1 =
        register_module("mid_block_1", ResBlock2d(ResBlock2dOptions{ch, ch, norm, c.normGroups}));
    if (c.midAttention) {
        m_midAttn = register_module("mid_attn", SpatialAttention(ch, 1, norm, c.normGroups, false));
    }
    m_mid2 =
        register_module("mid_block_2", ResBlock2d(ResBlock2dOptions{ch, ch, norm, c.normGroups}));
    m_normOut = register_module("norm_out", NormLayer(norm, ch, c.normGroups));
    m_convOut = register_module(
        "conv_out", nn::Conv2d(nn::Conv2dOptions(ch, 2 * c.latentChannels, 3).padding(1)));
}

torch::Tensor VAEEncoderImpl::forward(const torch::Tensor& frames)
{
    torch::Tensor h = runConv(m_convIn, frames);
    for (size_t i = 0; i < m_levels.size(); ++i) {
        for (auto& block : m_levels[i]) {
            h = block(h);
        }
        if (i < m_downsamplers.size()) {
            h = m_downsamplers[i](h);
        }
    }
    h = m_mid1(h);
    if (m_midAttn) {
        h = m_midAttn(h);
    }
    h = m_mid2(h);
    return runConv(m_convOut, m_normOut->forwardSiLU(h));
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/ResBlock2d.h"

#include "model/ConvPrecision.h"

namespace vd {

namespace nn = torch::nn;

ResBlock2dImpl::ResBlock2dImpl(const ResBlock2dOptions& o) : m_options(o)
{
    m_norm1 = register_module("norm1", NormLayer(o.norm, o.inChannels, o.groups));
    m_conv1 = register_module(
        "conv1", nn::Conv2d(nn::Conv2dOptions(o.inChannels, o.outChannels, 3).padding(1)));
    if (o.embeddingDim > 0) {
        m_embProj = register_module("emb_proj", nn::Linear(o.embeddingDim, 2 * o.outChannels));
    }
    m_norm2 = register_module("norm2", NormLayer(o.norm, o.outChannels, o.groups));
    m_dropout = register_module("dropout", nn::Dropout(o.dropout));
    m_conv2 = register_module(
        "conv2", nn::Conv2d(nn::Conv2dOptions(o.outChannels, o.outChannels, 3).padding(1)));
    if (o.zeroInitOut) {
        torch::NoGradGuard noGrad;
        m_conv2->weight.zero_();
        m_conv2->bias.zero_();
    }
    if (o.inChannels != o.outChannels) {
        m_skip =
            register_module("skip", nn::Conv2d(nn::Conv2dOptions(o.inChannels, o.outChannels, 1)));
    }
}

torch::Tensor ResBlock2dImpl::forward(const torch::Tensor& x, const torch::Tensor& emb)
{
    torch::Tensor h = runConv(m_conv1, m_norm1->forwardSiLU(x));
    torch::Tensor scale, shift;
    if (m_embProj && emb.defined()) {
        const auto ss = m_embProj(torch::silu(emb)).chunk(2, 1); // [N, C] each
        scale = ss[0];
        shift = ss[1];
    }
    h = runConv(m_conv2, m_dropout(m_norm2->forwardSiLU(h, scale, shift)));
    return (m_skip ? runConv(m_skip, x) : x) + h;
}

} // namespace vd

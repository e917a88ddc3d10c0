// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/SpaceTimeBlock.h"

#include "model/detail/Frames.h"

namespace vd {

SpaceTimeBlockImpl::SpaceTimeBlockImpl(const SpaceTimeBlockOptions& o)
{
    ResBlock2dOptions res;
    res.inChannels = o.inChannels;
    res.outChannels = o.outChannels;
    res.norm = NormKind::Group;
    res.groups = o.groups;
    res.embeddingDim = o.embeddingDim;
    res.dropout = o.dropout;
    res.zeroInitOut = true;
    m_res = register_module("res", ResBlock2d(res));
    m_temporalConv = register_module("temporal_conv",
                                     TemporalConv(o.outChannels, NormKind::Group, o.groups, false));
    if (o.spatialAttention) {
        m_spatialAttn =
            register_module("spatial_attn", SpatialAttention(o.outChannels, o.heads,
                                                             NormKind::Group, o.groups, true));
    }
    if (o.temporalAttention) {
        m_temporalAttn =
            register_module("temporal_attn", TemporalAttention(o.outChannels, o.heads, o.groups));
    }
}

torch::Tensor SpaceTimeBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& emb,
                                          int64_t batch, int64_t firstFrame)
{
    torch::Tensor h = m_res(x, emb);
    torch::Tensor clip = m_temporalConv(detail::unfoldFrames(h, batch));
    if (m_spatialAttn) {
        h = m_spatialAttn(detail::foldFrames(clip));
        clip = detail::unfoldFrames(h, batch);
    }
    if (m_temporalAttn) {
        clip = m_temporalAttn(clip, firstFrame);
    }
    return detail::foldFrames(clip);
}

} // namespace vd

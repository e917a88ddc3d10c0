// SPDX-License-Identifier: GPL-3.0-or-later
#include "judge/ClipClassifier.h"

#include "model/detail/Frames.h"

namespace vd {

namespace nn = torch::nn;

namespace {

nn::Conv2d conv(int64_t in, int64_t out, int64_t stride)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1));
}

} // namespace

ClipClassifierImpl::ClipClassifierImpl(int numClasses, int width, int featureDim, int inputSize)
    : m_numClasses(numClasses), m_width(width), m_featureDim(featureDim), m_inputSize(inputSize)
{
    const int64_t w = width;
    // Three stride-2 layers: 64 px in, an 8x8 map of 4w channels out. The first layer strides
    // at once: shapes a few pixels wide still span several cells at 32x32.
    m_conv1 = register_module("conv1", conv(3, w, 2));
    m_norm1 = register_module("norm1", nn::GroupNorm(4, w));
    m_conv2 = register_module("conv2", conv(w, 2 * w, 2));
    m_norm2 = register_module("norm2", nn::GroupNorm(4, 2 * w));
    m_conv3 = register_module("conv3", conv(2 * w, 4 * w, 2));
    m_norm3 = register_module("norm3", nn::GroupNorm(4, 4 * w));
    m_conv4 = register_module("conv4", conv(4 * w, 4 * w, 1));
    m_norm4 = register_module("norm4", nn::GroupNorm(4, 4 * w));
    // Per frame: mean and max over space (4w each); per clip: their mean and std over time.
    m_feature = register_module("feature", nn::Linear(16 * w, featureDim));
    m_head = register_module("head", nn::Linear(featureDim, numClasses));
}

torch::Tensor ClipClassifierImpl::features(const torch::Tensor& video)
{
    detail::checkDims(video, 5, "ClipClassifier");
    const int64_t batch = video.size(0);
    const int64_t frames = video.size(2);
    torch::Tensor x = detail::foldFrames(video);
    if (x.size(2) != m_inputSize || x.size(3) != m_inputSize) {
        x = nn::functional::interpolate(
            x, nn::functional::InterpolateFuncOptions()
                   .size(std::vector<int64_t>{m_inputSize, m_inputSize})
                   .mode(torch::kBilinear)
                   .align_corners(false));
    }
    x = torch::silu(m_norm1(m_conv1(x)));
    x = torch::silu(m_norm2(m_conv2(x)));
    x = torch::silu(m_norm3(m_conv3(x)));
    x = torch::silu(m_norm4(m_conv4(x))) + x;
    const torch::Tensor perFrame =
        torch::cat({x.mean({2, 3}), x.amax({2, 3})}, 1).view({batch, frames, -1});
    const torch::Tensor mean = perFrame.mean(1);
    const torch::Tensor spread = (perFrame - mean.unsqueeze(1)).pow(2).mean(1).add(1e-6).sqrt();
    return torch::silu(m_feature(torch::cat({mean, spread}, 1)));
}

torch::Tensor ClipClassifierImpl::classify(const torch::Tensor& features)
{
    return m_head(features);
}

torch::Tensor ClipClassifierImpl::forward(const torch::Tensor& video)
{
    return classify(features(video));
}

} // namespace vd

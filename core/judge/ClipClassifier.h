// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// The sample judge's network: a small per-frame CNN whose frame features are pooled over time
/// (mean and standard deviation, so a clip whose look changes from frame to frame lands
/// elsewhere than a steady one), then a feature layer and a linear classifier.
///
/// Input: float [B,3,T,H,W] in [-1,1], any T >= 1 and any H, W (resized to inputSize first, so
/// the judge's cost does not grow with the project's resolution). features() gives the
/// featureDim-wide embedding the Fréchet distance and the diversity figure are measured in;
/// forward() the class logits.
///
/// Submodules: conv1..conv4, norm1..norm4, feature, head.
class ClipClassifierImpl : public torch::nn::Module {
public:
    ClipClassifierImpl(int numClasses, int width = 16, int featureDim = 64, int inputSize = 64);

    torch::Tensor features(const torch::Tensor& video);
    torch::Tensor forward(const torch::Tensor& video);
    /// Logits from features() (so a caller that needs both runs the CNN once).
    torch::Tensor classify(const torch::Tensor& features);

    int numClasses() const { return m_numClasses; }
    int featureDim() const { return m_featureDim; }
    int inputSize() const { return m_inputSize; }
    int width() const { return m_width; }

private:
    int m_numClasses;
    int m_width;
    int m_featureDim;
    int m_inputSize;
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr}, m_conv4{nullptr};
    torch::nn::GroupNorm m_norm1{nullptr}, m_norm2{nullptr}, m_norm3{nullptr}, m_norm4{nullptr};
    torch::nn::Linear m_feature{nullptr};
    torch::nn::Linear m_head{nullptr};
};
TORCH_MODULE(ClipClassifier);

} // namespace vd

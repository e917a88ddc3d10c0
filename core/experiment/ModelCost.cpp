// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/ModelCost.h"

#include "experiment/FlopCounter.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "util/TorchError.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>

namespace vd {

namespace {

int64_t trainableParameters(torch::nn::Module& module)
{
    int64_t n = 0;
    for (const torch::Tensor& p : module.parameters()) {
        if (p.requires_grad()) {
            n += p.numel();
        }
    }
    return n;
}

ModelCost measure(const Project& project, Stage stage)
{
    ModelCost cost;
    torch::NoGradGuard noGrad;
    const DatasetSettings& d = project.dataset;
    if (stage == Stage::VAE) {
        const VAEStageSettings& s = project.vae;
        VAE vae(s.model);
        vae->eval();
        cost.parameters = trainableParameters(*vae);
        const bool temporal = s.model.decoderTemporal;
        const int64_t h = s.crop > 0 ? std::min(s.crop, d.height) : d.height;
        const int64_t w = s.crop > 0 ? std::min(s.crop, d.width) : d.width;
        cost.sampleShape = {1, 3, temporal ? s.framesPerClip : 1, h, w};
        cost.samplesPerStep = static_cast<double>(s.train.batchSize) *
                              (temporal ? 1 : s.framesPerClip) * s.train.gradAccumulation;
        FlopCounter counter;
        vae->forward(torch::zeros(cost.sampleShape), false);
        cost.macsPerSample = counter.multiplyAdds();
    } else {
        const DiffusionStageSettings& s = project.diffusion;
        Denoiser denoiser(s.model);
        denoiser->eval();
        cost.parameters = trainableParameters(*denoiser);
        const int factor = project.vae.model.downsampleFactor();
        double length = d.frames;
        if (!s.trainFrames.empty()) {
            length = 0;
            for (int l : s.trainFrames) {
                length += std::min(l, d.frames);
            }
            length /= static_cast<double>(s.trainFrames.size());
        }
        const int64_t window = std::max<int64_t>(1, static_cast<int64_t>(std::lround(length)));
        cost.sampleShape = {1, s.model.latentChannels, window, d.height / factor, d.width / factor};
        cost.samplesPerStep =
            static_cast<double>(s.train.batchSize) * d.frames / length * s.train.gradAccumulation;
        const torch::Tensor labels =
            s.model.numClasses > 0 ? torch::zeros({1}, torch::kLong) : torch::Tensor();
        FlopCounter counter;
        denoiser->forward(torch::zeros(cost.sampleShape), torch::full({1}, 500.0), labels);
        cost.macsPerSample = counter.multiplyAdds();
    }
    cost.flopsPerStep = 6.0 * static_cast<double>(cost.macsPerSample) * cost.samplesPerStep;
    return cost;
}

} // namespace

ModelCost measureModelCost(const Project& project, Stage stage)
{
    return translateTorchErrors("measuring the model's size and compute",
                                [&] { return measure(project, stage); });
}

} // namespace vd

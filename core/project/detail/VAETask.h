// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "model/VAE.h"
#include "model/VAELoss.h"
#include "project/Project.h"
#include "train/TrainTask.h"

#include <memory>
#include <string>

namespace vd {

/// The VAE stage for the Trainer. Batches come from a ClipLoader over the training clips:
/// batch_size clips of frames_per_clip frames, folded into one batch of frames (the VAE is
/// per-frame unless its decoder has temporal layers). Previews reconstruct a fixed probe batch
/// of held-out clips (input | reconstruction side by side) and report their PSNR
/// ("probe_psnr"). After the last step the latent normalization is measured over the training
/// clips with the final (EMA) weights, and the latent cache for the diffusion stage is written
/// to `latentCachePath`.
class VAETask : public TrainTask {
public:
    VAETask(const Project& project, DatasetIndex train, DatasetIndex probe);

    Stage stage() const override { return Stage::VAE; }
    torch::nn::Module& model() override { return *m_vae; }
    std::shared_ptr<torch::nn::Module> makeModelCopy() const override;
    void setDevice(const torch::Device& device) override;
    nlohmann::json config() const override;
    TaskLoss loss(int64_t step, at::Generator& generator) override;
    PreviewResult preview(int64_t step, torch::nn::Module& samplingModel) override;
    void finish(torch::nn::Module& model, torch::nn::Module& samplingModel,
                TrainerObserver* observer) override;
    nlohmann::json state() const override;
    void restoreState(const nlohmann::json& state) override;

    /// Trains on share `index` of `count` of the clips (a data-parallel rank). Before the
    /// first step.
    void setShard(int index, int count)
    {
        m_shardIndex = index;
        m_shardCount = count;
    }

    VAE vae() const { return m_vae; }
    /// Where finish() writes the latent cache (runs/vae/latents.safetensors).
    static std::string latentCachePath(const Project& project);
    /// The clips the latent cache holds: up to 2 x dataset.frames frames from each clip's start,
    /// so diffusion can draw windows of dataset.frames, but no more than the shortest of
    /// `clips` has at the dataset's stride (and at least dataset.frames).
    static SampleSpec latentCacheSpec(const Project& project, const DatasetIndex& clips);

private:
    Project m_project;
    DatasetIndex m_train;
    torch::Tensor m_probe; ///< float [P,3,T,H,W] in [-1,1]
    VAE m_vae{nullptr};
    VAELoss m_loss;
    torch::Device m_device{torch::kCPU};
    std::unique_ptr<ClipLoader> m_loader;
    int64_t m_batchesDrawn = 0;
    int m_shardIndex = 0;
    int m_shardCount = 1;
};

} // namespace vd

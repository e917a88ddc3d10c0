// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionObjective.h"
#include "judge/SampleJudge.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "project/Project.h"
#include "project/detail/LatentCache.h"
#include "train/TrainTask.h"

#include <string>
#include <vector>

namespace vd {

/// The diffusion stage for the Trainer. Trains from the latent cache only: each item is a
/// random clip, a random window of dataset.frames frames (or of diffusion.train_frames), a
/// posterior sample z = mean + std * eps, normalized with the VAE's latent normalization. Previews
/// sample one clip per class (up to 4, fixed seed, so previews are comparable across steps) and
/// decode them with the frozen VAE. With sampling.autoguidance, previews and live judgements
/// sample through the run's guide from the step that keeps it (diffusion.guide_at) on.
class DiffusionTask : public TrainTask {
public:
    /// `vae` is frozen (eval, no grad) and already on its device; `labels` names the classes.
    DiffusionTask(const Project& project, VAE vae, LatentCache cache,
                  std::vector<std::string> labels, std::string vaeCheckpoint);

    Stage stage() const override { return Stage::Diffusion; }
    torch::nn::Module& model() override { return *m_denoiser; }
    std::shared_ptr<torch::nn::Module> makeModelCopy() const override;
    void setDevice(const torch::Device& device) override;
    nlohmann::json config() const override;
    TaskLoss loss(int64_t step, at::Generator& generator) override;
    PreviewResult preview(int64_t step, torch::nn::Module& samplingModel) override;
    double guideAt() const override { return m_project.diffusion.guideAt; }

    Denoiser denoiser() const { return m_denoiser; }
    /// Judge the model at the preview steps that are multiples of project.diffusion.judge.every
    /// and at the last one; the figures join the preview's metrics (docs/judge.md).
    void setJudge(std::shared_ptr<const SampleJudge> judge) { m_judge = std::move(judge); }

    /// Latent clips [B,C,T,h,w] (normalized) and their labels for `step`, drawn with
    /// `generator`: T and B follow project.diffusion.train_frames.
    std::pair<torch::Tensor, torch::Tensor> drawBatch(int64_t step, at::Generator& generator) const;

private:
    Project m_project;
    DenoiserConfig m_modelConfig;
    VAE m_vae;
    LatentCache m_cache;
    std::vector<std::string> m_labels;
    std::string m_vaeCheckpoint;
    Denoiser m_denoiser{nullptr};
    DiffusionObjective m_objective;
    torch::Device m_device{torch::kCPU};
    std::shared_ptr<const SampleJudge> m_judge;
    /// sampling.autoguidance's guide once training has kept it (previews before then sample
    /// without it), and the folder it came from.
    Denoiser m_guide{nullptr};
    std::string m_guideCheckpoint;

    /// The guide for this preview: loaded when the run's guide/ folder gained one.
    Denoiser* currentGuide();
};

} // namespace vd

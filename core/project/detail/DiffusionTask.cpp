// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/DiffusionTask.h"

#include "data/ClipLoader.h"
#include "diffusion/Random.h"
#include "project/detail/ProjectJudge.h"
#include "project/detail/TrainedModels.h"
#include "train/Checkpoint.h"
#include "train/Trainer.h"
#include "util/Error.h"

#include <algorithm>

namespace vd {

namespace {

constexpr int kPreviewClasses = 4;

DenoiserConfig withClasses(DenoiserConfig c, size_t labels)
{
    c.numClasses = static_cast<int>(labels);
    return c;
}

} // namespace

DiffusionTask::DiffusionTask(const Project& project, VAE vae, LatentCache cache,
                             std::vector<std::string> labels, std::string vaeCheckpoint)
    : m_project(project), m_modelConfig(withClasses(project.diffusion.model, labels.size())),
      m_vae(std::move(vae)), m_cache(std::move(cache)), m_labels(std::move(labels)),
      m_vaeCheckpoint(std::move(vaeCheckpoint)), m_denoiser(m_modelConfig),
      m_objective(project.diffusion.objective)
{
    if (m_cache.size() == 0) {
        throw Error(ErrorKind::InputData, "the latent cache holds no clips",
                    ErrorCode::FileNotFound);
    }
    if (m_cache.mean.size(1) != m_modelConfig.latentChannels) {
        throw Error(
            ErrorKind::Config,
            "diffusion.model.latent_channels: " + std::to_string(m_modelConfig.latentChannels) +
                " but the VAE gives " + std::to_string(m_cache.mean.size(1)),
            ErrorCode::InvalidValue);
    }
}

std::shared_ptr<torch::nn::Module> DiffusionTask::makeModelCopy() const
{
    return Denoiser(m_modelConfig).ptr();
}

void DiffusionTask::setDevice(const torch::Device& device)
{
    m_device = device;
    m_cache.mean = m_cache.mean.to(device);
    m_cache.logvar = m_cache.logvar.to(device);
    m_cache.labels = m_cache.labels.to(device);
}

nlohmann::json DiffusionTask::config() const
{
    return {{"stage", "diffusion"},
            {"model", m_modelConfig},
            {"objective", m_project.diffusion.objective},
            {"train", m_project.diffusion.train},
            {"sampling", m_project.sampling},
            {"dataset", m_project.dataset},
            {"frames", m_project.dataset.frames},
            {"labels", m_labels},
            {"vae_checkpoint", m_vaeCheckpoint},
            {"latent_cache", m_cache.fingerprint},
            {"clips", m_cache.size()}};
}

std::pair<torch::Tensor, torch::Tensor> DiffusionTask::drawBatch(int64_t step,
                                                                 at::Generator& generator) const
{
    int64_t b = m_project.diffusion.train.batchSize;
    int64_t frames = m_project.dataset.frames;
    const std::vector<int>& lengths = m_project.diffusion.trainFrames;
    if (!lengths.empty()) { // the step decides, so data-parallel ranks agree on the shape
        const int64_t length =
            std::min<int64_t>(frames, lengths[static_cast<size_t>(step) % lengths.size()]);
        b = std::max<int64_t>(1, (b * frames + length / 2) / length);
        frames = length;
    }
    const int64_t cached = m_cache.mean.size(2);
    const int64_t windows = std::max<int64_t>(1, cached - frames + 1);
    const torch::Tensor pick =
        torch::randint(m_cache.size(), {b}, generator, torch::TensorOptions().dtype(torch::kLong));
    const torch::Tensor starts =
        torch::randint(windows, {b}, generator, torch::TensorOptions().dtype(torch::kLong));
    std::vector<torch::Tensor> means, logvars;
    for (int64_t i = 0; i < b; ++i) {
        const int64_t clip = pick[i].item<int64_t>();
        const int64_t start = starts[i].item<int64_t>();
        const int64_t length = std::min(frames, cached - start);
        torch::Tensor m = m_cache.mean[clip].narrow(1, start, length);
        torch::Tensor l = m_cache.logvar[clip].narrow(1, start, length);
        if (length < frames) { // a cache shorter than a window repeats its last frame
            m = torch::cat({m, m.narrow(1, length - 1, 1).expand({-1, frames - length, -1, -1})},
                           1);
            l = torch::cat({l, l.narrow(1, length - 1, 1).expand({-1, frames - length, -1, -1})},
                           1);
        }
        means.push_back(m);
        logvars.push_back(l);
    }
    const LatentDistribution q{torch::stack(means), torch::stack(logvars)};
    torch::Tensor z = m_vae->latentNorm()->normalize(VAEImpl::sample(q, generator));
    return {z, m_cache.labels.index_select(0, pick.to(m_device))};
}

TaskLoss DiffusionTask::loss(int64_t step, at::Generator& generator)
{
    auto [z, labels] = drawBatch(step, generator);
    if (m_modelConfig.numClasses == 0) {
        labels = torch::Tensor();
    }
    // A window shorter than the clips sampled later sits at a random place among their
    // frames, so temporal attention learns every frame position it will meet.
    const int64_t spare = m_project.dataset.frames - z.size(2);
    const int64_t firstFrame =
        spare > 0 ? torch::randint(spare + 1, {1}, generator, torch::kLong).item<int64_t>() : 0;
    const DiffusionLoss l = m_objective.loss(m_denoiser, z, labels, generator, firstFrame);
    TaskLoss out;
    out.total = l.loss;
    out.terms["mse"] = l.perSample.mean().item<double>();
    return out;
}

Denoiser* DiffusionTask::currentGuide()
{
    if (m_project.sampling.autoguidance <= 0.0) {
        return nullptr;
    }
    const std::string runDir = m_project.runDir(Stage::Diffusion);
    const auto saved = Checkpoint::findLatest(Trainer::guideDir(runDir));
    if (saved && *saved != m_guideCheckpoint) {
        m_guide = loadDenoiserCheckpoint(*saved, m_device).denoiser;
        m_guideCheckpoint = *saved;
    }
    return saved ? &m_guide : nullptr;
}

PreviewResult DiffusionTask::preview(int64_t step, torch::nn::Module& samplingModel)
{
    PreviewResult result;
    Denoiser denoiser(std::dynamic_pointer_cast<DenoiserImpl>(samplingModel.shared_from_this()));
    const int classes = std::min<int>(kPreviewClasses, static_cast<int>(m_labels.size()));
    Denoiser* guide = currentGuide();
    for (int c = 0; c < std::max(1, classes); ++c) {
        const GenerateRequest request =
            generateRequestFor(m_project, classes > 0 ? c : -1, 1, m_project.sampling);
        const torch::Tensor video = generateVideos(denoiser, m_project.diffusion.objective, m_vae,
                                                   request, m_device, guide);
        PreviewClip clip;
        clip.stage = Stage::Diffusion;
        clip.step = step;
        clip.kind = "sample";
        clip.label = request.label;
        if (request.label >= 0) {
            clip.labelName = m_labels[static_cast<size_t>(request.label)];
        }
        clip.frames = tensorToFrames(video[0]);
        result.clips.push_back(std::move(clip));
    }
    const JudgeSettings& judge = m_project.diffusion.judge;
    if (m_judge && judge.every > 0 &&
        (step % judge.every == 0 || step == m_project.diffusion.train.steps)) {
        SamplingConfig sampling = m_project.sampling;
        sampling.seed = 4242; // the same noise at every judgement, so curves compare checkpoints
        const JudgeReport report =
            judgeDenoiser(*m_judge, denoiser, m_project.diffusion.objective, m_vae,
                          static_cast<int>(m_labels.size()), m_project, sampling, judge.perClass,
                          m_device, guide);
        for (const auto& [key, value] : judgeMetrics(report)) {
            result.metrics[key] = value;
        }
    }
    return result;
}

} // namespace vd

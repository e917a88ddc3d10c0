// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/SampleGenerator.h"

#include "data/ClipLoader.h"
#include "diffusion/Sampler.h"
#include "project/detail/TrainedModels.h"
#include "train/Checkpoint.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <torch/torch.h>

#include <filesystem>
#include <tuple>

namespace fs = std::filesystem;

namespace vd {

namespace {

/// Thrown from the progress callback to leave the sampler loop between steps.
struct Cancelled {};

/// Mean per-frame pixel std and mean absolute change between consecutive frames of a [3,T,H,W]
/// video in [-1,1], in [0,1] units: the figures the learning test compares against real clips.
std::pair<double, double> clipFigures(const torch::Tensor& video01)
{
    const torch::Tensor& v = video01; // [3,T,H,W]
    const double frameStd = v.permute({1, 0, 2, 3}).flatten(1).std(1).mean().item<double>();
    const double change =
        v.size(1) > 1 ? (v.narrow(1, 1, v.size(1) - 1) - v.narrow(1, 0, v.size(1) - 1))
                            .abs()
                            .mean()
                            .item<double>()
                      : 0.0;
    return {frameStd, change};
}

std::string latestIn(const std::string& runDir)
{
    return Checkpoint::findLatest((fs::path(runDir) / "checkpoints").string()).value_or("");
}

} // namespace

struct SampleGenerator::Impl {
    Project project;
    torch::Device device{torch::kCPU};
    TrainedVAE vae;
    TrainedDenoiser model;
    std::optional<TrainedDenoiser> guide; ///< the run's autoguidance guide, if it kept one

    SampleResult generate(const SampleRequest& request);
    std::string samplerName(const SamplingConfig& sampling) const
    {
        return makeSampler(sampling, model.objective)->name();
    }
};

SampleGenerator::SampleGenerator(const Project& project, const std::string& device,
                                 const std::string& deviceKey)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->project = project;
    m_impl->device = resolveDevice(device, deviceKey);
    translateTorchErrors("sampling: loading the checkpoints", [this, &project] {
        m_impl->vae = loadTrainedVAE(project, m_impl->device);
        m_impl->model = loadTrainedDenoiser(project, m_impl->device);
        m_impl->guide = loadGuideDenoiser(project.runDir(Stage::Diffusion), m_impl->device);
    });
}

SampleGenerator::~SampleGenerator() = default;

const std::vector<std::string>& SampleGenerator::labels() const
{
    return m_impl->model.labels;
}

std::vector<int> SampleGenerator::everyLabel() const
{
    const int classes = static_cast<int>(labels().size());
    std::vector<int> out;
    for (int c = 0; c < classes; ++c) {
        out.push_back(c);
    }
    return classes > 0 ? out : std::vector<int>{-1};
}

int SampleGenerator::frames() const
{
    return m_impl->model.frames;
}

int SampleGenerator::width() const
{
    return m_impl->project.dataset.width;
}

int SampleGenerator::height() const
{
    return m_impl->project.dataset.height;
}

std::string SampleGenerator::objectiveName() const
{
    return vd::objectiveName(m_impl->model.objective.objective);
}

std::vector<std::string> SampleGenerator::samplerNames() const
{
    // makeSampler is the one place that knows which samplers fit which objective.
    std::vector<std::string> names;
    for (const std::string& name : SamplingConfig::samplerNames()) {
        SamplingConfig sampling;
        sampling.sampler = name;
        try {
            makeSampler(sampling, m_impl->model.objective);
            names.push_back(name);
        } catch (const Error&) {
        }
    }
    return names;
}

std::string SampleGenerator::samplerName(const SamplingConfig& sampling) const
{
    return m_impl->samplerName(sampling);
}

const std::string& SampleGenerator::denoiserCheckpoint() const
{
    return m_impl->model.checkpoint;
}

int64_t SampleGenerator::denoiserStep() const
{
    return m_impl->model.step;
}

const std::string& SampleGenerator::vaeCheckpoint() const
{
    return m_impl->vae.checkpoint;
}

int64_t SampleGenerator::vaeStep() const
{
    return m_impl->vae.step;
}

const std::string& SampleGenerator::guideCheckpoint() const
{
    static const std::string none;
    return m_impl->guide ? m_impl->guide->checkpoint : none;
}

int64_t SampleGenerator::guideStep() const
{
    return m_impl->guide ? m_impl->guide->step : -1;
}

std::string SampleGenerator::deviceName() const
{
    return m_impl->device.str();
}

bool SampleGenerator::isCurrent(const Project& project) const
{
    return project.dataset.width == m_impl->project.dataset.width &&
           project.dataset.height == m_impl->project.dataset.height &&
           latestIn(project.runDir(Stage::Diffusion)) == m_impl->model.checkpoint &&
           latestIn(project.runDir(Stage::VAE)) == m_impl->vae.checkpoint;
}

SampleResult SampleGenerator::generate(const SampleRequest& request)
{
    return translateTorchErrors("sampling", [this, &request] { return m_impl->generate(request); });
}

SampleResult SampleGenerator::Impl::generate(const SampleRequest& request)
{
    const int classes = static_cast<int>(model.labels.size());
    if (request.label < -1 || request.label >= classes) {
        throw Error(ErrorKind::Usage,
                    "sample: label " + std::to_string(request.label) + " is out of range (" +
                        (classes > 0 ? std::to_string(classes) + " classes"
                                     : std::string("the model is unconditional")) +
                        ")",
                    ErrorCode::InvalidValue);
    }
    if (request.count < 1) {
        throw Error(ErrorKind::Usage, "sample: count must be at least 1", ErrorCode::InvalidValue);
    }
    validate(request.sampling, "sampling");
    Denoiser* guideModel = nullptr;
    if (request.sampling.autoguidance > 0.0) {
        if (!guide) { // kept since the constructor looked, or the error naming the setting
            guide = loadGuideOrThrow(project, device);
        }
        guideModel = &guide->denoiser;
    }
    SampleResult result;
    result.sampler = samplerName(request.sampling);

    GenerateRequest g;
    g.count = request.count;
    g.label = request.label;
    g.frames = model.frames;
    g.height = project.dataset.height;
    g.width = project.dataset.width;
    g.sampling = request.sampling;
    g.onProgress = [&request](int step, int total) {
        if (request.cancel != nullptr && request.cancel->load()) {
            throw Cancelled{};
        }
        if (request.onProgress) {
            request.onProgress(step, total);
        }
    };
    if (request.cancel != nullptr && request.cancel->load()) {
        result.cancelled = true;
        return result;
    }
    torch::Tensor videos;
    try {
        videos = generateVideos(model.denoiser, model.objective, vae.vae, g, device, guideModel);
    } catch (const Cancelled&) {
        result.cancelled = true;
        return result;
    }
    torch::NoGradGuard noGrad;
    const std::string name =
        request.label >= 0 ? model.labels[static_cast<size_t>(request.label)] : "sample";
    for (int i = 0; i < request.count; ++i) {
        SampleClip clip;
        clip.frames = tensorToFrames(videos[i]);
        clip.label = request.label;
        clip.labelName = name;
        clip.index = i;
        const torch::Tensor video01 = (videos[i].to(torch::kFloat) + 1.0) * 0.5;
        std::tie(clip.frameStd, clip.frameChange) = clipFigures(video01);
        clip.temporal = computeTemporalStats(video01);
        result.clips.push_back(std::move(clip));
    }
    return result;
}

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/TrainedModels.h"

#include "diffusion/Random.h"
#include "diffusion/Sampler.h"
#include "diffusion/SelfConditioning.h"
#include "train/Checkpoint.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Safetensors.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace vd {

namespace {

/// Loads ema.safetensors when present and wanted, else model.safetensors. True for EMA.
bool loadWeights(const std::string& dir, torch::nn::Module& module, bool preferEMA)
{
    const fs::path ema = fs::path(dir) / Checkpoint::kEMAFile;
    const bool useEMA = preferEMA && fs::exists(ema);
    const std::string path =
        useEMA ? ema.string() : (fs::path(dir) / Checkpoint::kModelFile).string();
    const TensorShapes expected = SafetensorsFile::shapesOf(module);
    SafetensorsFile::open(path, &expected).loadInto(module);
    return useEMA;
}

const nlohmann::json& configPart(const CheckpointInfo& info, const char* key)
{
    if (!info.config.is_object() || !info.config.contains(key)) {
        throw Error(ErrorKind::InputData,
                    info.path + ": the checkpoint's config has no '" + key + "'",
                    ErrorCode::CorruptHeader);
    }
    return info.config.at(key);
}

std::string latestOrThrow(const std::string& runDir, const char* what, const char* command)
{
    const auto latest = Checkpoint::findLatest((fs::path(runDir) / "checkpoints").string());
    if (!latest) {
        throw Error(ErrorKind::InputData,
                    runDir + ": no " + std::string(what) + " checkpoint; run " + command + " first",
                    ErrorCode::FileNotFound);
    }
    return *latest;
}

} // namespace

TrainedVAE loadVAECheckpoint(const std::string& checkpointDir, const torch::Device& device,
                             bool preferEMA)
{
    const CheckpointInfo info = Checkpoint::readInfo(checkpointDir);
    TrainedVAE out;
    out.vae = VAE(vaeConfigFromJson(configPart(info, "model"), "model"));
    out.ema = loadWeights(checkpointDir, *out.vae, preferEMA);
    out.vae->to(device);
    out.vae->eval();
    out.checkpoint = checkpointDir;
    out.step = info.step;
    return out;
}

TrainedVAE loadTrainedVAE(const Project& project, const torch::Device& device, bool preferEMA)
{
    return loadVAECheckpoint(latestOrThrow(project.runDir(Stage::VAE), "VAE", "train-vae"), device,
                             preferEMA);
}

TrainedDenoiser loadDenoiserCheckpoint(const std::string& checkpointDir,
                                       const torch::Device& device, bool preferEMA)
{
    const CheckpointInfo info = Checkpoint::readInfo(checkpointDir);
    TrainedDenoiser out;
    out.denoiser = Denoiser(denoiserConfigFromJson(configPart(info, "model"), "model"));
    out.objective = diffusionConfigFromJson(configPart(info, "objective"), "objective");
    out.labels = info.config.value("labels", std::vector<std::string>{});
    out.frames = info.config.value("frames", 8);
    out.ema = loadWeights(checkpointDir, *out.denoiser, preferEMA);
    out.denoiser->to(device);
    out.denoiser->eval();
    out.checkpoint = checkpointDir;
    out.step = info.step;
    return out;
}

TrainedDenoiser loadTrainedDenoiser(const Project& project, const torch::Device& device)
{
    return loadDenoiserCheckpoint(
        latestOrThrow(project.runDir(Stage::Diffusion), "diffusion", "train-diffusion"), device);
}

std::optional<TrainedDenoiser> loadGuideDenoiser(const std::string& runDir,
                                                 const torch::Device& device)
{
    const auto saved = Checkpoint::findLatest(Trainer::guideDir(runDir));
    if (!saved) {
        return std::nullopt;
    }
    return loadDenoiserCheckpoint(*saved, device);
}

TrainedDenoiser loadGuideOrThrow(const Project& project, const torch::Device& device)
{
    const std::string runDir = project.runDir(Stage::Diffusion);
    auto guide = loadGuideDenoiser(runDir, device);
    if (!guide) {
        throw Error(ErrorKind::InputData,
                    "sampling.autoguidance: " + Trainer::guideDir(runDir) +
                        " holds no guide checkpoint (training keeps one with diffusion.guide_at "
                        "> 0 once it passes that share of its steps); set autoguidance to 0 or "
                        "train further",
                    ErrorCode::FileNotFound);
    }
    return std::move(*guide);
}

GenerateRequest generateRequestFor(const Project& project, int label, int count,
                                   const SamplingConfig& sampling)
{
    GenerateRequest request;
    request.count = count;
    request.label = label;
    request.frames = project.dataset.frames;
    request.height = project.dataset.height;
    request.width = project.dataset.width;
    request.sampling = sampling;
    return request;
}

torch::Tensor generateVideos(Denoiser& denoiser, const DiffusionConfig& objective, VAE& vae,
                             const GenerateRequest& request, const torch::Device& device,
                             Denoiser* guide)
{
    torch::NoGradGuard noGrad;
    const int f = vae->config().downsampleFactor();
    const int64_t c = denoiser->config().latentChannels;
    const std::vector<int64_t> shape{request.count, c, request.frames, request.height / f,
                                     request.width / f};
    auto sampler = makeSampler(request.sampling, objective);
    SamplerOptions options;
    options.steps = request.sampling.steps;
    options.guidanceScale = request.sampling.guidanceScale;
    options.guidanceFrom = request.sampling.guidanceFrom;
    options.guidanceTo = request.sampling.guidanceTo;
    options.labels = torch::full({request.count}, request.label, torch::kLong).to(device);
    options.onProgress = request.onProgress;
    at::Generator generator = makeGenerator(request.sampling.seed);
    const DenoiseFn fn = samplingFn(denoiser);
    if (guide != nullptr && !guide->is_empty() && request.sampling.autoguidance > 0.0) {
        options.guide = samplingFn(*guide);
        options.guideWeight = request.sampling.autoguidance;
    }
    const torch::Tensor z =
        sampler->sample(fn, shape, options, generator, torch::TensorOptions().device(device));
    // Decode frame batches of bounded size so long clips do not exhaust memory.
    const torch::Tensor latents = vae->latentNorm()->denormalize(z);
    std::vector<torch::Tensor> videos;
    for (int64_t i = 0; i < request.count; ++i) {
        videos.push_back(vae->decode(latents.narrow(0, i, 1)).clamp(-1.0, 1.0).to(torch::kCPU));
    }
    return torch::cat(videos);
}

} // namespace vd

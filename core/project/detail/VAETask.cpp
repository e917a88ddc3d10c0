// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/VAETask.h"

#include "inspect/BlobDetector.h"
#include "inspect/LatentStats.h"
#include "project/detail/LatentCache.h"
#include "project/detail/ReconstructionMetrics.h"
#include "train/MetricNames.h"
#include "util/Error.h"
#include "util/Log.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace vd {

namespace {

constexpr int kProbeClips = 4;

/// Up to `count` clips of `spec` from the start of `index` (deterministic), as [P,3,T,H,W].
torch::Tensor loadProbe(const DatasetIndex& index, SampleSpec spec, int count)
{
    spec.randomStart = false;
    spec.randomFlip = false;
    std::vector<torch::Tensor> clips;
    for (const ClipEntry& clip : index.clips()) {
        if (static_cast<int>(clips.size()) >= count) {
            break;
        }
        try {
            clips.push_back(framesToTensor(sampleClip(clip, spec, 0)));
        } catch (const Error& e) {
            log::get("train")->warn("probe clip skipped: {}", e.what());
        }
    }
    return clips.empty() ? torch::Tensor() : torch::stack(clips);
}

/// [B,3,T,H,W] -> frames side by side: input | reconstruction, as uint8 [T,H,2W,3] per clip.
FrameStack sideBySide(const torch::Tensor& input, const torch::Tensor& output)
{
    return tensorToFrames(torch::cat({input, output}, /*dim=*/3).to(torch::kCPU));
}

/// A random size x size window of each sample of [N,C,T,H,W], its offset drawn (on the CPU)
/// from the training generator, so a seeded run crops the same way every time.
torch::Tensor randomCrops(const torch::Tensor& x, int64_t size, at::Generator& generator)
{
    const int64_t h = x.size(3), w = x.size(4);
    if (size >= h && size >= w) {
        return x;
    }
    const auto cpuLong = torch::TensorOptions().dtype(torch::kLong);
    const torch::Tensor ys = torch::randint(0, h - size + 1, {x.size(0)}, generator, cpuLong);
    const torch::Tensor xs = torch::randint(0, w - size + 1, {x.size(0)}, generator, cpuLong);
    std::vector<torch::Tensor> crops;
    crops.reserve(static_cast<size_t>(x.size(0)));
    for (int64_t i = 0; i < x.size(0); ++i) {
        crops.push_back(
            x[i].narrow(2, ys[i].item<int64_t>(), size).narrow(3, xs[i].item<int64_t>(), size));
    }
    return torch::stack(crops);
}

std::string tensorSummary(const torch::Tensor& v)
{
    std::string out = "[";
    const torch::Tensor c = v.to(torch::kCPU, torch::kDouble).contiguous();
    for (int64_t i = 0; i < c.numel(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.3g", i ? ", " : "", c.data_ptr<double>()[i]);
        out += buf;
    }
    return out + "]";
}

/// Live blob monitoring (see docs/blobs.md): latent statistics of the probe clips as metrics,
/// and a warning when the detector calls blobs.
void monitorLatents(int64_t step, const torch::Tensor& latents, const BlobDetectorConfig& detector,
                    std::map<std::string, double>& out)
{
    const torch::Tensor z = latents.to(torch::kCPU);
    const LatentStats stats = computeLatentStats(z);
    const BlobReport blobs = BlobDetector(detector).detect(z);
    double maxZ = 0.0;
    double maxKurtosis = -3.0;
    for (const ChannelStats& c : stats.channelStats) {
        maxZ = std::max(maxZ, c.maxAbsZ);
        maxKurtosis = std::max(maxKurtosis, c.excessKurtosis);
    }
    double maxScore = 0.0;
    for (const ChannelBlobSummary& c : blobs.channels) {
        out[metric::kBlobScoreChannelPrefix + std::to_string(c.channel)] = c.score;
        maxScore = std::max(maxScore, c.score);
    }
    out[metric::kBlobScoreMax] = maxScore;
    out[metric::kLatentMaxAbsZ] = maxZ;
    out[metric::kLatentKurtosisMax] = maxKurtosis;
    if (blobs.verdict == BlobVerdict::Blobs) {
        log::get("train")->warn("step {}: latent blobs: {}", step, blobs.reason);
    }
}

} // namespace

VAETask::VAETask(const Project& project, DatasetIndex train, DatasetIndex probe)
    : m_project(project), m_train(std::move(train)), m_vae(project.vae.model),
      m_loss(project.vae.loss)
{
    if (m_train.clips().empty()) {
        throw Error(ErrorKind::InputData, m_project.datasetRoot() + ": no usable clips to train on",
                    ErrorCode::FileNotFound);
    }
    const DatasetIndex& probeSource = probe.clips().empty() ? m_train : probe;
    m_probe = loadProbe(probeSource, sampleSpecFor(m_project.dataset, m_project.dataset.frames),
                        kProbeClips);
}

std::string VAETask::latentCachePath(const Project& project)
{
    return (std::filesystem::path(project.runDir(Stage::VAE)) / "latents.safetensors").string();
}

SampleSpec VAETask::latentCacheSpec(const Project& project, const DatasetIndex& clips)
{
    // A clip shorter than the span repeats its last frame: 16-frame clips cached as 32 frames
    // made half of the small preset's training windows (partly) frozen, still clips to learn.
    const int frames = project.dataset.frames;
    SampleSpec spec = sampleSpecFor(project.dataset, 2 * frames);
    int64_t shortest = spec.frames;
    for (const ClipEntry& clip : clips.clips()) {
        if (clip.info.frames > 0) {
            const int64_t stride = effectiveStride(clip, spec);
            shortest = std::min(shortest, (clip.info.frames - 1) / stride + 1);
        }
    }
    spec.frames = static_cast<int>(std::max<int64_t>(frames, shortest));
    return spec;
}

std::shared_ptr<torch::nn::Module> VAETask::makeModelCopy() const
{
    return VAE(m_project.vae.model).ptr();
}

void VAETask::setDevice(const torch::Device& device)
{
    m_device = device;
}

nlohmann::json VAETask::config() const
{
    return {{"stage", "vae"},
            {"model", m_project.vae.model},
            {"loss", m_project.vae.loss},
            {"train", m_project.vae.train},
            {"frames_per_clip", m_project.vae.framesPerClip},
            {"dataset", m_project.dataset},
            {"clips", m_train.clips().size()}};
}

TaskLoss VAETask::loss(int64_t step, at::Generator& generator)
{
    if (!m_loader) {
        LoaderOptions options;
        options.batchSize = m_project.vae.train.batchSize;
        // A dataset smaller than the batch (a first try on a few clips) trains on all of its
        // clips per step instead of stopping with "too few clips for one batch".
        const int clips = static_cast<int>(m_train.clips().size());
        if (clips > 0 && clips < options.batchSize) {
            log::get("train")->warn("VAE batch of {} clips reduced to the {} training clips",
                                    options.batchSize, clips);
            options.batchSize = clips;
        }
        options.workers = m_project.dataset.workers;
        // A resumed run starts a new data order instead of repeating the first batches.
        options.seed = m_project.vae.train.seed * 7919 + static_cast<uint64_t>(step);
        options.spec = sampleSpecFor(m_project.dataset, m_project.vae.framesPerClip);
        options.shardIndex = m_shardIndex;
        options.shardCount = m_shardCount;
        options.pinMemory = m_device.is_cuda();
        m_loader = std::make_unique<ClipLoader>(m_train, options);
    }
    const auto waitStart = std::chrono::steady_clock::now();
    std::optional<Batch> batch = m_loader->next();
    const double waitMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - waitStart)
            .count();
    if (!batch) {
        throw Error(ErrorKind::InputData,
                    m_project.datasetRoot() + ": too few clips could be decoded for one batch",
                    ErrorCode::DecodeFailed);
    }
    ++m_batchesDrawn;
    torch::Tensor x = batch->video.to(m_device, /*non_blocking=*/true);
    if (!m_project.vae.model.decoderTemporal && x.size(2) > 1) {
        // A per-frame VAE sees every frame as its own sample: [B,3,T,H,W] -> [B*T,3,1,H,W].
        x = x.permute({0, 2, 1, 3, 4}).reshape({-1, x.size(1), 1, x.size(3), x.size(4)});
    }
    if (m_project.vae.crop > 0) {
        x = randomCrops(x, m_project.vae.crop, generator);
    }
    const VAEOutput out = m_vae->forward(x, true, generator, m_project.vae.loss.latentNoise);
    VAELossResult l = m_loss(x, out, step);
    return TaskLoss{l.total, std::move(l.terms), waitMs};
}

PreviewResult VAETask::preview(int64_t step, torch::nn::Module& samplingModel)
{
    PreviewResult result;
    if (!m_probe.defined()) {
        return result;
    }
    auto* vae = dynamic_cast<VAEImpl*>(&samplingModel);
    const torch::Tensor input = m_probe.to(m_device);
    const torch::Tensor output =
        vae->forward(input, /*samplePosterior=*/false).reconstruction.clamp(-1.0, 1.0);
    result.metrics[metric::kProbePsnr] = psnrDb(input, output);
    monitorLatents(step, vae->encode(input).mean, m_project.inspect.blobs, result.metrics);
    for (int64_t i = 0; i < input.size(0); ++i) {
        PreviewClip clip;
        clip.stage = Stage::VAE;
        clip.step = step;
        clip.kind = "reconstruction";
        clip.frames = sideBySide(input[i], output[i]);
        result.clips.push_back(std::move(clip));
    }
    return result;
}

void VAETask::finish(torch::nn::Module& model, torch::nn::Module& samplingModel,
                     TrainerObserver* observer)
{
    auto logger = log::get("train");
    VAE sampling(std::dynamic_pointer_cast<VAEImpl>(samplingModel.shared_from_this()));
    const SampleSpec spec = latentCacheSpec(m_project, m_train);
    logger->info("encoding {} training clips for the latent normalization and cache",
                 m_train.clips().size());
    LatentCache cache =
        LatentCache::build(sampling, m_train, spec, m_device, m_project.dataset.workers);

    // Calibrate on posterior samples, as the diffusion stage will draw them.
    LatentNorm norm = sampling->latentNorm();
    norm->reset();
    torch::NoGradGuard noGrad;
    for (int64_t i = 0; i < cache.size(); i += 32) {
        const int64_t n = std::min<int64_t>(32, cache.size() - i);
        const LatentDistribution q{cache.mean.narrow(0, i, n), cache.logvar.narrow(0, i, n)};
        norm->accumulate(VAEImpl::sample(q));
    }
    norm->finish();
    // Both weight files carry the same normalization.
    auto* raw = dynamic_cast<VAEImpl*>(&model);
    if (raw != sampling.get()) {
        raw->latentNorm()->channelMean().copy_(norm->channelMean());
        raw->latentNorm()->channelStd().copy_(norm->channelStd());
    }
    logger->info("latent normalization: mean {} std {}", tensorSummary(norm->channelMean()),
                 tensorSummary(norm->channelStd()));
    cache.save(latentCachePath(m_project));
    logger->info("latent cache written: {}", latentCachePath(m_project));
    if (observer) {
        observer->onLog(spdlog::level::info, "latent cache written: " + latentCachePath(m_project));
    }
}

nlohmann::json VAETask::state() const
{
    return {{"batches", m_batchesDrawn}};
}

void VAETask::restoreState(const nlohmann::json& state)
{
    m_batchesDrawn = state.value("batches", int64_t(0));
}

} // namespace vd

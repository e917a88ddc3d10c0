// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/ClipInspector.h"

#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "inspect/BlobDetector.h"
#include "inspect/ErrorMap.h"
#include "inspect/LatentStats.h"
#include "inspect/TemporalStats.h"
#include "project/Project.h"
#include "project/detail/InputClip.h"
#include "project/detail/ReconstructionMetrics.h"
#include "project/detail/TrainedModels.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <torch/torch.h>

#include <algorithm>

namespace vd {

namespace {

/// A contiguous CPU float32 tensor as a vector.
std::vector<float> toFloats(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

} // namespace

bool ClipInspection::normCalibrated() const
{
    for (size_t c = 0; c < normMean.size() && c < normStd.size(); ++c) {
        if (normMean[c] != 0.0F || normStd[c] != 1.0F) {
            return true;
        }
    }
    return false;
}

const float* ClipInspection::latentMap(int64_t channel, int64_t frame) const
{
    const int64_t plane = latentShape.height * latentShape.width;
    return latents.data() + (channel * latentShape.frames + frame) * plane;
}

const float* ClipInspection::errorMap(int frame) const
{
    return errorMaps.data() + static_cast<size_t>(frame) * input.width * input.height;
}

struct ClipInspector::Impl {
    BlobDetectorConfig detector; ///< the project's inspect.blobs
    std::string datasetRoot;
    DatasetSettings dataset;
    torch::Device device{torch::kCPU};
    TrainedVAE vae;
    int64_t modelRuns = 0;

    /// The model outputs of the last clip, reused when the same clip is asked for again.
    struct Encoded {
        std::string path;
        int start = -1;
        int frames = -1;
        torch::Tensor video;          ///< [3,T,H,W] CPU float, [-1,1]
        torch::Tensor reconstruction; ///< [3,T,H,W] CPU float, clamped to [-1,1]
        torch::Tensor mean;           ///< [C,T,h,w] CPU float, raw posterior mean
        torch::Tensor logvar;         ///< [C,T,h,w]
        ClipInspection base;          ///< the fields that do not depend on normalization
    };
    Encoded last;

    void encode(const std::string& path, int start, int frames);
    ClipInspection inspect(const ClipRequest& request);
    TemporalReference datasetTemporalReference(int maxClips, int frames) const;
};

void ClipInspector::Impl::encode(const std::string& path, int start, int frames)
{
    if (last.video.defined() && last.path == path && last.start == start &&
        last.frames == frames) {
        return;
    }
    last = Encoded{};
    const torch::Tensor video = readInputClip(path, dataset, start, frames);

    // Posterior mean and logvar, and the decoded mean: what the diffusion stage sees and what
    // the user sees.
    torch::NoGradGuard noGrad;
    const LatentDistribution posterior = vae.vae->encode(video.unsqueeze(0).to(device));
    const torch::Tensor reconstruction =
        vae.vae->decode(posterior.mean).clamp(-1.0, 1.0).to(torch::kCPU, torch::kFloat32)[0];
    ++modelRuns;
    const torch::Tensor latents = posterior.mean.to(torch::kCPU, torch::kFloat32)[0]; // [C,T,h,w]
    const torch::Tensor logvar = posterior.logvar.to(torch::kCPU, torch::kFloat32)[0];
    if (!torch::isfinite(latents).all().item<bool>() ||
        !torch::isfinite(reconstruction).all().item<bool>()) {
        throw Error(ErrorKind::Runtime,
                    "inspect: the VAE of " + vae.checkpoint +
                        " produced NaN or infinite values; the checkpoint is unusable",
                    ErrorCode::NonFinite);
    }

    ClipInspection& b = last.base;
    b.checkpoint = vae.checkpoint;
    b.step = vae.step;
    b.ema = vae.ema;
    b.videoPath = path;
    b.start = start;
    b.framesRequested = frames;
    b.input = tensorToFrames(video);
    b.reconstruction = tensorToFrames(reconstruction);
    const ReconstructionErrorReport error = analyzeReconstruction(video, reconstruction);
    b.errorMaps = toFloats(error.errorMap);
    b.error = error; // the summary part
    b.psnrDb = psnrDb(video, reconstruction);
    b.inputTemporal = computeTemporalStats(video);
    b.reconstructionTemporal = computeTemporalStats(reconstruction);
    b.latentShape = {latents.size(0), latents.size(1), latents.size(2), latents.size(3)};
    b.normMean = toFloats(vae.vae->latentNorm()->channelMean());
    b.normStd = toFloats(vae.vae->latentNorm()->channelStd());

    last.path = path;
    last.start = start;
    last.frames = frames;
    last.video = video;
    last.reconstruction = reconstruction;
    last.mean = latents;
    last.logvar = logvar;
}

ClipInspector::ClipInspector(const Project& project, const std::string& checkpointDir,
                             const std::string& device, bool preferEMA)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->dataset = project.dataset;
    m_impl->detector = project.inspect.blobs;
    m_impl->datasetRoot = project.datasetRoot();
    m_impl->device = resolveDevice(device, "device");
    m_impl->vae = translateTorchErrors("inspect: loading the VAE", [&] {
        return checkpointDir.empty() ? loadTrainedVAE(project, m_impl->device, preferEMA)
                                     : loadVAECheckpoint(checkpointDir, m_impl->device, preferEMA);
    });
}

ClipInspector::~ClipInspector() = default;
ClipInspector::ClipInspector(ClipInspector&& other) noexcept = default;
ClipInspector& ClipInspector::operator=(ClipInspector&& other) noexcept = default;

const std::string& ClipInspector::checkpoint() const
{
    return m_impl->vae.checkpoint;
}

int64_t ClipInspector::step() const
{
    return m_impl->vae.step;
}

bool ClipInspector::ema() const
{
    return m_impl->vae.ema;
}

std::string ClipInspector::device() const
{
    return m_impl->device.str();
}

int64_t ClipInspector::modelRuns() const
{
    return m_impl->modelRuns;
}

ClipInspection ClipInspector::inspect(const ClipRequest& request)
{
    return translateTorchErrors("inspect: " + request.videoPath,
                                [this, &request] { return m_impl->inspect(request); });
}

ClipInspection ClipInspector::Impl::inspect(const ClipRequest& request)
{
    const int frames = request.frames > 0 ? request.frames : dataset.frames;
    encode(request.videoPath, std::max(request.start, 0), frames);
    const Encoded& e = last;

    torch::NoGradGuard noGrad;
    torch::Tensor latents = e.mean;
    torch::Tensor logvar = e.logvar;
    if (request.normalized) {
        // normalize() works on [B,C,...]; the log-variance of (z - m) / s is logvar - 2 log s.
        const LatentNorm norm = vae.vae->latentNorm();
        latents = norm->normalize(latents.unsqueeze(0).to(device))
                      .to(torch::kCPU, torch::kFloat32)[0]
                      .contiguous();
        const torch::Tensor logStd =
            norm->channelStd().to(torch::kCPU, torch::kFloat32).log().view({-1, 1, 1, 1});
        logvar = (logvar - 2.0 * logStd).contiguous();
    }

    ClipInspection out = e.base;
    out.normalized = request.normalized;
    out.latents = toFloats(latents);
    out.logVariance = toFloats(logvar);
    const LatentStats stats = computeLatentStats(latents, logvar);
    out.channelStats = stats.channelStats;
    out.highFreqShareWhiteNoise = stats.highFreqShareWhiteNoise;
    out.blobs = BlobDetector(detector).detect(latents);
    return out;
}

const BlobDetectorConfig& ClipInspector::detectorConfig() const
{
    return m_impl->detector;
}

} // namespace vd

namespace vd {

TemporalReference ClipInspector::datasetTemporalReference(int maxClips, int frames) const
{
    return translateTorchErrors("inspect: measuring the dataset's motion",
                                [&] { return m_impl->datasetTemporalReference(maxClips, frames); });
}

TemporalReference ClipInspector::Impl::datasetTemporalReference(int maxClips, int frames) const
{
    const DatasetIndex index = DatasetIndex::scan(datasetRoot);
    const auto& clips = index.clips();
    std::vector<torch::Tensor> videos;
    const size_t wanted = std::min(clips.size(), static_cast<size_t>(std::max(0, maxClips)));
    for (size_t i = 0; i < wanted; ++i) {
        const ClipEntry& clip = clips[i * clips.size() / wanted];
        try {
            videos.push_back(readInputClip(clip.info.path, dataset, 0, frames));
        } catch (const Error&) {
            // A clip that cannot be read does not describe real motion; skip it.
        }
    }
    if (videos.empty()) {
        return {};
    }
    return temporalReference(videos);
}

} // namespace vd

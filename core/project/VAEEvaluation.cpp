// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/VAEEvaluation.h"

#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "inspect/BlobDetector.h"
#include "project/DatasetSplit.h"
#include "project/detail/ReconstructionMetrics.h"
#include "project/detail/TrainedModels.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <algorithm>

namespace vd {

namespace {

VAEEvaluation evaluate(const Project& project, const VAEEvaluationOptions& options)
{
    const torch::Device device = resolveDevice(options.device, options.deviceKey);
    TrainedVAE vae = loadTrainedVAE(project, device, options.preferEMA);

    const bool folder = !options.dataDir.empty();
    DatasetIndex clips =
        folder ? DatasetIndex::scan(options.dataDir)
               : splitDataset(DatasetIndex::scan(project.datasetRoot()), project.dataset.heldOut)
                     .heldOut;
    VAEEvaluation out;
    out.checkpoint = vae.checkpoint;
    out.step = vae.step;
    out.ema = vae.ema;
    out.source = folder ? options.dataDir : "held-out clips";
    out.frames = project.dataset.frames;
    if (clips.clips().size() > static_cast<size_t>(std::max(1, options.maxClips))) {
        int n = 0;
        clips = clips.filtered([&](const ClipEntry&) { return n++ < options.maxClips; });
    }
    if (clips.clips().empty()) {
        throw Error(ErrorKind::InputData,
                    "eval-vae: no clips to evaluate (" + out.source +
                        "); pass --data DIR or raise dataset.held_out",
                    ErrorCode::FileNotFound);
    }
    LoaderOptions loaderOptions;
    loaderOptions.batchSize = 1;
    loaderOptions.workers = project.dataset.workers;
    loaderOptions.shuffle = false;
    loaderOptions.dropLast = false;
    loaderOptions.epochs = 1;
    loaderOptions.spec = sampleSpecFor(project.dataset, project.dataset.frames);
    loaderOptions.spec.randomStart = false;
    loaderOptions.spec.randomFlip = false;
    ClipLoader loader(clips, loaderOptions);
    torch::NoGradGuard noGrad;
    double psnrSum = 0.0;
    double ssimSum = 0.0;
    double mseSum = 0.0;
    std::vector<torch::Tensor> latents;
    while (auto batch = loader.next()) {
        const torch::Tensor x = batch->video.to(device);
        const VAEOutput y = vae.vae->forward(x, false);
        const torch::Tensor reconstruction = y.reconstruction.clamp(-1.0, 1.0);
        ClipReconstruction clip;
        clip.path = clips.clips()[static_cast<size_t>(batch->clipIndices[0])].path;
        clip.psnrDb = psnrDb(x, reconstruction);
        clip.ssim = ssim(x, reconstruction);
        clip.mse =
            (x.to(torch::kFloat) - reconstruction.to(torch::kFloat)).square().mean().item<double>();
        mseSum += clip.mse;
        psnrSum += clip.psnrDb;
        ssimSum += clip.ssim;
        out.perClip.push_back(std::move(clip));
        latents.push_back(y.mean.to(torch::kCPU, torch::kFloat));
    }
    out.clips = static_cast<int>(out.perClip.size());
    if (out.clips == 0) {
        throw Error(ErrorKind::InputData, "eval-vae: none of the clips could be decoded",
                    ErrorCode::DecodeFailed);
    }
    out.psnrDb = psnrSum / out.clips;
    out.ssim = ssimSum / out.clips;
    out.mse = mseSum / out.clips; // clips are the same size: the mean over every pixel
    // One detector call over every clip's latents, as the training monitor does over its probe
    // clips: channel statistics of all of them together.
    const BlobReport blobs = BlobDetector(project.inspect.blobs).detect(torch::cat(latents));
    for (const ChannelBlobSummary& c : blobs.channels) {
        out.blobScore = std::max(out.blobScore, c.score);
    }
    out.blobVerdict = blobVerdictName(blobs.verdict);
    return out;
}

} // namespace

VAEEvaluation evaluateVAE(const Project& project, const VAEEvaluationOptions& options)
{
    return translateTorchErrors("eval-vae", [&] { return evaluate(project, options); });
}

} // namespace vd

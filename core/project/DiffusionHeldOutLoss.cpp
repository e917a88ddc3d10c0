// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/DiffusionHeldOutLoss.h"

#include "data/DatasetIndex.h"
#include "diffusion/DiffusionObjective.h"
#include "diffusion/Random.h"
#include "project/DatasetSplit.h"
#include "project/detail/LatentCache.h"
#include "project/detail/TrainedModels.h"
#include "project/detail/VAETask.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <torch/torch.h>

#include <algorithm>

namespace vd {

namespace {

DiffusionHeldOutLoss measure(const Project& project, const DiffusionHeldOutLossOptions& options)
{
    const torch::Device device = resolveDevice(options.device, "device");
    TrainedDenoiser denoiser = loadTrainedDenoiser(project, device);
    TrainedVAE vae = loadTrainedVAE(project, device);
    DatasetIndex clips =
        splitDataset(DatasetIndex::scan(project.datasetRoot()), project.dataset.heldOut).heldOut;
    if (clips.clips().size() > static_cast<size_t>(std::max(1, options.maxClips))) {
        int n = 0;
        clips = clips.filtered([&](const ClipEntry&) { return n++ < options.maxClips; });
    }
    if (clips.clips().empty()) {
        throw Error(ErrorKind::InputData,
                    "held-out diffusion loss: no held-out clips; raise dataset.held_out",
                    ErrorCode::FileNotFound);
    }
    torch::NoGradGuard noGrad;
    const LatentCache latents = LatentCache::build(
        vae.vae, clips, VAETask::latentCacheSpec(project, clips), device, project.dataset.workers);
    // The posterior mean, normalised as training normalises its latents: no sampling noise of
    // the VAE's own, so only the objective's draws vary.
    const torch::Tensor x0 = vae.vae->latentNorm()->normalize(latents.mean.to(device));
    torch::Tensor labels;
    if (denoiser.denoiser->config().numClasses > 0 && latents.labels.defined()) {
        labels = latents.labels.to(device);
    }
    const DiffusionObjective objective(denoiser.objective);
    Denoiser& model = denoiser.denoiser;
    // A self-conditioned model is scored without an estimate (zeros), as at its first sampling
    // step: one pass, and the same draws decide the figure whatever the model saw before.
    const DenoiseFn fn = [&](const torch::Tensor& x, const torch::Tensor& t,
                             const torch::Tensor& y) { return model->forward(x, t, y); };
    constexpr int64_t kBatch = 8;
    double sum = 0.0;
    int64_t count = 0;
    const int draws = std::max(1, options.draws);
    for (int d = 0; d < draws; ++d) {
        at::Generator generator = makeGenerator(options.seed + static_cast<uint64_t>(d));
        for (int64_t start = 0; start < x0.size(0); start += kBatch) {
            const int64_t n = std::min(kBatch, x0.size(0) - start);
            const DiffusionLoss l =
                objective.loss(fn, x0.narrow(0, start, n),
                               labels.defined() ? labels.narrow(0, start, n) : labels, generator);
            sum += l.perSample.sum().item<double>();
            count += n;
        }
    }
    DiffusionHeldOutLoss out;
    out.loss = sum / static_cast<double>(count);
    out.clips = static_cast<int>(x0.size(0));
    out.draws = draws;
    out.checkpoint = denoiser.checkpoint;
    return out;
}

} // namespace

DiffusionHeldOutLoss evaluateDiffusionHeldOutLoss(const Project& project,
                                                  const DiffusionHeldOutLossOptions& options)
{
    return translateTorchErrors("held-out diffusion loss",
                                [&] { return measure(project, options); });
}

} // namespace vd

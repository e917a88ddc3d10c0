// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionConfig.h"
#include "diffusion/SamplingConfig.h"
#include "media/VideoInfo.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "project/Project.h"

#include <torch/torch.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vd {

/// A trained VAE ready for inference (eval mode, on its device).
struct TrainedVAE {
    VAE vae{nullptr};
    std::string checkpoint; ///< the step-N folder it came from
    int64_t step = 0;
    bool ema = false; ///< the EMA weights were loaded
};

/// A trained denoiser ready for sampling, with the settings of its run.
struct TrainedDenoiser {
    Denoiser denoiser{nullptr};
    DiffusionConfig objective;
    std::vector<std::string> labels; ///< class names by label index (empty: unconditional)
    int frames = 8;                  ///< clip length it was trained on
    std::string checkpoint;
    int64_t step = 0;
    bool ema = false;
};

/// Loads a VAE from a checkpoint folder (step-N), its architecture from the checkpoint's own
/// config, the EMA weights when saved (unless `preferEMA` is false). Throws vd::Error(InputData)
/// for a damaged checkpoint.
TrainedVAE loadVAECheckpoint(const std::string& checkpointDir, const torch::Device& device,
                             bool preferEMA = true);
/// The newest checkpoint of the project's VAE run. Throws vd::Error(InputData, FileNotFound)
/// "…: no VAE checkpoint; run train-vae first" when there is none.
TrainedVAE loadTrainedVAE(const Project& project, const torch::Device& device,
                          bool preferEMA = true);

TrainedDenoiser loadDenoiserCheckpoint(const std::string& checkpointDir,
                                       const torch::Device& device, bool preferEMA = true);
TrainedDenoiser loadTrainedDenoiser(const Project& project, const torch::Device& device);

/// The autoguidance guide that training kept in `runDir`'s guide/ folder (diffusion.guide_at),
/// or nullopt when there is none (yet).
std::optional<TrainedDenoiser> loadGuideDenoiser(const std::string& runDir,
                                                 const torch::Device& device);
/// The guide of the project's diffusion run, for sampling.autoguidance > 0. Throws
/// vd::Error(InputData, FileNotFound) naming sampling.autoguidance and the folder when the run
/// kept none.
TrainedDenoiser loadGuideOrThrow(const Project& project, const torch::Device& device);

/// What to generate.
struct GenerateRequest {
    int count = 1;
    int label = -1; ///< class index, -1 unconditional
    int frames = 8;
    int height = 64; ///< pixel size (latents are height / f)
    int width = 64;
    SamplingConfig sampling;
    std::function<void(int step, int total)> onProgress;
};

/// A request for `count` clips of `label` shaped like the project's training clips
/// (dataset.frames at the dataset's size).
GenerateRequest generateRequestFor(const Project& project, int label, int count,
                                   const SamplingConfig& sampling);

/// Samples latent clips with `denoiser` and decodes them with `vae` (un-normalizing with its
/// latent normalization first). Returns float [count,3,T,H,W] in [-1,1] on the CPU.
/// `guide` (may be null) is autoguidance's guide, used when request.sampling.autoguidance > 0.
/// All models must be in eval mode on the same device; runs under NoGradGuard.
torch::Tensor generateVideos(Denoiser& denoiser, const DiffusionConfig& objective, VAE& vae,
                             const GenerateRequest& request, const torch::Device& device,
                             Denoiser* guide = nullptr);

} // namespace vd

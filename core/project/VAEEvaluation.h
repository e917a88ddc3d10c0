// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// What to reconstruct and with which weights.
struct VAEEvaluationOptions {
    std::string dataDir;   ///< "" = the project's held-out clips; else every clip of this folder
    int maxClips = 64;     ///< at most this many clips (the first ones of the index)
    bool preferEMA = true; ///< the EMA weights when the checkpoint has them
    std::string device = "auto";
    std::string deviceKey = "device"; ///< names the option in a bad-device error
};

/// One clip's reconstruction figures.
struct ClipReconstruction {
    std::string path;
    double psnrDb = 0.0;
    double ssim = 0.0;
    double mse = 0.0; ///< mean squared error, pixels in [-1, 1]
};

/// What `evaluateVAE` measured: mean PSNR/SSIM of the posterior-mean reconstructions and the
/// blob detector's verdict over the latents of all the clips together.
struct VAEEvaluation {
    std::string checkpoint; ///< the step-N folder of the weights
    int64_t step = 0;
    bool ema = false;
    std::string source; ///< "held-out clips" or the --data folder
    int clips = 0;      ///< clips evaluated
    int frames = 0;     ///< frames per clip (dataset.frames)
    double psnrDb = 0.0;
    double ssim = 0.0;
    /// Mean squared error of the reconstructions over every pixel of every clip, pixels in
    /// [-1, 1] (the VAE's reconstruction loss on held-out data; a scaling study's held-out loss).
    double mse = 0.0;
    /// Highest channel blob score (BlobDetector with the project's inspect.blobs) and the
    /// verdict ("clean", "suspicious", "blobs").
    double blobScore = 0.0;
    std::string blobVerdict;
    std::vector<ClipReconstruction> perClip;
};

/// Reconstructs (posterior mean) the project's held-out clips, or every clip of
/// `options.dataDir`, at the training size with the newest VAE checkpoint of
/// `project.runDir(Stage::VAE)`: what `vdstudio-cli eval-vae` reports and a sweep's VAE
/// variants are compared by. Runs on the calling thread.
/// Throws vd::Error(InputData) for no checkpoint, no clips or no decodable clip,
/// vd::Error(Config) for a bad device.
VAEEvaluation evaluateVAE(const Project& project, const VAEEvaluationOptions& options);

} // namespace vd

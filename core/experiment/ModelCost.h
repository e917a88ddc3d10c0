// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// The size and compute of a stage's model as its training step uses it.
struct ModelCost {
    int64_t parameters = 0;    ///< trainable parameters
    int64_t macsPerSample = 0; ///< multiply-adds of one forward on one sample (FlopCounter)
    double samplesPerStep = 0; ///< samples a training step runs forward (batch x accumulation)
    /// Estimated FLOPs of one training step: 2 FLOPs per multiply-add, forward + backward
    /// counted as 3 forwards (the backward computes the gradients of both inputs and weights),
    /// i.e. 6 x macsPerSample x samplesPerStep.
    double flopsPerStep = 0;
    std::vector<int64_t> sampleShape; ///< the shape of the one-sample forward's input
};

/// Builds the stage's model from `project` (untrained, on the CPU) and runs one forward on a
/// zero sample shaped like a training sample under a FlopCounter:
///   VAE: one frame [1,3,1,S,S] (S = vae.crop when it is smaller than the frames, else the
///   dataset size; a VAE with a temporal decoder gets frames_per_clip frames), encode + decode;
///   batch_size x frames_per_clip frames (batch_size clips for a temporal decoder) per step.
///   Diffusion: one latent window [1,C,L,h,w] (L = diffusion.train_frames' mean, else
///   dataset.frames), the denoiser alone; batch_size x frames / L windows per step.
/// Multiplied by vae/diffusion.train.grad_accumulation. Takes well under a second for the demo
/// preset. Throws what building the model throws (vd::Error(Config) for bad settings).
ModelCost measureModelCost(const Project& project, Stage stage);

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"
#include "train/Stage.h"

#include <cstdint>
#include <map>
#include <string>

namespace vd {

/// Figures of one logged step. Plain values so a UI can copy them across threads.
struct StepMetrics {
    Stage stage = Stage::VAE;
    int64_t step = 0;          ///< optimizer steps done (1-based after the first step)
    int64_t totalSteps = 0;
    double loss = 0.0;         ///< total loss
    std::map<std::string, double> terms; ///< each loss term and extra figure ("recon", "kl", ...)
    double learningRate = 0.0;
    double gradNorm = 0.0;     ///< before clipping
    double stepTimeMs = 0.0;   ///< wall time of the step, loader wait excluded
    double loaderWaitMs = 0.0; ///< time the step waited for its batch
    int64_t skippedSteps = 0;  ///< non-finite steps skipped so far
};

/// A clip rendered during training (reconstruction or sample), already on the CPU as RGB.
struct PreviewClip {
    Stage stage = Stage::VAE;
    int64_t step = 0;
    std::string kind;   ///< "reconstruction" (input | output side by side) or "sample"
    int label = -1;
    std::string labelName; ///< the class's name when the model has names for its labels
    FrameStack frames;
};

/// Receives a running Trainer's events. Every call comes from the training thread: an
/// implementation that touches a UI must hand the data to its own thread (the studio's
/// controller turns calls into queued signals and buffers metrics). Calls must return quickly.
class TrainerObserver {
public:
    virtual ~TrainerObserver() = default;
    virtual void onStep(const StepMetrics& metrics) {}
    virtual void onPreview(const PreviewClip& clip) {}
    virtual void onCheckpoint(int64_t step, const std::string& dir) {}
    virtual void onLog(int level, const std::string& message) {}
    /// The run stopped with an error; onFinished follows.
    virtual void onError(const std::string& message) {}
    /// The run ended: `completed` is true when all steps ran, false on stop or error.
    virtual void onFinished(bool completed, int64_t step) {}
};

} // namespace vd

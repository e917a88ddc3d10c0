// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/TrainerObserver.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vd {

/// One evaluated micro-batch.
struct TaskLoss {
    torch::Tensor total;                 ///< scalar to backpropagate
    std::map<std::string, double> terms; ///< each term as a number, for metrics
    double loaderWaitMs = 0.0;           ///< time spent waiting for the batch
};

/// What a preview produced: clips for the observer and figures for the metrics line.
struct PreviewResult {
    std::vector<PreviewClip> clips;
    std::map<std::string, double> metrics; ///< e.g. "probe_psnr"
};

/// What the Trainer trains: one stage's model, how a micro-batch becomes a loss, and how the
/// model is previewed. The Trainer owns the loop (optimizer, schedule, clipping, EMA,
/// checkpoints, metrics); a task owns its data. Called from the training thread only.
class TrainTask {
public:
    virtual ~TrainTask() = default;
    virtual Stage stage() const = 0;
    /// The module being trained (its parameters go to the optimizer).
    virtual torch::nn::Module& model() = 0;
    /// A new module of the same architecture (the EMA / sampling copy; its weights are
    /// overwritten).
    virtual std::shared_ptr<torch::nn::Module> makeModelCopy() const = 0;
    /// Moves the task's own tensors (not the model) to `device`, once before training.
    virtual void setDevice(const torch::Device& device) = 0;
    /// The run's resolved settings, written to config.json and into checkpoint metadata.
    virtual nlohmann::json config() const = 0;
    /// Loss of one micro-batch at 0-based optimizer step `step`; the task draws its batch.
    /// Randomness that is not the loader's comes from `generator` (CPU).
    virtual TaskLoss loss(int64_t step, at::Generator& generator) = 0;
    /// Previews with `samplingModel` (EMA weights when EMA is on, eval mode, no grad).
    virtual PreviewResult preview(int64_t step, torch::nn::Module& samplingModel) = 0;
    /// After the last step, before the final checkpoint: work that needs the final weights
    /// (the VAE measures its latent normalization here). `model` and `samplingModel` may be
    /// the same object when EMA is off.
    virtual void finish(torch::nn::Module& model, torch::nn::Module& samplingModel,
                        TrainerObserver* observer)
    {
    }
    /// > 0: the Trainer keeps the sampling weights of the step at this fraction of the run's
    /// planned steps in `<run>/guide/step-N/` (once; rotation never removes it), for
    /// autoguidance (diffusion.guide_at). 0 = none.
    virtual double guideAt() const { return 0.0; }
    /// The task's own resumable state (e.g. data cursor), stored in the checkpoint.
    virtual nlohmann::json state() const { return nlohmann::json::object(); }
    virtual void restoreState(const nlohmann::json& state) {}
};

} // namespace vd

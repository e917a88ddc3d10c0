// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/StartMode.h"
#include "train/TrainConfig.h"
#include "train/TrainTask.h"
#include "train/TrainerObserver.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace vd {

class DataParallel;

/// The training loop shared by both stages (one engine, see DESIGN.md): AdamW (or Muon for the
/// hidden matrices, TrainConfig::optimizer) with warm-up + cosine learning rate, gradient
/// accumulation, clipping by global norm or adaptive unit-wise
/// (AGC), EMA weights for previews and sampling, bf16 autocast (TrainConfig::precision), non-finite
/// steps skipped and counted, checkpoints every N steps and at the end, metrics.jsonl, previews
/// every N steps.
///
/// Threads: run() works on the calling thread (a thread the caller owns) and reports through
/// the observer from that thread. requestStop(), setPaused() and progress getters may be
/// called from any thread; they take effect within one step. A stop requested before run()
/// makes it stop before its first step; each run() consumes the stop. A stopped run saves a
/// checkpoint at the step it reached, so it can be resumed.
///
/// Data-parallel runs (setDataParallel): every rank runs this loop on its own share of the data;
/// rank 0's weights are broadcast at the start, gradients are averaged over the ranks each
/// step, the logged loss is the mean over the ranks (other terms are rank 0's), and the ranks'
/// weights are compared every kWeightsCheckEvery steps and at the end (an error when they
/// differ). Rank 0 alone writes config.json, metrics.jsonl, checkpoints and previews. A stop
/// requested on any rank stops every rank after the same step; rank 0 saves the checkpoint.
/// A paused rank 0 holds the others in their next step.
///
/// Run folder (`runDir`): config.json, metrics.jsonl, checkpoints/step-N/, and guide/step-N/
/// when the task asks for an autoguidance guide (TrainTask::guideAt): the weights of that step,
/// saved once and never rotated away. A fresh run removes an old guide; a run resumed from a
/// step before its guide's drops the guide and saves it again when it gets there.
class Trainer {
public:
    Trainer(TrainTask& task, TrainConfig config, std::string runDir,
            TrainerObserver* observer = nullptr);

    /// Trains until config.steps optimizer steps are done, stop is requested, or an error.
    /// Returns true when all steps ran. Errors are reported to the observer (onError) and
    /// rethrown as vd::Error, torch's as "training: torch: <one line>" (util/TorchError.h);
    /// onFinished is called in every case.
    bool run(StartMode mode);

    /// Steps between two comparisons of the ranks' weights in a data-parallel run.
    static constexpr int64_t kWeightsCheckEvery = 100;

    /// Trains as one rank of `group` (null: a single process). Call before run().
    void setDataParallel(std::shared_ptr<DataParallel> group) { m_dp = std::move(group); }

    void requestStop() { m_stop = true; }
    void setPaused(bool paused) { m_paused = paused; }
    bool paused() const { return m_paused; }
    /// Optimizer steps done so far.
    int64_t step() const { return m_step; }
    const TrainConfig& config() const { return m_config; }
    const std::string& runDir() const { return m_runDir; }
    std::string checkpointsDir() const;
    std::string metricsPath() const;
    /// `<runDir>/guide`: the autoguidance guide's checkpoint folder (see TrainTask::guideAt).
    static std::string guideDir(const std::string& runDir);

private:
    struct Loop;
    TrainTask& m_task;
    TrainConfig m_config;
    std::string m_runDir;
    TrainerObserver* m_observer;
    std::shared_ptr<DataParallel> m_dp;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::atomic<int64_t> m_step{0};
};

} // namespace vd

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"
#include "train/StartMode.h"
#include "train/TrainConfig.h"
#include "train/TrainerObserver.h"
#include "util/ParallelEnv.h"
#include "util/Threads.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace vd {

class DataParallel;

/// Settings a caller puts over the project's own for one run.
struct StageRunOptions {
    std::string device; ///< "" keeps `<stage>.train.device`; else auto | cpu | cuda | cuda:N
    int64_t steps = 0;  ///< > 0 replaces `<stage>.train.steps`
    double minutes = 0.0; ///< > 0 replaces `<stage>.train.max_minutes` (a time budget)
    /// > 0 replaces `<stage>.train.batch_size`, the batch of one process (of each rank)
    int batch = 0;
    /// < 1 trains on this share of the training clips (trainingSubset with the stage's
    /// train.seed; a scaling study's data axis); the held-out clips stay as they are. The
    /// diffusion stage keeps the project's latent cache of every training clip and trains on
    /// the subset's entries.
    double trainShare = 1.0;
    /// Applied with configureThreads() on the thread that calls run(), before any torch op
    /// (OpenMP thread counts are per thread). Unset: leave the calling thread as it is.
    std::optional<ThreadSettings> threads;
    /// Train as one rank of this group (DataParallel::fromEnvironment() in the CLI); null for a
    /// single process. Rank 0 writes the run folder and the latent cache; the others train.
    std::shared_ptr<DataParallel> dataParallel;
    /// Without dataParallel: join this group at the start of run(), on its thread, and leave it
    /// when run() returns (the studio trains rank 0 of the ranks it starts on this machine). A
    /// stop requested while the other ranks join ends run() as a stop before training does.
    std::optional<ParallelEnv> joinGroup;
};

/// One training run of a project's stage, from the project file to the Trainer: what
/// `vdstudio-cli train-vae` / `train-diffusion` and the studio's Training panel both do.
///   VAE: scan the dataset (skipped files reported), split off the held-out clips, VAETask.
///   Diffusion: load the trained VAE (frozen), scan and split the dataset, load the latent cache
///   or encode it when missing or stale, DiffusionTask.
/// Then a Trainer runs in `project.runDir(stage)`.
///
/// Messages: StageRun's own (skipped files, the run summary, the latent cache being encoded)
/// go to the observer's onLog, and to the "train" logger when there is no observer; the
/// Trainer's messages go to the "train" logger only (so a console that prints onLog shows each
/// message once). Every other observer call is the Trainer's (see TrainerObserver).
///
/// Threads: construct on any thread (no torch work). run() works on the calling thread and
/// calls the observer from it. requestStop(), setPaused(), paused() and step() may be called
/// from any thread at any time, also before run() or while the dataset is scanned or the
/// latent cache is built: a stop requested then ends run() at the next check (between phases,
/// after each cache batch) without training; a pause set then holds the Trainer before its
/// first step.
class StageRun {
public:
    /// `project` is copied; `options` are applied to the copy at once (trainConfig() shows
    /// them). The observer (may be null) must outlive run().
    StageRun(Project project, Stage stage, TrainerObserver* observer = nullptr,
             StageRunOptions options = {});
    ~StageRun();
    StageRun(const StageRun&) = delete;
    StageRun& operator=(const StageRun&) = delete;

    /// Prepares and trains until the configured steps are done (true), or a stop (false).
    /// A run stopped before the Trainer started reports onFinished(false, step) itself.
    /// Throws vd::Error: Config for a bad device, InputData for a missing dataset or VAE
    /// checkpoint (diffusion) — these before any observer call — and whatever the Trainer
    /// throws (after its onError and onFinished). A torch error becomes one line without its
    /// backtrace, vd::Error(Runtime) "diffusion: encoding the latent cache: torch: ..." (or
    /// "training: torch: ..." from the Trainer; util/TorchError.h). Call once.
    bool run(StartMode mode);

    /// Replaces the observer given to the constructor (e.g. one built from trainConfig()).
    /// Call before run().
    void setObserver(TrainerObserver* observer);

    /// Ends the run within one step (the Trainer saves a checkpoint at the step reached).
    void requestStop();
    bool stopRequested() const;
    /// Holds the Trainer between steps while true.
    void setPaused(bool paused);
    bool paused() const;
    /// Optimizer steps done: the Trainer's count while it exists, else the last known count.
    int64_t step() const;

    Stage stage() const;
    /// The project with the options applied.
    const Project& project() const;
    /// The stage's training settings with the options applied.
    const TrainConfig& trainConfig() const;
    /// `project().runDir(stage())`.
    std::string runDir() const;
    /// The device the run trains on once run() has resolved it ("cpu", "cuda:0"); "" before.
    std::string resolvedDevice() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace vd

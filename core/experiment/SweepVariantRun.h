// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"
#include "train/TrainerObserver.h"
#include "util/Threads.h"

#include <memory>
#include <optional>
#include <string>

namespace vd {

/// How a sweep's variants train and are measured.
struct SweepVariantOptions {
    int64_t steps = 0;                     ///< > 0 replaces `<stage>.train.steps`
    double minutes = 0.0;                  ///< > 0 replaces `<stage>.train.max_minutes`
    std::string device;                    ///< "" keeps `<stage>.train.device`
    std::optional<ThreadSettings> threads; ///< applied on the thread that calls run()
    bool evaluate = true; ///< held-out PSNR/SSIM/blobs (VAE) or the sample judge (diffusion)
    int evalClips = 64;   ///< at most this many held-out clips
    int perClass = 8;     ///< diffusion: clips judged per class
    /// < 1: train on this share of the training clips (StageRunOptions::trainShare; the data
    /// axis of a scaling study)
    double dataShare = 1.0;
};

/// One variant of a sweep, from its folder (SweepPlan::writeVariantProjects wrote its project
/// file there) to its figures: trains the stage with StageRun in the variant folder, resuming
/// from the newest checkpoint when there is one, then measures the model (ModelCost) and, with
/// `evaluate`, judges it as `eval-vae` or `eval-samples` do (VAEEvaluation, SampleEvaluation),
/// and writes `<variant>/result.json`. The sweep's CLI runs this in its own process (one
/// variant after another) or in one child process per variant (`--parallel`).
///
/// result.json: {"variant", "stage", "parameters", "macs_per_sample", "samples_per_step",
/// "flops_per_step", "train_share", "train_clips", "eval": {VAE: "psnr_db", "ssim",
/// "heldout_loss" (the mean squared reconstruction error, pixels in [-1, 1]), "blob_score",
/// "blob_verdict", "clips";
/// diffusion: "class_accuracy", "recognisable_accuracy", "frechet", "frechet_floor",
/// "precision", "recall", "samples", "heldout_loss" (evaluateDiffusionHeldOutLoss on up to
/// evalClips held-out clips), "heldout_clips"}}, written atomically.
///
/// Threads: run() works on the calling thread; requestStop() may be called from any thread
/// (a signal handler's thread included) at any time.
class SweepVariantRun {
public:
    static constexpr const char* kResultFile = "result.json";

    /// Loads the variant's project (throws like Project::load).
    SweepVariantRun(const std::string& variantDir, Stage stage, SweepVariantOptions options,
                    TrainerObserver* observer = nullptr);
    ~SweepVariantRun();
    SweepVariantRun(const SweepVariantRun&) = delete;
    SweepVariantRun& operator=(const SweepVariantRun&) = delete;

    /// Trains and measures: true when result.json is written, false when a stop ended the
    /// training first (the newest checkpoint is kept for the next run). Throws what StageRun
    /// and the evaluations throw.
    bool run();
    void requestStop();

    const Project& project() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace vd

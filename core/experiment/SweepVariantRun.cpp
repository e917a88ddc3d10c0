// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/SweepVariantRun.h"

#include "data/DatasetIndex.h"
#include "experiment/ModelCost.h"
#include "experiment/SweepPlan.h"
#include "project/DatasetSplit.h"
#include "project/DiffusionHeldOutLoss.h"
#include "project/SampleEvaluation.h"
#include "project/StageRun.h"
#include "project/VAEEvaluation.h"
#include "util/DurableFile.h"
#include "util/Log.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>

namespace fs = std::filesystem;

namespace vd {

namespace {

/// The clips the stage trained on: the training split, or its share.
int64_t trainingClipCount(const Project& project, double share)
{
    const DatasetSplit split =
        splitDataset(DatasetIndex::scan(project.datasetRoot()), project.dataset.heldOut);
    return static_cast<int64_t>(trainingSubsetSize(split.train.clips().size(), share));
}

} // namespace

struct SweepVariantRun::Impl {
    std::string dir;
    Stage stage = Stage::VAE;
    SweepVariantOptions options;
    TrainerObserver* observer = nullptr;
    Project project;

    // Atomics, not a mutex: requestStop() may run in a signal handler.
    std::atomic<StageRun*> run{nullptr};
    std::atomic<bool> stop{false};

    void log(const std::string& line) const
    {
        if (observer) {
            observer->onLog(spdlog::level::info, line);
        } else {
            log::get("train")->info("{}", line);
        }
    }

    nlohmann::json evaluate() const
    {
        const std::string device =
            options.device.empty()
                ? (stage == Stage::VAE ? project.vae.train.device : project.diffusion.train.device)
                : options.device;
        if (stage == Stage::VAE) {
            VAEEvaluationOptions o;
            o.maxClips = options.evalClips;
            o.device = device;
            const VAEEvaluation e = evaluateVAE(project, o);
            return {{"psnr_db", e.psnrDb},           {"ssim", e.ssim},
                    {"heldout_loss", e.mse},         {"blob_score", e.blobScore},
                    {"blob_verdict", e.blobVerdict}, {"clips", e.clips},
                    {"checkpoint", e.checkpoint}};
        }
        DiffusionHeldOutLossOptions heldOutOptions;
        heldOutOptions.maxClips = options.evalClips;
        heldOutOptions.device = device;
        const DiffusionHeldOutLoss heldOut = evaluateDiffusionHeldOutLoss(project, heldOutOptions);
        SampleEvaluationOptions o;
        o.sampling = project.sampling;
        o.perClass = options.perClass;
        o.device = device;
        o.log = [this](const std::string& line) { log(line); };
        const SampleEvaluation e = evaluateSamples(project, o);
        // The judge's -1 means "not measured" (no labels, too few clips): null in the table.
        const auto figure = [](double v) { return v < 0 ? nlohmann::json() : nlohmann::json(v); };
        return {{"class_accuracy", figure(e.report.classAccuracy)},
                {"recognisable_accuracy", figure(e.report.recognisableAccuracy)},
                {"frechet", figure(e.report.frechet)},
                {"frechet_floor", figure(e.report.frechetFloor)},
                {"precision", figure(e.report.precision)},
                {"recall", figure(e.report.recall)},
                {"samples", e.report.samples},
                {"heldout_loss", heldOut.loss},
                {"heldout_clips", heldOut.clips},
                {"checkpoint", e.denoiserCheckpoint}};
    }
};

SweepVariantRun::SweepVariantRun(const std::string& variantDir, Stage stage,
                                 SweepVariantOptions options, TrainerObserver* observer)
    : m_d(std::make_unique<Impl>())
{
    m_d->dir = variantDir;
    m_d->stage = stage;
    m_d->options = std::move(options);
    m_d->observer = observer;
    m_d->project = SweepPlan::loadVariantProject(variantDir, stage);
}

SweepVariantRun::~SweepVariantRun() = default;

const Project& SweepVariantRun::project() const
{
    return m_d->project;
}

void SweepVariantRun::requestStop()
{
    m_d->stop = true;
    if (StageRun* run = m_d->run.load()) {
        run->requestStop();
    }
}

bool SweepVariantRun::run()
{
    Impl& d = *m_d;
    StageRunOptions runOptions;
    runOptions.steps = d.options.steps;
    runOptions.minutes = d.options.minutes;
    runOptions.device = d.options.device;
    runOptions.threads = d.options.threads;
    runOptions.trainShare = d.options.dataShare;
    StageRun stageRun(d.project, d.stage, d.observer, runOptions);
    d.run = &stageRun;
    struct Unpublish {
        Impl& d;
        ~Unpublish() { d.run = nullptr; }
    } unpublish{d};
    if (d.stop) {
        return false;
    }
    // Resume continues from the newest checkpoint, or starts fresh when there is none.
    if (!stageRun.run(StartMode::Resume)) {
        return false;
    }
    // The project as trained (with --steps and --minutes applied) for the cost per step.
    const ModelCost cost = measureModelCost(stageRun.project(), d.stage);
    nlohmann::json result = {{"variant", fs::path(d.dir).filename().string()},
                             {"stage", stageName(d.stage)},
                             {"parameters", cost.parameters},
                             {"macs_per_sample", cost.macsPerSample},
                             {"samples_per_step", cost.samplesPerStep},
                             {"flops_per_step", cost.flopsPerStep},
                             {"train_share", d.options.dataShare},
                             {"train_clips", trainingClipCount(d.project, d.options.dataShare)}};
    if (d.options.evaluate) {
        d.log(std::string("measuring ") + d.dir);
        result["eval"] = d.evaluate();
    }
    writeFileAtomically((fs::path(d.dir) / kResultFile).string(), result.dump(2) + '\n');
    return true;
}

} // namespace vd

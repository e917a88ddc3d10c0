// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/StageRun.h"

#include "data/DatasetIndex.h"
#include "project/DatasetSplit.h"
#include "project/detail/DiffusionTask.h"
#include "project/detail/LatentCache.h"
#include "project/detail/ProjectJudge.h"
#include "project/detail/TrainedModels.h"
#include "project/detail/VAETask.h"
#include "train/Checkpoint.h"
#include "train/DataParallel.h"
#include "train/PreviewArchive.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Memory.h"
#include "util/Threads.h"
#include "util/TorchError.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace vd {

namespace {

/// Thrown from the latent cache's progress callback to abandon the build on a stop.
struct StopDuringPreparation {};

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

std::string format(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    va_list again;
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, fmt, args);
    va_end(args);
    std::string out(static_cast<size_t>(std::max(0, n)) + 1, '\0');
    std::vsnprintf(out.data(), out.size(), fmt, again);
    va_end(again);
    out.resize(static_cast<size_t>(std::max(0, n)));
    return out;
}

/// How a stage's steps compute, for its first log line.
const char* precisionName(const TrainConfig& c, const torch::Device& device)
{
    const std::optional<StepPrecision> p = fixedStepPrecision(c, device.is_cuda());
    return p ? stepPrecisionName(*p) : "precision timed at the start";
}

TrainConfig& trainConfigOf(Project& project, Stage stage)
{
    return stage == Stage::VAE ? project.vae.train : project.diffusion.train;
}

/// Keeps the cache's entries of the clips of `subset` (a data-scaling share of the training
/// clips), in the cache's order.
void keepEntries(LatentCache& cache, const DatasetIndex& subset)
{
    std::set<std::string> wanted;
    for (const ClipEntry& c : subset.clips()) {
        wanted.insert(c.path);
    }
    std::vector<int64_t> rows;
    std::vector<std::string> clips;
    for (size_t i = 0; i < cache.clips.size(); ++i) {
        if (wanted.count(cache.clips[i]) != 0) {
            rows.push_back(static_cast<int64_t>(i));
            clips.push_back(cache.clips[i]);
        }
    }
    if (rows.empty()) {
        throw Error(ErrorKind::InputData, "the latent cache holds none of the clips of the "
                                          "training share; delete it to encode it again");
    }
    const torch::Tensor index = torch::tensor(rows, torch::kLong);
    cache.mean = cache.mean.index_select(0, index);
    cache.logvar = cache.logvar.index_select(0, index);
    if (cache.labels.defined() && cache.labels.numel() > 0) {
        cache.labels = cache.labels.index_select(0, index);
    }
    cache.clips = std::move(clips);
}

} // namespace

struct StageRun::Impl {
    Project project;
    Stage stage;
    TrainerObserver* observer;
    StageRunOptions options;

    std::atomic<bool> stop{false};
    std::atomic<bool> paused{false};
    std::atomic<int64_t> lastStep{0};
    mutable std::mutex mutex; ///< guards `trainer` and `device`
    Trainer* trainer = nullptr;
    std::string device;
    /// What run() is doing, for its errors ("diffusion: encoding the latent cache"); run()'s
    /// thread only.
    std::string phase;

    /// Records what run() does next; an error until the next call names it.
    void enter(const char* what)
    {
        phase = std::string(stage == Stage::VAE ? "VAE: " : "diffusion: ") + what;
    }

    /// Resolves the stage's device (throws vd::Error(Config) for a bad name) and records it.
    torch::Device resolveStageDevice()
    {
        const torch::Device d =
            resolveDevice(config().device, std::string(stageName(stage)) + ".train.device");
        std::lock_guard lock(mutex);
        device = d.str();
        return d;
    }

    /// Stands between the Trainer and the caller's observer: forwards every event but the
    /// Trainer's log lines (the Trainer and the tasks write those to the "train" logger).
    struct Relay final : TrainerObserver {
        Impl& d;
        PreviewArchive previews;
        explicit Relay(Impl& impl)
            : d(impl), previews((fs::path(impl.project.runDir(impl.stage)) / "samples").string())
        {
        }
        void onStep(const StepMetrics& metrics) override
        {
            d.lastStep = metrics.step;
            if (d.observer) {
                d.observer->onStep(metrics);
            }
        }
        void onPreview(const PreviewClip& clip) override
        {
            // Kept on disk for the CLI user and for the studio's next session; a preview that
            // cannot be written must not stop training.
            try {
                if (clip.frames.frames > 0) {
                    previews.write(clip);
                }
            } catch (const std::exception& e) {
                d.log(spdlog::level::warn, std::string("preview not written: ") + e.what());
            }
            if (d.observer) {
                d.observer->onPreview(clip);
            }
        }
        void onCheckpoint(int64_t step, const std::string& dir) override
        {
            if (d.observer) {
                d.observer->onCheckpoint(step, dir);
            }
        }
        void onLog(int /*level*/, const std::string& /*message*/) override {}
        void onError(const std::string& message) override
        {
            if (d.observer) {
                d.observer->onError(message);
            }
        }
        void onFinished(bool completed, int64_t step) override
        {
            d.lastStep = step;
            if (d.observer) {
                d.observer->onFinished(completed, step);
            }
        }
    };

    TrainConfig& config() { return trainConfigOf(project, stage); }

    void log(int level, const std::string& message)
    {
        if (observer) {
            observer->onLog(level, message);
        } else {
            log::get("train")->log(static_cast<spdlog::level::level_enum>(level), "{}", message);
        }
    }

    void checkStop() const
    {
        if (stop) {
            throw StopDuringPreparation{};
        }
    }

    DatasetSplit loadDataset()
    {
        const DatasetIndex index = DatasetIndex::scan(project.datasetRoot());
        for (const SkippedFile& s : index.skipped()) {
            log(spdlog::level::warn, "skipped " + s.path + ": " + s.reason);
        }
        return splitDataset(index, project.dataset.heldOut);
    }

    /// The training clips this run trains on (all of them unless options.trainShare < 1).
    DatasetIndex trainingClips(const DatasetIndex& train) const
    {
        const TrainConfig& t = stage == Stage::VAE ? project.vae.train : project.diffusion.train;
        return trainingSubset(train, options.trainShare, t.seed);
    }

    /// Step the run would resume from, for a stop before the Trainer reported any.
    int64_t checkpointStep(StartMode mode) const
    {
        if (mode != StartMode::Resume) {
            return 0;
        }
        const auto list =
            Checkpoint::listComplete((fs::path(project.runDir(stage)) / "checkpoints").string());
        return list.empty() ? 0 : list.back().first;
    }

    bool train(TrainTask& task, StartMode mode)
    {
        enter("training");
        Relay relay(*this);
        Trainer runner(task, config(), project.runDir(stage), &relay);
        runner.setDataParallel(options.dataParallel);
        runner.setPaused(paused);
        {
            std::lock_guard lock(mutex);
            trainer = &runner;
        }
        struct Unpublish {
            Impl& d;
            ~Unpublish()
            {
                std::lock_guard lock(d.mutex);
                d.lastStep = d.trainer->step();
                d.trainer = nullptr;
            }
        } unpublish{*this};
        checkStop();
        return runner.run(mode);
    }

    bool runVAE(StartMode mode)
    {
        enter("scanning the dataset");
        DatasetSplit split = loadDataset();
        split.train = trainingClips(split.train);
        const torch::Device device = resolveStageDevice();
        log(spdlog::level::info,
            format("VAE: %zu training clips, %zu held out; run %s; torch threads %d, malloc %s, %s",
                   split.train.clips().size(), split.heldOut.clips().size(),
                   project.runDir(Stage::VAE).c_str(), torch::get_num_threads(), allocatorName(),
                   precisionName(project.vae.train, device)));
        checkStop();
        enter("building the VAE");
        VAETask task(project, split.train, split.heldOut);
        if (const auto& dp = options.dataParallel) {
            task.setShard(dp->rank(), dp->worldSize());
        }
        return train(task, mode);
    }

    bool runDiffusion(StartMode mode)
    {
        const torch::Device device = resolveStageDevice();
        enter("loading the VAE");
        TrainedVAE vae = loadTrainedVAE(project, device);
        for (auto& p : vae.vae->parameters()) {
            p.set_requires_grad(false);
        }
        checkStop();
        enter("scanning the dataset");
        const DatasetSplit split = loadDataset();
        checkStop();
        enter("loading the latent cache");
        const SampleSpec spec = VAETask::latentCacheSpec(project, split.train);
        const std::string cachePath = VAETask::latentCachePath(project);
        const std::string fingerprint = LatentCache::fingerprintOf(vae.vae, split.train, spec);
        const std::shared_ptr<DataParallel>& dp = options.dataParallel;
        const bool main = !dp || dp->isMain();
        if (!main) {
            dp->barrier("rank 0 prepares the latent cache");
        }
        std::optional<LatentCache> cache = LatentCache::load(cachePath, fingerprint);
        if (!cache && !main) {
            throw Error(ErrorKind::Runtime, dp->describe() + ": " + cachePath +
                                                ": rank 0 wrote no matching latent cache");
        }
        if (!cache) {
            enter("encoding the latent cache");
            log(spdlog::level::info, format("encoding %zu clips into the latent cache %s",
                                            split.train.clips().size(), cachePath.c_str()));
            // The other local ranks wait in the barrier meanwhile: encode with their threads too.
            const ScopedTorchThreads borrowed(
                threadsWithWaitingRanks(dp ? dp->localWorldSize() : 1));
            cache = LatentCache::build(vae.vae, split.train, spec, device, project.dataset.workers,
                                       [this](int, int) { checkStop(); });
            cache->save(cachePath);
        }
        if (dp && main) {
            dp->barrier("rank 0 prepares the latent cache");
        }
        checkStop();
        if (options.trainShare < 1.0) {
            keepEntries(*cache, trainingClips(split.train));
        }
        log(spdlog::level::info,
            format("diffusion: %lld cached clips [%lld x %lld x %lld x %lld], %zu labels; VAE "
                   "%s%s; run %s; malloc %s, %s",
                   static_cast<long long>(cache->size()),
                   static_cast<long long>(cache->mean.size(1)),
                   static_cast<long long>(cache->mean.size(2)),
                   static_cast<long long>(cache->mean.size(3)),
                   static_cast<long long>(cache->mean.size(4)), split.train.labels().size(),
                   vae.checkpoint.c_str(), vae.ema ? " (EMA)" : "",
                   project.runDir(Stage::Diffusion).c_str(), allocatorName(),
                   precisionName(project.diffusion.train, device)));
        enter("building the denoiser");
        DiffusionTask task(project, vae.vae, std::move(*cache), split.train.labels(),
                           vae.checkpoint);
        if (project.diffusion.judge.every > 0 && main) { // previews and judging: rank 0
            enter("preparing the judge");
            const ScopedTorchThreads borrowed( // they wait for it
                threadsWithWaitingRanks(dp ? dp->localWorldSize() : 1));
            JudgeSetup setup = judgeSetupFor(project, split, device);
            setup.log = [this](const std::string& line) {
                log(spdlog::level::info, line);
                checkStop();
            };
            task.setJudge(std::make_shared<const SampleJudge>(SampleJudge::prepare(setup)));
        }
        checkStop();
        return train(task, mode);
    }
};

StageRun::StageRun(Project project, Stage stage, TrainerObserver* observer, StageRunOptions options)
    : m_d(std::make_unique<Impl>())
{
    m_d->project = std::move(project);
    m_d->stage = stage;
    m_d->observer = observer;
    m_d->options = std::move(options);
    TrainConfig& train = m_d->config();
    if (m_d->options.steps > 0) {
        train.steps = m_d->options.steps;
    }
    if (m_d->options.minutes > 0.0) {
        train.maxMinutes = m_d->options.minutes;
    }
    if (m_d->options.batch > 0) {
        train.batchSize = m_d->options.batch;
    }
    if (!m_d->options.device.empty()) {
        train.device = m_d->options.device;
    }
}

StageRun::~StageRun() = default;

bool StageRun::run(StartMode mode)
{
    Impl& d = *m_d;
    if (d.options.threads) {
        configureThreads(*d.options.threads);
    }
    d.enter("preparing");
    // A group joined here is left when run() returns, so that the other ranks see it go.
    struct LeaveGroup {
        std::shared_ptr<DataParallel>& group;
        bool joined = false;
        ~LeaveGroup()
        {
            if (joined) {
                group.reset();
            }
        }
    } leave{d.options.dataParallel};
    try {
        d.checkStop();
        if (d.options.joinGroup && !d.options.dataParallel) {
            d.enter("joining the other processes");
            d.log(spdlog::level::info,
                  format("waiting for %d more processes to join at %s:%d",
                         d.options.joinGroup->worldSize - 1,
                         d.options.joinGroup->masterAddr.c_str(), d.options.joinGroup->masterPort));
            d.options.dataParallel =
                DataParallel::join(*d.options.joinGroup, [&d] { return d.stop.load(); });
            leave.joined = true;
            d.checkStop();
        }
        return d.stage == Stage::VAE ? d.runVAE(mode) : d.runDiffusion(mode);
    } catch (const StopDuringPreparation&) {
        const int64_t step = d.checkpointStep(mode);
        d.lastStep = step;
        log::get("train")->info("{} stopped before training started", d.project.runDir(d.stage));
        if (d.observer) {
            d.observer->onFinished(false, step);
        }
        return false;
    } catch (...) {
        // The Trainer's errors arrive as vd::Error already ("training: ..."); torch's from the
        // preparation name the phase.
        rethrowAsError(d.phase);
    }
}

void StageRun::setObserver(TrainerObserver* observer)
{
    m_d->observer = observer;
}

void StageRun::requestStop()
{
    m_d->stop = true;
    std::lock_guard lock(m_d->mutex);
    if (m_d->trainer) {
        m_d->trainer->requestStop();
    }
}

bool StageRun::stopRequested() const
{
    return m_d->stop;
}

void StageRun::setPaused(bool paused)
{
    m_d->paused = paused;
    std::lock_guard lock(m_d->mutex);
    if (m_d->trainer) {
        m_d->trainer->setPaused(paused);
    }
}

bool StageRun::paused() const
{
    return m_d->paused;
}

int64_t StageRun::step() const
{
    std::lock_guard lock(m_d->mutex);
    return m_d->trainer ? m_d->trainer->step() : m_d->lastStep.load();
}

Stage StageRun::stage() const
{
    return m_d->stage;
}

const Project& StageRun::project() const
{
    return m_d->project;
}

const TrainConfig& StageRun::trainConfig() const
{
    return m_d->config();
}

std::string StageRun::runDir() const
{
    return m_d->project.runDir(m_d->stage);
}

std::string StageRun::resolvedDevice() const
{
    std::lock_guard lock(m_d->mutex);
    return m_d->device;
}

} // namespace vd

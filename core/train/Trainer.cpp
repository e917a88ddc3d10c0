// SPDX-License-Identifier: GPL-3.0-or-later
// Over 600 lines on purpose: Trainer::Loop is one run (set-up, resume, step, EMA, checkpoints,
// stop and pause, the data-parallel checks), whose parts share its state; what stands alone is
// already in train/detail (GradientTools, OptimizerState, Muon, Autocast).
#include "train/Trainer.h"

#include "diffusion/Random.h"
#include "model/ConvPrecision.h"
#include "model/EMA.h"
#include "train/Checkpoint.h"
#include "train/DataParallel.h"
#include "train/MetricNames.h"
#include "train/MetricsLog.h"
#include "train/detail/Autocast.h"
#include "train/detail/GradientTools.h"
#include "train/detail/Muon.h"
#include "train/detail/PreviewSchedule.h"
#include "util/Device.h"
#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Threads.h"
#include "util/TorchError.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>
#include <thread>

namespace fs = std::filesystem;

namespace vd {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

Trainer::Trainer(TrainTask& task, TrainConfig config, std::string runDir,
                 TrainerObserver* observer)
    : m_task(task), m_config(std::move(config)), m_runDir(std::move(runDir)),
      m_observer(observer)
{
}

std::string Trainer::checkpointsDir() const
{
    return (fs::path(m_runDir) / "checkpoints").string();
}

std::string Trainer::guideDir(const std::string& runDir)
{
    return (fs::path(runDir) / "guide").string();
}

std::string Trainer::metricsPath() const
{
    return (fs::path(m_runDir) / "metrics.jsonl").string();
}

/// The state of one run() call.
struct Trainer::Loop {
    Trainer& t;
    torch::Device device{torch::kCPU};
    StepPrecision precision = StepPrecision::Float32; ///< TrainConfig::precision, resolved
    double precisionTimingMs = 0.0; ///< spent timing "auto" (part of a time budget)
    torch::nn::Module* model = nullptr;
    std::shared_ptr<torch::nn::Module> emaModel; ///< null when EMA is off
    std::optional<EMA> ema;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::vector<torch::Tensor> parameters;
    /// train.optimizer "muon": the parameters Muon steps (AdamW steps the rest).
    std::vector<torch::Tensor> muonParams;
    /// How the data-parallel ranks share Muon's products (one rank: all of them here).
    detail::MuonShare muonShare;
    std::optional<MetricsLog> metrics;
    at::Generator generator;
    nlohmann::json config;
    int64_t skipped = 0;
    int consecutiveSkipped = 0;
    int64_t lastCheckpointStep = -1;
    double elapsedS = 0.0; ///< training time of earlier sessions of this run
    bool stopAll = false;  ///< a rank asked to stop: every rank stops after this step
    bool guideKept = false; ///< the autoguidance guide of this run is on disk (or not wanted)

    // Time budget (TrainConfig::maxMinutes): what this session's steps and previews cost.
    int64_t configuredSteps = 0;
    int64_t sessionFirstStep = 0;
    Clock::time_point sessionStart;
    double stepMsSum = 0.0;
    int64_t stepsTimed = 0;
    double previewMsSum = 0.0;
    int64_t previewsTimed = 0;
    bool planLogged = false;

    DataParallel* dp() const { return t.m_dp.get(); }
    /// Rank 0, or the only process: the one that writes files and previews.
    bool writes() const { return !t.m_dp || t.m_dp->isMain(); }

    explicit Loop(Trainer& trainer) : t(trainer), generator(makeGenerator(0)) {}

    void log(int level, const std::string& message)
    {
        log::get("train")->log(static_cast<spdlog::level::level_enum>(level), "{}", message);
        if (t.m_observer) {
            t.m_observer->onLog(level, message);
        }
    }

    torch::nn::Module& samplingModel() { return emaModel ? *emaModel : *model; }

    CheckpointParts parts()
    {
        return CheckpointParts{model, emaModel.get(), optimizer.get()};
    }

    void setup(StartMode mode)
    {
        const TrainConfig& c = t.m_config;
        configuredSteps = c.steps; // the cap; a time budget plans within it
        device = resolveDevice(c.device, std::string(stageName(t.m_task.stage())) + ".train.device");
        if (dp()) {
            dp()->useDevice(device); // NCCL beside Gloo on CUDA, on every rank at this point
        }
        model = &t.m_task.model();
        model->to(device);
        model->train();
        t.m_task.setDevice(device);
        for (auto& p : model->parameters()) {
            if (p.requires_grad()) {
                parameters.push_back(p);
            }
        }
        if (c.optimizer == "muon") {
            muonParams = detail::muonParameters(*model);
            if (dp()) {
                muonShare = {dp()->rank(), dp()->worldSize(),
                             [this](const std::vector<torch::Tensor>& updates) {
                                 dp()->sumTensors(updates, "exchange of Muon's updates");
                             }};
            }
            log(spdlog::level::info, "optimizer: Muon for " + std::to_string(muonParams.size()) +
                                         " weight matrices, AdamW for the other " +
                                         std::to_string(parameters.size() - muonParams.size()) +
                                         " parameters");
        }
        optimizer = std::make_unique<torch::optim::AdamW>(
            parameters, torch::optim::AdamWOptions(c.learningRate)
                            .betas({c.beta1, c.beta2})
                            .weight_decay(c.weightDecay));
        if (c.emaDecay > 0.0) {
            emaModel = t.m_task.makeModelCopy();
            emaModel->to(device);
            emaModel->eval();
            for (auto& p : emaModel->parameters()) {
                p.set_requires_grad(false);
            }
        }
        config = t.m_task.config();
        const int effectiveBatch =
            c.batchSize * c.gradAccumulation * (dp() ? dp()->worldSize() : 1);
        if (dp()) {
            config["data_parallel"] = {{"world_size", dp()->worldSize()},
                                       {"batch_per_rank", c.batchSize},
                                       {"effective_batch", effectiveBatch},
                                       {"learning_rate", c.learningRate}};
        }
        if (writes()) {
            fs::create_directories(t.m_runDir);
        }

        int64_t start = 0;
        const auto latest = Checkpoint::findLatest(t.checkpointsDir());
        if (latest && mode == StartMode::Fresh) {
            throw Error(ErrorKind::Usage,
                        t.m_runDir + " already has a checkpoint (" + *latest +
                            "); resume it, or move the run folder away to start over",
                        ErrorCode::InvalidValue);
        }
        std::optional<CheckpointInfo> restored; // what `latest` held, once loaded
        if (latest) {
            // Muon keeps its momentum where AdamW keeps its first moment: a run changes neither
            // into the other half-way.
            const std::string savedOptimizer =
                Checkpoint::readInfo(*latest).extra.value("optimizer", std::string("adamw"));
            if (savedOptimizer != c.optimizer) {
                throw Error(ErrorKind::Usage,
                            *latest + " was trained with train.optimizer '" + savedOptimizer +
                                "', the project now says '" + c.optimizer +
                                "'; set it back to resume, or move the run folder away to start "
                                "over",
                            ErrorCode::InvalidValue);
            }
            restored = Checkpoint::load(*latest, parts());
            const CheckpointInfo& info = *restored;
            start = info.step;
            skipped = info.extra.value("skipped_steps", int64_t(0));
            elapsedS = info.extra.value("elapsed_s", 0.0);
            t.m_task.restoreState(info.extra.value("task", nlohmann::json::object()));
            lastCheckpointStep = start;
            // An interrupted time-budgeted run continues its learning-rate schedule where it
            // was (until this session's own plan after a few steps) instead of jumping back up
            // the cosine of the full step cap.
            const int64_t planned = info.extra.value("planned_steps", int64_t(0));
            if (c.maxMinutes > 0.0 && planned > start) {
                t.m_config.steps = std::min(planned, t.m_config.steps);
            }
            log(spdlog::level::info, "resuming " + t.m_runDir + " from step " +
                                         std::to_string(start) + " (" + *latest + ")");
        }
        keepOrDropGuide(start);
        if (dp()) {
            // Every rank starts from rank 0's weights (fresh or restored).
            std::vector<torch::Tensor> state = model->parameters();
            for (const auto& b : model->buffers()) {
                state.push_back(b);
            }
            dp()->broadcastFromMain(state);
            log(spdlog::level::info,
                dp()->describe() + ": effective batch " + std::to_string(effectiveBatch) + " (" +
                    std::to_string(c.batchSize) + " per rank), learning rate " +
                    std::to_string(c.learningRate));
        }
        if (emaModel) {
            // The EMA shadow starts from the restored EMA weights, or from the model when fresh.
            if (!restored || !restored->hasEMA) {
                torch::NoGradGuard noGrad;
                auto src = model->named_parameters();
                for (auto& dst : emaModel->named_parameters()) {
                    dst.value().copy_(src[dst.key()]);
                }
                auto srcBuffers = model->named_buffers();
                for (auto& dst : emaModel->named_buffers()) {
                    dst.value().copy_(srcBuffers[dst.key()]);
                }
            }
            ema.emplace(*emaModel);
            if (restored) {
                ema->setNumUpdates(restored->extra.value("ema_updates", int64_t(0)));
            }
        }
        t.m_step = start;
        // A new generator per session: a resumed run draws fresh noise rather than repeating
        // the first session's.
        // Each rank draws its own noise and data (rank 0 draws what a single process would).
        const uint64_t rankSalt =
            dp() ? static_cast<uint64_t>(dp()->rank()) * 0x9E3779B97F4A7C15ULL : 0;
        generator = makeGenerator(c.seed * 1000003ULL + static_cast<uint64_t>(start) + rankSalt);
        const std::optional<StepPrecision> fixed = fixedStepPrecision(c, device.is_cuda());
        bool timed = !fixed;
        if (dp()) { // ranks on CPUs of different kinds: all time if one must
            timed = dp()->sum({timed ? 1.0 : 0.0})[0] > 0.0;
        }
        precision = timed ? timePrecisions() : *fixed;
        if (!timed) {
            log(spdlog::level::info, std::string("precision: ") + describe(precision) + " on " +
                                         device.str() + " (train.precision " + c.precision + ")");
        }
        config["precision"] = stepPrecisionName(precision);
        if (writes()) {
            writeFileAtomically((fs::path(t.m_runDir) / "config.json").string(),
                                config.dump(2) + '\n');
            metrics.emplace(MetricsLog::open(t.metricsPath(), start));
        }
    }

    /// A guide saved by an earlier session stays when it comes from a step this run has
    /// reached; one from another run (a fresh start) or from steps past the checkpoint resumed
    /// (a session killed after saving it) is removed, and saved again on the way if the task
    /// wants one.
    void keepOrDropGuide(int64_t start)
    {
        guideKept = t.m_task.guideAt() <= 0.0;
        const std::string dir = Trainer::guideDir(t.m_runDir);
        const auto saved = Checkpoint::listComplete(dir); // (step, folder), oldest first
        if (!saved.empty() && start > 0 && saved.back().first <= start) {
            guideKept = true;
            return;
        }
        if (writes() && fs::exists(dir)) {
            fs::remove_all(dir);
            log(spdlog::level::info, "removed " + dir +
                                         ": an autoguidance guide from another run or from "
                                         "steps past the one resumed");
        }
    }

    /// Keeps the sampling weights of `step` as the autoguidance guide once the run has reached
    /// guideAt of its planned steps (under a time budget the plan moves, so the guide lands near
    /// that fraction of the steps the run ends with).
    void keepGuideAt(int64_t step)
    {
        const double at = t.m_task.guideAt();
        if (guideKept || step < std::max<int64_t>(1, std::llround(at * t.m_config.steps))) {
            return;
        }
        guideKept = true;
        if (!writes()) {
            return;
        }
        if (ema) {
            ema->copyTo(*emaModel);
        }
        const std::string dir = Checkpoint::save(
            Trainer::guideDir(t.m_runDir), CheckpointParts{model, emaModel.get(), nullptr}, step,
            config, {{"stage", stageName(t.m_task.stage())}, {"guide_at", at}}, 1);
        log(spdlog::level::info, "autoguidance guide " + dir + " (step " + std::to_string(step) +
                                     " of " + std::to_string(t.m_config.steps) + " planned)");
    }

    /// stepPrecisionName, with what it means for the log.
    static std::string describe(StepPrecision p)
    {
        return std::string(stepPrecisionName(p)) +
               (p == StepPrecision::Mixed      ? " (bfloat16 autocast, float32 convolutions)"
                : p == StepPrecision::BFloat16 ? " autocast"
                                               : "");
    }

    /// train.precision "auto" on a CPU with native bf16. Which of bf16 autocast, "mixed" and
    /// float32 is fastest depends on the CPU's oneDNN kernels (an AVX512-BF16 Xeon: 184, 153
    /// and 308 ms for the demo denoiser's step at 2 threads; bench/RESULTS.md, "Mixed
    /// precision"), so each is timed on a few forward and backward passes of this run's own
    /// loss (no optimizer step; a generator of its own leaves the run's noise as it was) and the
    /// fastest kept. Ranks add up their times, so all pick the same.
    StepPrecision timePrecisions()
    {
        constexpr int kWarmup = 1;
        constexpr int kTimed = 3;
        const std::array<StepPrecision, 3> candidates{StepPrecision::BFloat16, StepPrecision::Mixed,
                                                      StepPrecision::Float32};
        at::Generator probe = makeGenerator(t.m_config.seed * 1000003ULL + 0x9E3779B9ULL);
        const auto start = Clock::now();
        auto pass = [&](StepPrecision p) {
            const auto passStart = Clock::now();
            TaskLoss l;
            {
                detail::Autocast autocast(device.type(), p != StepPrecision::Float32);
                Float32Convolutions convs(p == StepPrecision::Mixed);
                l = t.m_task.loss(t.m_step, probe);
            }
            l.total.backward();
            return msSince(passStart) - l.loaderWaitMs;
        };
        pass(candidates[0]); // first touches: the loader, allocator pools, kernel caches
        std::vector<double> medians;
        for (StepPrecision p : candidates) {
            std::vector<double> ms;
            for (int i = 0; i < kWarmup + kTimed; ++i) {
                const double passMs = pass(p);
                if (i >= kWarmup) {
                    ms.push_back(passMs);
                }
            }
            std::sort(ms.begin(), ms.end());
            medians.push_back(ms[ms.size() / 2]);
        }
        detail::zeroGradients(parameters);
        if (dp()) {
            medians = dp()->sum(medians);
        }
        const size_t best =
            static_cast<size_t>(std::min_element(medians.begin(), medians.end()) - medians.begin());
        precisionTimingMs = msSince(start);
        std::string timings;
        for (size_t i = 0; i < candidates.size(); ++i) {
            timings += std::string(i ? ", " : "") + stepPrecisionName(candidates[i]) + " " +
                       std::to_string(static_cast<int>(std::lround(medians[i]))) + " ms";
        }
        log(spdlog::level::info, "precision: " + describe(candidates[best]) + " on " +
                                     device.str() +
                                     " (train.precision auto, the fastest forward and backward "
                                     "pass here: " +
                                     timings + (dp() ? ", summed over ranks" : "") + ")");
        return candidates[best];
    }

    /// Compares the ranks' weights; throws when they differ (a bug or a corrupted rank, which
    /// would otherwise train on silently as N different models).
    void checkRanksAgree(int64_t step)
    {
        if (!dp()) {
            return;
        }
        torch::NoGradGuard noGrad;
        double checksum = 0.0;
        for (const torch::Tensor& p : parameters) {
            checksum += p.detach().abs().sum(torch::kFloat64).item<double>();
        }
        const auto [hi, lo] = dp()->maxMin(checksum);
        if (!(hi - lo <= 1e-6 * (1.0 + std::abs(hi)))) {
            throw Error(ErrorKind::Runtime,
                        dp()->describe() + ": the ranks' weights differ at step " +
                            std::to_string(step) + " (checksums " + std::to_string(lo) + " to " +
                            std::to_string(hi) + "); the run stopped");
        }
    }

    nlohmann::json extraState() const
    {
        return {{"stage", stageName(t.m_task.stage())},
                {"optimizer", t.m_config.optimizer},
                {"skipped_steps", skipped},
                {"ema_updates", ema ? ema->numUpdates() : 0},
                {"elapsed_s", elapsedS},
                {"planned_steps", t.m_config.steps},
                {"task", t.m_task.state()}};
    }

    void saveCheckpoint(int64_t step)
    {
        if (!writes()) {
            lastCheckpointStep = step;
            return;
        }
        if (ema) {
            ema->copyTo(*emaModel);
        }
        const std::string dir = Checkpoint::save(t.checkpointsDir(), parts(), step, config,
                                                 extraState(), t.m_config.keepCheckpoints);
        lastCheckpointStep = step;
        metrics->sync();
        log(spdlog::level::info, "checkpoint " + dir);
        if (t.m_observer) {
            t.m_observer->onCheckpoint(step, dir);
        }
    }

    std::map<std::string, double> preview(int64_t step)
    {
        if (ema) {
            ema->copyTo(*emaModel);
        }
        torch::nn::Module& m = samplingModel();
        const bool wasTraining = m.is_training();
        m.eval();
        PreviewResult result;
        {
            torch::NoGradGuard noGrad;
            // The other ranks on this machine wait for this one in the next step's collective
            // (blocked, not spinning), so their cores are free: sample with their threads too.
            const ScopedTorchThreads borrowed(
                threadsWithWaitingRanks(dp() ? dp()->localWorldSize() : 1));
            result = t.m_task.preview(step, m);
        }
        if (wasTraining) {
            m.train();
        }
        if (t.m_observer) {
            for (const PreviewClip& clip : result.clips) {
                t.m_observer->onPreview(clip);
            }
        }
        return result.metrics;
    }

    /// One optimizer step; false when it was skipped as non-finite.
    bool trainStep(int64_t step, StepMetrics& m)
    {
        const TrainConfig& c = t.m_config;
        optimizer->zero_grad();
        bool finite = true;
        std::map<std::string, double> terms;
        double lossSum = 0.0;
        double waitMs = 0.0;
        for (int micro = 0; micro < c.gradAccumulation; ++micro) {
            TaskLoss l;
            {
                detail::Autocast autocast(device.type(), precision != StepPrecision::Float32);
                Float32Convolutions convs(precision == StepPrecision::Mixed);
                l = t.m_task.loss(step, generator);
            }
            waitMs += l.loaderWaitMs;
            const double value = l.total.item<double>();
            if (!std::isfinite(value)) {
                finite = false;
                break;
            }
            (l.total / static_cast<double>(c.gradAccumulation)).backward();
            lossSum += value;
            for (const auto& [k, v] : l.terms) {
                terms[k] += v / c.gradAccumulation;
            }
        }
        m.loaderWaitMs = waitMs;
        if (dp()) {
            // One small allreduce for the step's figures, then the gradients. A rank whose loss
            // was not finite sends zeros and its flag, so every rank skips the same step.
            if (!finite) {
                detail::zeroGradients(parameters);
            }
            const std::vector<double> sums =
                dp()->sum({finite ? lossSum : 0.0, finite ? 0.0 : 1.0, t.m_stop ? 1.0 : 0.0,
                           dp()->isMain() ? double(t.m_config.steps) : 0.0});
            stopAll = sums[2] > 0.0;
            t.m_config.steps = static_cast<int64_t>(sums[3]); // rank 0's plan (time budget)
            dp()->averageGradients(parameters);
            finite = sums[1] == 0.0;
            lossSum = sums[0] / dp()->worldSize();
        }
        // The schedule's length is known only now: a time budget's plan reaches the other
        // ranks with this step's figures, and a rate computed before them left those ranks one
        // plan behind rank 0, so their weights drifted apart.
        const double lr = learningRateAt(c, step);
        for (auto& group : optimizer->param_groups()) {
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        }
        m.learningRate = lr;
        double gradNorm = finite ? detail::globalGradNorm(parameters) : NAN;
        if (!std::isfinite(gradNorm)) {
            finite = false;
        }
        if (!finite) {
            detail::zeroGradients(parameters);
            ++skipped;
            ++consecutiveSkipped;
            log(spdlog::level::warn, "step " + std::to_string(step + 1) +
                                         ": non-finite loss or gradients, step skipped (" +
                                         std::to_string(skipped) + " so far)");
            if (consecutiveSkipped >= c.maxNonFiniteSteps) {
                throw Error(ErrorKind::Runtime,
                            std::to_string(consecutiveSkipped) +
                                " steps in a row had non-finite loss or gradients (last at step " +
                                std::to_string(step + 1) +
                                "); the run stopped. Lower the learning rate or enable gradient "
                                "clipping, then resume from the last checkpoint",
                            ErrorCode::NonFinite);
            }
            return false;
        }
        consecutiveSkipped = 0;
        if (c.clip == ClipMode::Norm) {
            detail::clipGradNorm(parameters, gradNorm, c.clipValue);
        } else if (c.clip == ClipMode::AdaptiveUnitwise) {
            detail::clipGradAdaptive(parameters, c.clipValue);
        }
        detail::muonStep(*optimizer, muonParams, lr, c.weightDecay, muonShare);
        optimizer->step();
        if (ema && step >= c.emaStartStep) {
            ema->update(*model, c.emaDecay);
        }
        m.loss = lossSum / c.gradAccumulation;
        m.terms = std::move(terms);
        m.gradNorm = gradNorm;
        return true;
    }

    void appendMetrics(const StepMetrics& m, const std::map<std::string, double>& extra)
    {
        if (!metrics) {
            return; // not rank 0
        }
        nlohmann::json line = {
            {metric::kStep, m.step},           {metric::kStage, stageName(m.stage)},
            {metric::kLoss, m.loss},           {metric::kLearningRate, m.learningRate},
            {metric::kGradNorm, m.gradNorm},   {metric::kStepMs, m.stepTimeMs},
            {metric::kWaitMs, m.loaderWaitMs}, {metric::kSkipped, m.skippedSteps},
            {metric::kTimeS, elapsedS}};
        for (const auto& [k, v] : m.terms) {
            line[k] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
        }
        for (const auto& [k, v] : extra) {
            line[k] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
        }
        metrics->append(line);
    }

    /// Time budget: plans the step count from the measured cost of a step and of a preview so
    /// that training ends within c.maxMinutes of this session's start (the first plan after
    /// kPlanAfter steps, revised after every step), and ends the run when the budget is
    /// spent. Rank 0 plans; the other ranks take its plan with the step's figures.
    void planBudget(int64_t step)
    {
        constexpr int64_t kPlanAfter = 20;
        const TrainConfig& c = t.m_config;
        if (c.maxMinutes <= 0.0 || !writes() || step >= c.steps || stepsTimed < 2) {
            return; // no budget, not rank 0, the plan ends here, or nothing measured yet
        }
        const double budgetMs = c.maxMinutes * 60000.0;
        const double remainingMs = budgetMs - precisionTimingMs - msSince(sessionStart);
        // At least one more step: it carries the plan to the other ranks.
        if (remainingMs <= 0.0) {
            t.m_config.steps = std::min(configuredSteps, step + 1); // spent
            return;
        }
        if (stepsTimed < kPlanAfter) {
            return; // too few steps measured for a plan (the budget check above still runs)
        }
        const double stepMs = stepMsSum / static_cast<double>(stepsTimed);
        const double previewMs = previewsTimed > 0 ? previewMsSum / previewsTimed : 0.0;
        const double perStepMs =
            stepMs + (c.previewEvery > 0 ? previewMs / static_cast<double>(c.previewEvery) : 0.0);
        const auto more = static_cast<int64_t>(remainingMs / std::max(perStepMs, 1e-3));
        const int64_t planned = std::clamp<int64_t>(step + more, step + 1, configuredSteps);
        if (!planLogged || std::llabs(planned - c.steps) * 100 > c.steps) {
            log(spdlog::level::info, "time budget " + std::to_string(c.maxMinutes) +
                                         " min: " + std::to_string(planned) + " steps planned (" +
                                         std::to_string(stepMs) + " ms a step, " +
                                         std::to_string(previewMs) + " ms a preview)");
            planLogged = true;
        }
        t.m_config.steps = planned;
    }

    /// Runs steps until done or stopped; true when all ran.
    bool loop()
    {
        const TrainConfig& c = t.m_config;
        sessionStart = Clock::now();
        int64_t step = t.m_step;
        sessionFirstStep = step;
        while (step < c.steps) {
            while (t.m_paused && !t.m_stop) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (t.m_stop && !dp()) {
                break; // ranks stop together, after the step that carries the request
            }
            const auto start = Clock::now();
            StepMetrics m;
            m.stage = t.m_task.stage();
            m.totalSteps = c.steps;
            if (!trainStep(step, m)) {
                if (stopAll) {
                    break;
                }
                continue;
            }
            ++step;
            t.m_step = step;
            m.step = step;
            m.skippedSteps = skipped;
            const double wallMs = msSince(start);
            m.stepTimeMs = std::max(0.0, wallMs - m.loaderWaitMs);
            elapsedS += wallMs / 1000.0;
            if (step > sessionFirstStep + 1) { // the session's first step allocates: not typical
                stepMsSum += wallMs;
                ++stepsTimed;
            }

            if (dp() && (step % kWeightsCheckEvery == 0 || step == c.steps)) {
                checkRanksAgree(step);
            }
            std::map<std::string, double> extra;
            if (writes() && detail::previewDue(step, c.steps, c.previewEvery, c.maxMinutes > 0.0)) {
                const auto previewStart = Clock::now();
                extra = preview(step);
                if (step < c.steps) {
                    previewMsSum += msSince(previewStart);
                    ++previewsTimed;
                }
            }
            if (t.m_observer) {
                StepMetrics shown = m;
                shown.terms.insert(extra.begin(), extra.end());
                t.m_observer->onStep(shown);
            }
            if (step % c.logEvery == 0 || step == c.steps || !extra.empty()) {
                appendMetrics(m, extra);
            }
            if (step % c.checkpointEvery == 0 && step < c.steps) {
                saveCheckpoint(step);
            }
            keepGuideAt(step);
            if (stopAll) {
                break;
            }
            planBudget(step);
        }
        return step >= c.steps;
    }
};

bool Trainer::run(StartMode mode)
{
    // A stop requested before this call counts (the caller may ask while setup runs); this run
    // consumes it, so the next run() starts afresh.
    struct ConsumeStop {
        std::atomic<bool>& stop;
        ~ConsumeStop() { stop = false; }
    } consumeStop{m_stop};
    Loop loop(*this);
    bool completed = false;
    bool training = false;
    try {
        loop.setup(mode);
        training = true;
        completed = loop.loop();
        const int64_t step = m_step;
        if (completed && loop.writes()) {
            if (loop.ema) {
                loop.ema->copyTo(*loop.emaModel);
            }
            loop.samplingModel().eval();
            m_task.finish(*loop.model, loop.samplingModel(), m_observer);
            if (loop.ema) {
                // finish() may have changed the sampling copy (the VAE's latent normalization);
                // the shadow takes it over so the saved EMA weights carry it.
                const int64_t updates = loop.ema->numUpdates();
                loop.ema.emplace(*loop.emaModel);
                loop.ema->setNumUpdates(updates);
            }
            loop.saveCheckpoint(step);
        } else if (step > 0 && step != loop.lastCheckpointStep) {
            loop.saveCheckpoint(step);
        }
        if (loop.metrics) {
            loop.metrics->close();
        }
        loop.log(spdlog::level::info,
                 std::string(completed ? "finished" : "stopped") + " at step " +
                     std::to_string(step) + " (" + std::to_string(loop.skipped) +
                     " non-finite steps skipped)");
    } catch (...) {
        // torch's messages reach the observer as one line without their C++ backtrace.
        try {
            rethrowAsError("training");
        } catch (const Error& e) {
            // Data that vanished while training (every clip deleted or unreadable) ends the
            // run like a stop: the steps since the last checkpoint are kept, then it fails.
            // Other errors may leave the weights half-updated, so nothing is saved for them.
            if (training && e.kind() == ErrorKind::InputData && m_step > 0 &&
                m_step != loop.lastCheckpointStep) {
                try {
                    loop.saveCheckpoint(m_step);
                } catch (const std::exception& saveError) {
                    loop.log(spdlog::level::warn,
                             std::string("no checkpoint after the error: ") + saveError.what());
                }
            }
            if (m_observer) {
                m_observer->onError(e.what());
                m_observer->onFinished(false, m_step);
            }
            throw;
        }
    }
    if (m_observer) {
        m_observer->onFinished(completed, m_step);
    }
    return completed;
}

} // namespace vd

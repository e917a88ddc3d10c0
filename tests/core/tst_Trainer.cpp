// SPDX-License-Identifier: GPL-3.0-or-later
// The Trainer loop on a tiny regression task: loss falls, metrics and checkpoints are written,
// stop and pause act within a step, a resumed run carries on (step count and loss curve),
// non-finite steps are skipped and counted and a run of them stops with an error, gradient
// clipping (norm and AGC) bounds the gradients, accumulation equals one large batch, bf16
// autocast runs the forward in bf16 with float32 weights ("mixed": convolutions in float32), and
// "auto" settles on one precision before the first step, and train.optimizer "muon" trains,
// orthogonalises its updates and keeps its momentum across a resume.
#include "model/ConvPrecision.h"
#include "train/Checkpoint.h"
#include "train/MetricsLog.h"
#include "train/Trainer.h"
#include "train/detail/Autocast.h"
#include "train/detail/GradientTools.h"
#include "train/detail/Muon.h"
#include "train/detail/PreviewSchedule.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/Safetensors.h"
#include "util/Threads.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

using namespace vd;

namespace {

/// y = x . w* with 64 fixed samples; each micro-batch is `samples` of them starting at a
/// rotating offset. Can be told to return NaN at given steps.
class RegressionTask : public TrainTask {
public:
    explicit RegressionTask(int samples = 64) : m_samples(samples)
    {
        torch::manual_seed(3);
        m_x = torch::randn({64, 4});
        m_y = m_x.matmul(torch::tensor({1.0f, -2.0f, 0.5f, 3.0f})).unsqueeze(1);
        m_model = torch::nn::Linear(4, 1);
    }
    Stage stage() const override { return Stage::VAE; }
    torch::nn::Module& model() override { return *m_model; }
    std::shared_ptr<torch::nn::Module> makeModelCopy() const override
    {
        return torch::nn::Linear(4, 1).ptr();
    }
    void setDevice(const torch::Device&) override {}
    nlohmann::json config() const override { return {{"task", "regression"}}; }
    TaskLoss loss(int64_t step, at::Generator&) override
    {
        ++calls;
        const int64_t start = (m_offset * m_samples) % 64;
        m_offset++;
        const torch::Tensor x = m_x.narrow(0, start, m_samples);
        const torch::Tensor y = m_y.narrow(0, start, m_samples);
        const torch::Tensor prediction = m_model->forward(x);
        forwardTypes.insert(prediction.scalar_type());
        torch::Tensor l = (prediction - y).pow(2).mean();
        if (nanCalls.count(calls) || alwaysNaN) {
            l = l * std::numeric_limits<float>::quiet_NaN();
        }
        return TaskLoss{l, {{"mse", l.item<double>()}}, 0.0};
    }
    PreviewResult preview(int64_t step, torch::nn::Module&) override
    {
        ++previews;
        return PreviewResult{{}, {{"preview_figure", double(step)}}};
    }
    void finish(torch::nn::Module&, torch::nn::Module&, TrainerObserver*) override { ++finishes; }
    double guideAt() const override { return guideShare; }

    torch::nn::Linear m_model{nullptr};
    double guideShare = 0.0; ///< TrainTask::guideAt
    std::set<int> nanCalls; ///< 1-based loss() calls that return NaN
    std::set<c10::ScalarType> forwardTypes; ///< dtypes the model's output had in training
    bool alwaysNaN = false;
    int calls = 0;
    int previews = 0;
    int finishes = 0;

private:
    int m_samples;
    int64_t m_offset = 0;
    torch::Tensor m_x, m_y;
};

class RecordingObserver : public TrainerObserver {
public:
    std::function<void(const StepMetrics&)> onStepHook;
    std::vector<StepMetrics> steps;
    std::vector<int64_t> checkpoints;
    std::vector<std::string> errors;
    int finished = 0;
    bool completed = false;
    /// Asks `trainer` to stop once step `step` is done.
    void stopAt(Trainer& trainer, int64_t step)
    {
        onStepHook = [&trainer, step](const StepMetrics& m) {
            if (m.step == step) {
                trainer.requestStop();
            }
        };
    }
    void onStep(const StepMetrics& m) override
    {
        steps.push_back(m);
        if (onStepHook) {
            onStepHook(m);
        }
    }
    void onCheckpoint(int64_t step, const std::string&) override { checkpoints.push_back(step); }
    void onError(const std::string& message) override { errors.push_back(message); }
    void onFinished(bool c, int64_t) override
    {
        ++finished;
        completed = c;
    }
};

TrainConfig smallConfig(int64_t steps)
{
    TrainConfig c;
    c.steps = steps;
    c.learningRate = 0.2;
    c.warmupSteps = 2;
    c.weightDecay = 0.0;
    c.logEvery = 1;
    c.previewEvery = 10;
    c.checkpointEvery = 10;
    c.keepCheckpoints = 10;
    c.emaDecay = 0.9;
    c.device = "cpu";
    return c;
}

std::vector<int64_t> loggedSteps(const std::string& path)
{
    std::vector<int64_t> out;
    for (const auto& e : MetricsLog::readAll(path).entries) {
        out.push_back(e["step"].get<int64_t>());
    }
    return out;
}

} // namespace

class tst_Trainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossFallsAndFilesAreWritten();
    void stopTakesEffectWithinOneStep();
    void stopBeforeRunIsKeptThenConsumed();
    void pauseHoldsTheLoop();
    void resumeCarriesOn();
    void freshRefusesExistingRun();
    void guideIsKeptOnceAndNeverRotated();
    void guideFromPastTheResumedStepIsSavedAgain();
    void nonFiniteStepsAreSkipped();
    void repeatedNonFiniteStepsStopTheRun();
    void clipByNormBoundsTheNorm();
    void adaptiveClippingBoundsEachUnit();
    void accumulationEqualsLargeBatch();
    void timeBudgetPlansTheSteps();
    void budgetSkipsAPreviewJustBeforeTheFinalOne();
    void resumedBudgetKeepsItsSchedule();
    void unknownDeviceIsRejected();
    void bf16AutocastTrainsInBf16();
    void precisionIsCheckedByName();
    void mixedRunsConvolutionsInFloat32();
    void autoPrecisionIsTimedAndRecorded();
    void muonOrthogonalizes();
    void muonGramFormMatchesThePlainIteration();
    void muonTakesHiddenMatricesOnly();
    void muonSharesAreBalancedAndTheSameOnEveryRank();
    void muonTrainsAndResumesWithItsMomentum();

private:
    std::string runDir(const char* name) const { return m_dir.filePath(name).toStdString(); }
    QTemporaryDir m_dir;
};

void tst_Trainer::lossFallsAndFilesAreWritten()
{
    RegressionTask task;
    RecordingObserver observer;
    Trainer trainer(task, smallConfig(30), runDir("basic"), &observer);
    QVERIFY(trainer.run(StartMode::Fresh));
    QCOMPARE(observer.steps.size(), size_t(30));
    QCOMPARE(observer.steps.back().step, int64_t(30));
    QVERIFY2(observer.steps.back().loss < 0.2 * observer.steps.front().loss,
             qPrintable(QString("%1 -> %2").arg(observer.steps.front().loss)
                            .arg(observer.steps.back().loss)));
    QVERIFY(observer.steps[5].learningRate > 0.0);
    QVERIFY(observer.steps[5].gradNorm > 0.0);
    QCOMPARE(observer.completed, true);
    QCOMPARE(observer.finished, 1);
    QCOMPARE(task.finishes, 1);
    QCOMPARE(task.previews, 3); // steps 10, 20, 30
    QCOMPARE(observer.checkpoints, (std::vector<int64_t>{10, 20, 30}));
    QVERIFY(std::filesystem::exists(runDir("basic") + "/config.json"));
    const auto latest = Checkpoint::findLatest(trainer.checkpointsDir());
    QVERIFY(latest.has_value());
    const CheckpointInfo info = Checkpoint::readInfo(*latest);
    QCOMPARE(info.step, int64_t(30));
    QVERIFY(info.hasEMA);
    QCOMPARE(info.config["task"].get<std::string>(), std::string("regression"));
    QCOMPARE(loggedSteps(trainer.metricsPath()).size(), size_t(30));
    const auto records = MetricsLog::readAll(trainer.metricsPath()).records();
    QVERIFY(records[9].numbers.count("preview_figure"));
    QVERIFY(records[9].numbers.count("mse"));
    QCOMPARE(records[9].texts.at("stage"), std::string("vae"));
}

void tst_Trainer::stopTakesEffectWithinOneStep()
{
    RegressionTask task;
    RecordingObserver observer;
    Trainer trainer(task, smallConfig(100), runDir("stop"), &observer);
    observer.stopAt(trainer, 7);
    QVERIFY(!trainer.run(StartMode::Fresh));
    QCOMPARE(trainer.step(), int64_t(7));
    QCOMPARE(observer.completed, false);
    QCOMPARE(task.finishes, 0);
    // The stop leaves a checkpoint at the step reached.
    QCOMPARE(Checkpoint::readInfo(*Checkpoint::findLatest(trainer.checkpointsDir())).step,
             int64_t(7));
}

void tst_Trainer::stopBeforeRunIsKeptThenConsumed()
{
    RegressionTask task;
    RecordingObserver observer;
    Trainer trainer(task, smallConfig(5), runDir("stop-early"), &observer);
    trainer.requestStop(); // as a Stop pressed while the run was still being set up
    QVERIFY(!trainer.run(StartMode::Fresh));
    QCOMPARE(trainer.step(), int64_t(0));
    QCOMPARE(task.calls, 0);
    // That run consumed the stop: the next one trains.
    QVERIFY(trainer.run(StartMode::Resume));
    QCOMPARE(trainer.step(), int64_t(5));
}

void tst_Trainer::pauseHoldsTheLoop()
{
    RegressionTask task;
    RecordingObserver observer;
    TrainConfig config = smallConfig(1000000);
    config.checkpointEvery = 1000000;
    config.previewEvery = 0;
    Trainer trainer(task, config, runDir("pause"), &observer);
    // The training thread reports each step here; at step 3 it waits until this thread has
    // paused the run, so the pause lands between two steps and the run holds at exactly 3.
    std::mutex mutex;
    std::condition_variable changed;
    int64_t lastStep = 0;
    bool pauseSet = false;
    observer.onStepHook = [&](const StepMetrics& m) {
        std::unique_lock lock(mutex);
        lastStep = m.step;
        changed.notify_all();
        if (m.step == 3) {
            changed.wait(lock, [&] { return pauseSet; });
        }
    };
    const auto waitForStep = [&](int64_t step, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, [&] { return lastStep >= step; });
    };
    std::thread worker([&] { trainer.run(StartMode::Fresh); });
    const bool reached3 = waitForStep(3, std::chrono::minutes(1));
    trainer.setPaused(true);
    {
        std::lock_guard lock(mutex);
        pauseSet = true;
    }
    changed.notify_all();
    // A held loop has no event of its own: the only sign is a step that does not come, so this
    // gives a missed pause time to run one.
    const bool steppedWhilePaused = waitForStep(4, std::chrono::milliseconds(300));
    const int64_t held = trainer.step();
    trainer.setPaused(false);
    const bool resumed = waitForStep(held + 3, std::chrono::minutes(1));
    trainer.setPaused(true);
    trainer.requestStop(); // stop also ends a pause
    worker.join();
    QVERIFY(reached3);
    QVERIFY2(!steppedWhilePaused, qPrintable(QString("paused at step 3, ran to %1").arg(held)));
    QCOMPARE(held, int64_t(3));
    QVERIFY(resumed);
    QVERIFY(trainer.step() >= held + 3);
}

void tst_Trainer::resumeCarriesOn()
{
    const std::string dir = runDir("resume");
    double firstLoss = 0.0;
    double lossAtStop = 0.0;
    {
        RegressionTask task;
        RecordingObserver observer;
        Trainer trainer(task, smallConfig(20), dir, &observer);
        observer.onStepHook = [&](const StepMetrics& m) {
            if (m.step == 1) {
                firstLoss = m.loss;
            }
            if (m.step == 13) {
                lossAtStop = m.loss;
                trainer.requestStop();
            }
        };
        QVERIFY(!trainer.run(StartMode::Fresh));
    }
    // A torn line, as a kill during a write would leave.
    {
        std::FILE* f = std::fopen((dir + "/metrics.jsonl").c_str(), "a");
        std::fputs("{\"step\": 14, \"loss\": 0.", f);
        std::fclose(f);
    }
    RegressionTask task;
    RecordingObserver observer;
    Trainer trainer(task, smallConfig(25), dir, &observer);
    QVERIFY(trainer.run(StartMode::Resume));
    QCOMPARE(observer.steps.front().step, int64_t(14));
    QCOMPARE(observer.steps.back().step, int64_t(25));
    QCOMPARE(task.calls, 12);
    std::vector<int64_t> expected(25);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(loggedSteps(trainer.metricsPath()), expected);
    // The resumed model starts where the first stopped, not from scratch.
    const double resumedLoss = observer.steps.front().loss;
    QVERIFY2(resumedLoss < 0.5 * firstLoss && resumedLoss < 3.0 * lossAtStop,
             qPrintable(QString("first %1, at stop %2, resumed %3")
                            .arg(firstLoss).arg(lossAtStop).arg(resumedLoss)));
}

void tst_Trainer::freshRefusesExistingRun()
{
    const std::string dir = runDir("fresh");
    RegressionTask task;
    Trainer(task, smallConfig(10), dir).run(StartMode::Fresh);
    RegressionTask again;
    try {
        Trainer(again, smallConfig(10), dir).run(StartMode::Fresh);
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
        QVERIFY(QString(e.what()).contains(QString::fromStdString(dir)));
    }
}

void tst_Trainer::guideIsKeptOnceAndNeverRotated()
{
    namespace fs = std::filesystem;
    const std::string dir = runDir("guide");
    // A guide left by another run in this folder must not survive a fresh start.
    {
        RegressionTask other;
        other.guideShare = 0.5;
        Trainer(other, smallConfig(4), runDir("guide-other")).run(StartMode::Fresh);
        fs::create_directories(Trainer::guideDir(dir));
        fs::copy(Trainer::guideDir(runDir("guide-other")), Trainer::guideDir(dir),
                 fs::copy_options::recursive);
        QVERIFY(fs::exists(Trainer::guideDir(dir) + "/step-2"));
    }
    RegressionTask task;
    task.guideShare = 0.3;
    TrainConfig c = smallConfig(20);
    c.checkpointEvery = 2;
    c.keepCheckpoints = 1;
    Trainer trainer(task, c, dir);
    QVERIFY(trainer.run(StartMode::Fresh));
    // Step 6 = 0.3 of 20, once; rotation kept only the newest checkpoint but not the guide.
    const auto guides = Checkpoint::listComplete(Trainer::guideDir(dir));
    QCOMPARE(guides.size(), size_t(1));
    QCOMPARE(guides.front().first, int64_t(6));
    QVERIFY(!fs::exists(Trainer::guideDir(dir) + "/step-2"));
    const auto kept = Checkpoint::listComplete(trainer.checkpointsDir());
    QCOMPARE(kept.size(), size_t(1));
    QCOMPARE(kept.front().first, int64_t(20));
    // The guide holds the EMA weights of step 6, which the 14 steps after it moved on from.
    const CheckpointInfo info = Checkpoint::readInfo(guides.front().second);
    QVERIFY(info.hasEMA);
    QVERIFY(!info.hasOptimizer);
    torch::nn::Linear early(4, 1), late(4, 1);
    SafetensorsFile::open(guides.front().second + "/" + Checkpoint::kEMAFile).loadInto(*early);
    SafetensorsFile::open(kept.front().second + "/" + Checkpoint::kEMAFile).loadInto(*late);
    QVERIFY(!torch::allclose(early->weight, late->weight, 1e-3, 1e-3));

    // Without guideAt, a fresh run in a folder with an old guide removes it.
    fs::remove_all(trainer.checkpointsDir());
    RegressionTask plain;
    Trainer(plain, smallConfig(4), dir).run(StartMode::Fresh);
    QVERIFY(!fs::exists(Trainer::guideDir(dir)));
}

void tst_Trainer::guideFromPastTheResumedStepIsSavedAgain()
{
    namespace fs = std::filesystem;
    const std::string dir = runDir("guide-resume");
    TrainConfig c = smallConfig(20);
    c.checkpointEvery = 2;
    const auto session = [&](StartMode mode, int64_t stopAt) { // true when it ran to the end
        RegressionTask task;
        task.guideShare = 0.3;
        RecordingObserver observer;
        Trainer trainer(task, c, dir, &observer);
        observer.stopAt(trainer, stopAt);
        return trainer.run(mode);
    };
    QVERIFY(!session(StartMode::Fresh, 8));
    const std::string guide = Trainer::guideDir(dir) + "/step-6";
    QVERIFY(Checkpoint::isComplete(guide));
    std::ofstream(guide + "/marker") << "the first session's guide";
    // Resumed from step 8 (past the guide): the guide stays as it is.
    QVERIFY(!session(StartMode::Resume, 9));
    QVERIFY(fs::exists(guide + "/marker"));
    // As if the session had been killed after the guide and before its next checkpoint:
    // resumed from step 4, the guide of step 6 belongs to steps this run has not taken.
    for (const int step : {6, 8, 9}) {
        fs::remove_all(dir + "/checkpoints/step-" + std::to_string(step));
    }
    RegressionTask task;
    task.guideShare = 0.3;
    RecordingObserver observer;
    Trainer trainer(task, c, dir, &observer);
    bool goneAtStep5 = false; // removed when the session started, not yet saved again
    observer.onStepHook = [&](const StepMetrics& m) {
        if (m.step == 5) {
            goneAtStep5 = !fs::exists(Trainer::guideDir(dir));
        }
    };
    QVERIFY(trainer.run(StartMode::Resume));
    QVERIFY(goneAtStep5);
    QVERIFY(Checkpoint::isComplete(guide));
    QVERIFY(!fs::exists(guide + "/marker"));
}

void tst_Trainer::nonFiniteStepsAreSkipped()
{
    RegressionTask task;
    task.nanCalls = {4, 9};
    RecordingObserver observer;
    Trainer trainer(task, smallConfig(15), runDir("nan"), &observer);
    QVERIFY(trainer.run(StartMode::Fresh));
    QCOMPARE(trainer.step(), int64_t(15));
    QCOMPARE(observer.steps.back().skippedSteps, int64_t(2));
    for (const auto& p : task.m_model->parameters()) {
        QVERIFY(torch::isfinite(p).all().item<bool>());
    }
}

void tst_Trainer::repeatedNonFiniteStepsStopTheRun()
{
    RegressionTask task;
    RecordingObserver observer;
    TrainConfig config = smallConfig(50);
    config.maxNonFiniteSteps = 5;
    Trainer trainer(task, config, runDir("nanstop"), &observer);
    observer.onStepHook = [&](const StepMetrics& m) {
        if (m.step == 12) {
            task.alwaysNaN = true;
        }
    };
    try {
        trainer.run(StartMode::Fresh);
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::NonFinite);
        QVERIFY(QString(e.what()).contains("5 steps in a row"));
    }
    QCOMPARE(observer.errors.size(), size_t(1));
    QCOMPARE(observer.finished, 1);
    QCOMPARE(trainer.step(), int64_t(12));
    // The last good checkpoint stays the newest, and it is finite.
    const auto latest = Checkpoint::findLatest(trainer.checkpointsDir());
    QCOMPARE(Checkpoint::readInfo(*latest).step, int64_t(10));
}

void tst_Trainer::clipByNormBoundsTheNorm()
{
    torch::Tensor a = torch::zeros({3}, torch::requires_grad());
    torch::Tensor b = torch::zeros({2, 2}, torch::requires_grad());
    a.mutable_grad() = torch::full({3}, 3.0);
    b.mutable_grad() = torch::full({2, 2}, 4.0);
    const std::vector<torch::Tensor> params{a, b};
    const double norm = vd::detail::globalGradNorm(params);
    QVERIFY(std::abs(norm - std::sqrt(27.0 + 64.0)) < 1e-4);
    vd::detail::clipGradNorm(params, norm, 1.0);
    QVERIFY(std::abs(vd::detail::globalGradNorm(params) - 1.0) < 1e-4);
    // Under the limit: unchanged.
    vd::detail::clipGradNorm(params, 1.0, 5.0);
    QVERIFY(std::abs(vd::detail::globalGradNorm(params) - 1.0) < 1e-4);
}

void tst_Trainer::adaptiveClippingBoundsEachUnit()
{
    torch::Tensor w = torch::tensor({{1.0f, 0.0f}, {0.0f, 0.001f}}).requires_grad_();
    w.mutable_grad() = torch::tensor({{0.5f, 0.0f}, {10.0f, 0.0f}});
    vd::detail::clipGradAdaptive({w}, 0.1, 1e-3);
    const torch::Tensor g = w.grad();
    // Row 0: ||g|| 0.5 > 0.1 * 1 -> scaled to 0.1. Row 1: ||w|| floored at eps 1e-3 -> 1e-4.
    QVERIFY(std::abs(g[0].norm().item<double>() - 0.1) < 1e-5);
    QVERIFY(std::abs(g[1].norm().item<double>() - 1e-4) < 1e-7);
    // A unit within its limit keeps its gradient.
    torch::Tensor v = torch::ones({2, 2}).requires_grad_();
    v.mutable_grad() = torch::full({2, 2}, 0.01);
    vd::detail::clipGradAdaptive({v}, 0.1);
    QVERIFY(torch::allclose(v.grad(), torch::full({2, 2}, 0.01)));
}

void tst_Trainer::timeBudgetPlansTheSteps()
{
    // A budget far below what the configured steps need: the Trainer plans fewer steps, ends
    // as a completed run (final checkpoint) and its cosine schedule follows the plan down.
    RegressionTask task(16);
    TrainConfig config = smallConfig(10000000);
    config.maxMinutes = 0.01; // 600 ms
    config.previewEvery = 50;
    config.checkpointEvery = 1000000;
    RecordingObserver observer;
    Trainer trainer(task, config, runDir("budget"), &observer);
    QVERIFY(trainer.run(StartMode::Fresh));
    const int64_t steps = trainer.step();
    QVERIFY2(steps > 20 && steps < 10000000, qPrintable(QString::number(steps)));
    QCOMPARE(observer.steps.back().totalSteps, steps);
    QCOMPARE(loggedSteps(runDir("budget") + "/metrics.jsonl").back(), steps);
    const auto latest = Checkpoint::findLatest(runDir("budget") + "/checkpoints");
    QVERIFY(latest && Checkpoint::readInfo(*latest).step == steps);
    // Planned to end: the learning rate has come most of the way down the cosine.
    QVERIFY2(observer.steps.back().learningRate < 0.5 * config.learningRate,
             qPrintable(QString::number(observer.steps.back().learningRate)));
}

void tst_Trainer::budgetSkipsAPreviewJustBeforeTheFinalOne()
{
    using vd::detail::previewDue;
    // Every 1,000 steps and after the last, budget or not.
    QVERIFY(previewDue(1000, 2724, 1000, true));
    QVERIFY(previewDue(2000, 2724, 1000, true)); // 724 steps before the end
    QVERIFY(previewDue(2724, 2724, 1000, true));
    QVERIFY(!previewDue(1999, 2724, 1000, true));
    // make demo on a slow day: step 2,000 of a plan of 2,046 previewed and judged, then the
    // final preview; the budget skips the first, a run without one keeps it.
    QVERIFY(!previewDue(2000, 2046, 1000, true));
    QVERIFY(previewDue(2000, 2046, 1000, false));
    QVERIFY(previewDue(2000, 2250, 1000, true)); // a quarter period before the end still counts
    QVERIFY(!previewDue(2000, 2249, 1000, true));
    QVERIFY(!previewDue(5, 10, 0, false)); // previews off
    QVERIFY(!previewDue(10, 10, 0, true));
}

void tst_Trainer::resumedBudgetKeepsItsSchedule()
{
    // A time-budgeted run stopped mid-plan records its planned step count; resumed, it goes on
    // down that schedule rather than up the cosine of the 10M-step cap.
    const std::string dir = runDir("budget-resume");
    TrainConfig config = smallConfig(10000000);
    config.maxMinutes = 0.05;
    config.previewEvery = 0;
    config.checkpointEvery = 1000000;
    {
        RegressionTask task(16);
        RecordingObserver observer;
        Trainer trainer(task, config, dir, &observer);
        observer.stopAt(trainer, 40);
        QVERIFY(!trainer.run(StartMode::Fresh));
    }
    const auto latest = Checkpoint::findLatest(dir + "/checkpoints");
    QVERIFY(latest);
    const CheckpointInfo info = Checkpoint::readInfo(*latest);
    QCOMPARE(info.step, int64_t(40));
    const int64_t planned = info.extra.value("planned_steps", int64_t(0));
    QVERIFY2(planned > 40 && planned < 10000000, qPrintable(QString::number(planned)));

    RegressionTask task(16);
    RecordingObserver observer;
    Trainer trainer(task, config, dir, &observer);
    observer.stopAt(trainer, 41);
    trainer.run(StartMode::Resume);
    QVERIFY(!observer.steps.empty());
    TrainConfig plan = config;
    plan.steps = planned;
    QCOMPARE(observer.steps.front().learningRate, learningRateAt(plan, 40));
    QVERIFY(observer.steps.front().learningRate != learningRateAt(config, 40));
}

void tst_Trainer::accumulationEqualsLargeBatch()
{
    auto firstStepWeights = [&](int samples, int accumulation, const char* name) {
        RegressionTask task(samples);
        TrainConfig config = smallConfig(1);
        config.gradAccumulation = accumulation;
        config.emaDecay = 0.0;
        config.clip = ClipMode::None;
        Trainer(task, config, runDir(name)).run(StartMode::Fresh);
        return torch::cat({task.m_model->weight.flatten(), task.m_model->bias.flatten()});
    };
    const torch::Tensor whole = firstStepWeights(64, 1, "acc1");
    const torch::Tensor halves = firstStepWeights(32, 2, "acc2");
    QVERIFY2(torch::allclose(whole, halves, 1e-5, 1e-6),
             qPrintable(QString("max diff %1").arg((whole - halves).abs().max().item<double>())));
}

void tst_Trainer::unknownDeviceIsRejected()
{
    try {
        resolveDevice("gpu7", "vae.train.device");
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY(QString(e.what()).contains("vae.train.device"));
    }
    QCOMPARE(resolveDevice("cpu").type(), torch::kCPU);
    if (!torch::cuda::is_available()) {
        QVERIFY_EXCEPTION_THROWN(resolveDevice("cuda"), Error);
        QCOMPARE(resolveDevice("auto").type(), torch::kCPU);
    }
}

void tst_Trainer::bf16AutocastTrainsInBf16()
{
    // "bfloat16": the forward runs under autocast (the Linear's output is bf16), the weights
    // stay float32 and the loss still falls; "mixed" the same (only convolutions differ);
    // "float32" runs in float32.
    for (const char* precision : {"bfloat16", "mixed", "float32"}) {
        RegressionTask task;
        RecordingObserver observer;
        TrainConfig config = smallConfig(30);
        config.precision = precision;
        QVERIFY(Trainer(task, config, runDir(precision), &observer).run(StartMode::Fresh));
        const auto expected =
            std::string(precision) == "float32" ? torch::kFloat : torch::kBFloat16;
        QCOMPARE(task.forwardTypes, std::set<c10::ScalarType>{expected});
        QCOMPARE(task.m_model->weight.scalar_type(), torch::kFloat);
        QVERIFY2(observer.steps.back().loss < 0.2 * observer.steps.front().loss,
                 qPrintable(QString("%1: %2 -> %3")
                                .arg(precision)
                                .arg(observer.steps.front().loss)
                                .arg(observer.steps.back().loss)));
    }
}

void tst_Trainer::precisionIsCheckedByName()
{
    // Files without the key train in float32 as before; "auto" follows the hardware.
    QCOMPARE(trainConfigFromJson(nlohmann::json::object(), "vae.train").precision,
             std::string("float32"));
    TrainConfig automatic;
    automatic.precision = "auto";
    QVERIFY(fixedStepPrecision(automatic, true) == StepPrecision::BFloat16);
    // A CPU with native bf16 times the candidates (no fixed answer); others take float32.
    QCOMPARE(fixedStepPrecision(automatic, false).has_value(), !cpuHasNativeBf16());
    TrainConfig single;
    QVERIFY(fixedStepPrecision(single, true) == StepPrecision::Float32);
    TrainConfig mixed = trainConfigFromJson(nlohmann::json{{"precision", "mixed"}}, "vae.train");
    QVERIFY(fixedStepPrecision(mixed, false) == StepPrecision::Mixed);
    QCOMPARE(std::string(stepPrecisionName(StepPrecision::Mixed)), std::string("mixed"));
    try {
        trainConfigFromJson(nlohmann::json{{"precision", "fp8"}}, "diffusion.train");
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains("diffusion.train.precision"), e.what());
    }
}

void tst_Trainer::mixedRunsConvolutionsInFloat32()
{
    // Under bf16 autocast a convolution computes in bf16; inside Float32Convolutions it computes
    // in float32 and autocast is back on afterwards (the next matmul is bf16 again). Gradients
    // reach the float32 weights either way.
    torch::manual_seed(3);
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(4, 8, 3).padding(1));
    torch::nn::Linear linear(8, 2);
    const torch::Tensor x = torch::randn({2, 4, 6, 6});
    for (const bool f32 : {false, true}) {
        conv->zero_grad();
        torch::Tensor y;
        torch::Tensor after;
        {
            vd::detail::Autocast autocast(torch::kCPU, true);
            Float32Convolutions convs(f32);
            QCOMPARE(Float32Convolutions::active(), f32);
            y = runConv(conv, x);
            after = linear(y.mean({2, 3}));
        }
        QCOMPARE(y.scalar_type(), f32 ? torch::kFloat : torch::kBFloat16);
        QCOMPARE(after.scalar_type(), torch::kBFloat16);
        after.to(torch::kFloat).sum().backward();
        QVERIFY(conv->weight.grad().defined());
        QCOMPARE(conv->weight.grad().scalar_type(), torch::kFloat);
        QVERIFY(conv->weight.grad().abs().sum().item<double>() > 0.0);
    }
    QVERIFY(!Float32Convolutions::active());
    // Without autocast the scope changes nothing.
    Float32Convolutions convs(true);
    QCOMPARE(runConv(conv, x).scalar_type(), torch::kFloat);
}

void tst_Trainer::autoPrecisionIsTimedAndRecorded()
{
    // "auto" resolves to one precision before the first step (timed on a CPU with native bf16,
    // float32 on others), says which in config.json, and the run trains as usual.
    RegressionTask task;
    RecordingObserver observer;
    TrainConfig config = smallConfig(20);
    config.precision = "auto";
    QVERIFY(Trainer(task, config, runDir("auto"), &observer).run(StartMode::Fresh));
    std::ifstream in(runDir("auto") + "/config.json");
    const nlohmann::json written = nlohmann::json::parse(in);
    const std::string chosen = written.value("precision", "");
    if (cpuHasNativeBf16()) {
        QVERIFY2(chosen == "bfloat16" || chosen == "mixed" || chosen == "float32", chosen.c_str());
    } else {
        QCOMPARE(chosen, std::string("float32"));
    }
    QCOMPARE(observer.steps.size(), size_t(20));
    QVERIFY(observer.steps.back().loss < 0.5 * observer.steps.front().loss);
}

void tst_Trainer::muonOrthogonalizes()
{
    torch::manual_seed(11);
    // Wide, tall and ill-conditioned (100:1) matrices: every singular value of the result lands
    // near 1 (Muon's quintic leaves them in about [0.7, 1.2]), whatever the input's scale.
    const torch::Tensor u = std::get<0>(torch::linalg_qr(torch::randn({16, 16})));
    const torch::Tensor v = std::get<0>(torch::linalg_qr(torch::randn({16, 16})));
    const std::vector<torch::Tensor> inputs{
        torch::randn({32, 288}), torch::randn({96, 24}),
        u.matmul(torch::diag(torch::logspace(-2, 0, 16))).matmul(v.t())};
    for (const torch::Tensor& g : inputs) {
        for (const double scale : {1e-4, 1.0, 1e3}) {
            const torch::Tensor o = vd::detail::orthogonalize(g * scale);
            QCOMPARE(o.sizes(), g.sizes());
            const torch::Tensor sv = std::get<1>(torch::svd(o));
            const double lo = sv.min().item<double>();
            const double hi = sv.max().item<double>();
            QVERIFY2(lo > 0.5 && hi < 1.3, qPrintable(QString("[%1, %2] for %3x%4 at scale %5")
                                                          .arg(lo)
                                                          .arg(hi)
                                                          .arg(g.size(0))
                                                          .arg(g.size(1))
                                                          .arg(scale)));
        }
    }
}

void tst_Trainer::muonGramFormMatchesThePlainIteration()
{
    // Wide and tall matrices take the Gram form; it must give what the plain iteration X <- a X +
    // (b A + c A^2) X, A = X X^T, gives, computed here in double. On well-conditioned matrices it
    // misses that by about what the plain form in float32 does. An ill-conditioned one (singular
    // values 1e-3 .. 1) loses more, since the Gram matrix squares them and the form does not
    // correct its own rounding: 2e-4 of the largest entry, where the iteration itself leaves
    // the singular values anywhere in [0.7, 1.2]; a bound of 1e-3 keeps a wrong product out.
    torch::manual_seed(12);
    const torch::Tensor u = std::get<0>(torch::linalg_qr(torch::randn({24, 24})));
    const torch::Tensor v = std::get<0>(torch::linalg_qr(torch::randn({96, 24})));
    const std::vector<std::pair<torch::Tensor, bool>> inputs{
        {torch::randn({64, 576}), true},
        {torch::randn({288, 32}), true},
        {torch::randn({64, 192}), true},
        {u.matmul(torch::diag(torch::logspace(-3, 0, 24))).matmul(v.t()), false}};
    auto plain = [](const torch::Tensor& g, torch::ScalarType type) {
        const bool tall = g.size(0) > g.size(1);
        torch::Tensor x = (tall ? g.t() : g).to(type);
        x = x / (x.norm() + 1e-7);
        for (int i = 0; i < 5; ++i) {
            const torch::Tensor gram = x.mm(x.t());
            x = 3.4445 * x + (-4.7750 * gram + 2.0315 * gram.mm(gram)).mm(x);
        }
        return (tall ? x.t() : x).to(torch::kDouble);
    };
    for (const auto& [g, wellConditioned] : inputs) {
        QVERIFY(vd::detail::gramIterationIsCheaper(g.size(0), g.size(1)));
        const torch::Tensor expected = plain(g, torch::kDouble);
        const double scale = expected.abs().max().item<double>();
        const double plainError =
            (plain(g, torch::kFloat) - expected).abs().max().item<double>() / scale;
        const double error = (vd::detail::orthogonalize(g).to(torch::kDouble) - expected)
                                 .abs()
                                 .max()
                                 .item<double>() /
                             scale;
        const double bound = wellConditioned ? std::max(2.0 * plainError, 1e-6) : 1e-3;
        QVERIFY2(error < bound, qPrintable(QString("%1x%2: relative error %3, plain float32 %4")
                                               .arg(g.size(0))
                                               .arg(g.size(1))
                                               .arg(error)
                                               .arg(plainError)));
    }
    QVERIFY(!vd::detail::gramIterationIsCheaper(128, 128)); // square: the plain form is cheaper
    QVERIFY(!vd::detail::gramIterationIsCheaper(64, 64));
}

void tst_Trainer::muonTakesHiddenMatricesOnly()
{
    const torch::Tensor conv = torch::zeros({8, 4, 3, 3});
    const torch::Tensor bias = torch::zeros({8});
    QVERIFY(vd::detail::takesMuon("down_blocks.0.res.conv1.weight", conv));
    QVERIFY(vd::detail::takesMuon("down_blocks.0.res.emb_proj.weight", torch::zeros({8, 8})));
    QVERIFY(vd::detail::takesMuon("down.conv_inner.weight", conv));
    QVERIFY(!vd::detail::takesMuon("down_blocks.0.res.conv1.bias", bias));
    QVERIFY(!vd::detail::takesMuon("conv_in.weight", conv));
    QVERIFY(!vd::detail::takesMuon("encoder.conv_in.weight", conv));
    QVERIFY(!vd::detail::takesMuon("conv_out.weight", conv));
    QVERIFY(!vd::detail::takesMuon("label_embed.weight", torch::zeros({5, 8})));
    QVERIFY(!vd::detail::takesMuon("time_embed.fc1.weight", torch::zeros({8, 8})));
}

void tst_Trainer::muonSharesAreBalancedAndTheSameOnEveryRank()
{
    // A denoiser's mix: a few large convolutions, several mid-sized ones, small projections.
    std::vector<torch::Tensor> params;
    for (int i = 0; i < 3; ++i) {
        params.push_back(torch::zeros({64, 64, 3, 3}));
    }
    for (int i = 0; i < 5; ++i) {
        params.push_back(torch::zeros({32, 32, 3, 3}));
    }
    for (int i = 0; i < 4; ++i) {
        params.push_back(torch::zeros({96, 32}));
    }
    auto cost = [](const torch::Tensor& p) {
        return vd::detail::orthogonalizeCost(p.size(0), p.numel() / p.size(0));
    };
    QCOMPARE(vd::detail::muonOwners(params, 1), std::vector<int>(params.size(), 0));
    for (int world : {2, 3}) {
        const std::vector<int> owners = vd::detail::muonOwners(params, world);
        QCOMPARE(vd::detail::muonOwners(params, world), owners); // depends on the shapes only
        std::vector<double> load(size_t(world), 0.0);
        for (size_t i = 0; i < params.size(); ++i) {
            QVERIFY(owners[i] >= 0 && owners[i] < world);
            load[size_t(owners[i])] += cost(params[i]);
        }
        const auto [lo, hi] = std::minmax_element(load.begin(), load.end());
        QVERIFY2(*hi - *lo <= cost(params[0]), qPrintable(QString("%1 vs %2").arg(*hi).arg(*lo)));
    }
}

void tst_Trainer::muonTrainsAndResumesWithItsMomentum()
{
    const std::string dir = runDir("muon");
    TrainConfig c = smallConfig(20);
    c.optimizer = "muon";
    c.learningRate = 1.0;
    c.emaDecay = 0.0;
    {
        RegressionTask task;
        RecordingObserver observer;
        Trainer trainer(task, c, dir, &observer);
        observer.stopAt(trainer, 10);
        QVERIFY(!trainer.run(StartMode::Fresh));
        QCOMPARE(observer.steps.back().step, int64_t(10));
        QVERIFY2(observer.steps.back().loss < 0.3 * observer.steps.front().loss,
                 qPrintable(QString("%1 -> %2")
                                .arg(observer.steps.front().loss)
                                .arg(observer.steps.back().loss)));
    }
    // The weight matrix's momentum is in the checkpoint (as AdamW's first moment, with no
    // second moment); the bias, stepped by AdamW, has both.
    const auto latest = Checkpoint::findLatest(dir + "/checkpoints");
    QVERIFY(latest.has_value());
    const SafetensorsFile opt = SafetensorsFile::open(*latest + "/optimizer.safetensors");
    QVERIFY(opt.tensor("weight.exp_avg").abs().sum().item<double>() > 0.0);
    QCOMPARE(opt.tensor("weight.exp_avg_sq").abs().sum().item<double>(), 0.0);
    QCOMPARE(opt.tensor("weight.step").item<int64_t>(), int64_t(10));
    QVERIFY(opt.tensor("bias.exp_avg_sq").abs().sum().item<double>() > 0.0);

    // Resuming with AdamW would read Muon's momentum as AdamW's moment: refused, by name.
    {
        RegressionTask task;
        try {
            Trainer(task, smallConfig(20), dir).run(StartMode::Resume);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QVERIFY2(QString(e.what()).contains("train.optimizer 'muon'"), e.what());
        }
    }
    RegressionTask task;
    RecordingObserver observer;
    Trainer trainer(task, c, dir, &observer);
    QVERIFY(trainer.run(StartMode::Resume));
    QCOMPARE(observer.steps.front().step, int64_t(11));
    QCOMPARE(observer.steps.back().step, int64_t(20));
    const auto last = Checkpoint::findLatest(dir + "/checkpoints");
    const SafetensorsFile resumed = SafetensorsFile::open(*last + "/optimizer.safetensors");
    QCOMPARE(resumed.tensor("weight.step").item<int64_t>(), int64_t(20));
}

QTEST_APPLESS_MAIN(tst_Trainer)
#include "tst_Trainer.moc"

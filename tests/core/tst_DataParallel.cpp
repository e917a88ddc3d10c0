// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training on torch.distributed (Gloo on localhost). In one process, two ranks as
// two threads: the collectives, identical weights on both ranks, equality with one process on
// the doubled batch, a stop on one rank stopping both. With real processes (the CLI): a 2-rank
// VAE and diffusion run through --procs, rank 0 alone writing the run folder, the run resumed by
// one process, and a killed rank making the other stop with a message instead of hanging.
#include "../common/TrainedProject.h"

#include "diffusion/Random.h"
#include "project/Project.h"
#include "train/Checkpoint.h"
#include "train/DataParallel.h"
#include "train/MetricsLog.h"
#include "train/Trainer.h"
#include "train/detail/Muon.h"
#include "util/Error.h"
#include "util/Threads.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <future>
#include <numeric>

using namespace vd;

namespace {

ParallelEnv envFor(int rank, int world, int port)
{
    ParallelEnv e;
    e.rank = rank;
    e.localRank = rank;
    e.worldSize = world;
    e.masterAddr = "127.0.0.1";
    e.masterPort = port;
    e.timeout = std::chrono::seconds(60);
    return e;
}

/// Runs fn(rank, group) for ranks 0..world-1 on their own threads, each joined to one group.
template <typename Fn> void onRanks(int world, Fn fn)
{
    const int port = freeLoopbackPort();
    std::vector<std::future<void>> ranks;
    for (int r = 0; r < world; ++r) {
        ranks.push_back(std::async(std::launch::async, [=] {
            torch::set_num_threads(1);
            fn(r, DataParallel::join(envFor(r, world, port)));
        }));
    }
    for (auto& f : ranks) {
        f.get(); // rethrows a rank's failure
    }
}

/// y = x . w* on 32 fixed samples. Each call takes the next `take` samples of a window of
/// `window` that moves on each step, starting `offset` samples into the window: two ranks with
/// (take 8, offset 0) and (take 8, offset 8) together see what one process with (take 16,
/// offset 0) sees.
class ShardedRegression : public TrainTask {
public:
    /// hidden > 0: three linear layers (4 -> hidden -> hidden -> 1) instead of one, so that
    /// Muon has several matrices to share between ranks.
    ShardedRegression(int take, int offset, int hidden = 0)
        : m_take(take), m_offset(offset), m_hidden(hidden)
    {
        // Ranks are threads here: every draw comes from a generator of its own, never the
        // global one, which the other rank's trainer draws from at the same time (a Linear's
        // initial weights, its EMA copy). With a global seed the ranks' data differed now and
        // then (flaky on LibTorch 2.11).
        at::Generator data = makeGenerator(11);
        m_x = torch::randn({32, 4}, data);
        m_y = m_x.matmul(torch::tensor({1.0f, -2.0f, 0.5f, 3.0f})).unsqueeze(1);
        m_model = makeModel(hidden);
        at::Generator init = makeGenerator(100 + uint64_t(offset)); // different weights per rank
        torch::NoGradGuard noGrad;
        for (torch::Tensor& p : m_model->parameters()) {
            p.copy_(torch::randn(p.sizes(), init) * 0.5);
        }
    }
    Stage stage() const override { return Stage::VAE; }
    torch::nn::Module& model() override { return *m_model; }
    std::shared_ptr<torch::nn::Module> makeModelCopy() const override
    {
        return makeModel(m_hidden).ptr();
    }
    void setDevice(const torch::Device&) override {}
    nlohmann::json config() const override { return {{"task", "sharded regression"}}; }
    TaskLoss loss(int64_t step, at::Generator&) override
    {
        const int64_t start = (step * 16 + m_offset) % 32;
        const torch::Tensor x = m_x.narrow(0, start, m_take);
        const torch::Tensor y = m_y.narrow(0, start, m_take);
        const torch::Tensor l = (m_model->forward(x) - y).pow(2).mean();
        return TaskLoss{l, {{"mse", l.item<double>()}}, 0.0};
    }
    PreviewResult preview(int64_t, torch::nn::Module&) override { return {}; }

    torch::Tensor weights() const
    {
        std::vector<torch::Tensor> flat;
        for (const torch::Tensor& p : m_model->parameters()) {
            flat.push_back(p.detach().flatten());
        }
        return torch::cat(flat);
    }

    torch::nn::Sequential m_model{nullptr};

private:
    static torch::nn::Sequential makeModel(int hidden)
    {
        if (hidden <= 0) {
            return torch::nn::Sequential(torch::nn::Linear(4, 1));
        }
        return torch::nn::Sequential(torch::nn::Linear(4, hidden),
                                     torch::nn::Linear(hidden, hidden),
                                     torch::nn::Linear(hidden, 1));
    }

    int m_take, m_offset, m_hidden;
    torch::Tensor m_x, m_y;
};

TrainConfig regressionConfig(int64_t steps)
{
    TrainConfig c;
    c.steps = steps;
    c.batchSize = 8;
    c.learningRate = 0.05;
    c.warmupSteps = 2;
    c.weightDecay = 0.0;
    c.logEvery = 1;
    c.previewEvery = 0;
    c.checkpointEvery = 1000;
    c.emaDecay = 0.9;
    c.device = "cpu";
    return c;
}

struct StopOnStep final : TrainerObserver {
    Trainer* trainer = nullptr;
    int64_t at = -1;
    int64_t finishedAt = -1;
    void onStep(const StepMetrics& m) override
    {
        if (m.step == at && trainer) {
            trainer->requestStop();
        }
    }
    void onFinished(bool, int64_t step) override { finishedAt = step; }
};

int64_t checkpointStep(const std::string& runDir)
{
    const auto latest = Checkpoint::findLatest(runDir + "/checkpoints");
    return latest ? Checkpoint::readInfo(*latest).step : -1;
}

std::vector<int64_t> loggedSteps(const std::string& runDir)
{
    std::vector<int64_t> out;
    for (const auto& e : MetricsLog::readAll(runDir + "/metrics.jsonl").entries) {
        out.push_back(e["step"].get<int64_t>());
    }
    return out;
}

} // namespace

class tst_DataParallel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void environmentIsReadAndChecked();
    void borrowedThreadsAreGivenBack();
    void collectivesAgree();
    void rank0GivesUpOnRanksThatDoNotJoin();
    void cudaRunsReduceOverNccl();
    void ranksMatchOneProcessOnTheDoubledBatch();
    void muonRanksShareTheirWorkAndMatchOneProcess();
    void stopOnOneRankStopsAll();
    void timeBudgetKeepsTheRanksTogether();
    void cliRanksTrainAndOneProcessResumes();
    void lostRankStopsTheOther();

private:
    std::string dir(const char* name) const { return m_dir.filePath(name).toStdString(); }
    QTemporaryDir m_dir;
};

void tst_DataParallel::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_DataParallel::environmentIsReadAndChecked()
{
    qunsetenv("WORLD_SIZE");
    QCOMPARE(parallelEnvFromEnvironment().worldSize, 1);
    qputenv("WORLD_SIZE", "2");
    qputenv("RANK", "1");
    qputenv("MASTER_ADDR", "10.0.0.7");
    qputenv("MASTER_PORT", "29511");
    ParallelEnv e = parallelEnvFromEnvironment();
    QCOMPARE(e.rank, 1);
    QCOMPARE(e.localRank, 1);      // LOCAL_RANK defaults to RANK
    QCOMPARE(e.localWorldSize, 1); // unknown: no rank's threads are counted as free
    QCOMPARE(e.masterAddr, std::string("10.0.0.7"));
    QCOMPARE(e.masterPort, 29511);
    qputenv("LOCAL_WORLD_SIZE", "2");
    QCOMPARE(parallelEnvFromEnvironment().localWorldSize, 2);
    qputenv("LOCAL_WORLD_SIZE", "3"); // more ranks on this machine than in the run
    try {
        parallelEnvFromEnvironment();
        QFAIL("LOCAL_WORLD_SIZE 3 of 2 was accepted");
    } catch (const Error& err) {
        QVERIFY2(QByteArray(err.what()).contains("LOCAL_WORLD_SIZE"), err.what());
    }
    qunsetenv("LOCAL_WORLD_SIZE");
    qputenv("RANK", "2"); // not below WORLD_SIZE
    try {
        parallelEnvFromEnvironment();
        QFAIL("RANK 2 of 2 was accepted");
    } catch (const Error& err) {
        QVERIFY2(QByteArray(err.what()).contains("RANK"), err.what());
    }
    qputenv("RANK", "0");
    qputenv("MASTER_PORT", "http");
    QVERIFY_EXCEPTION_THROWN(parallelEnvFromEnvironment(), Error);
    for (const char* v : {"WORLD_SIZE", "RANK", "MASTER_ADDR", "MASTER_PORT"}) {
        qunsetenv(v);
    }
}

void tst_DataParallel::borrowedThreadsAreGivenBack()
{
    // Rank 0 samples previews with the threads of the local ranks waiting for it; training
    // after that must run with its own count again, or the ranks oversubscribe the cores.
    const int own = at::get_num_threads();
    QCOMPARE(threadsWithWaitingRanks(1), std::min(own, hardwareThreads()));
    QCOMPARE(threadsWithWaitingRanks(4096), hardwareThreads()); // never more than the machine has
    {
        const ScopedTorchThreads borrowed(own + 1);
        QCOMPARE(at::get_num_threads(), own + 1);
        const torch::Tensor a = torch::rand({64, 64});
        QVERIFY(torch::allclose(
            a.mm(a), a.to(torch::kDouble).mm(a.to(torch::kDouble)).to(a.dtype()), 1e-4, 1e-4));
    }
    QCOMPARE(at::get_num_threads(), own);
    {
        const ScopedTorchThreads unchanged(0); // 0: keep the count
        QCOMPARE(at::get_num_threads(), own);
    }
    QCOMPARE(at::get_num_threads(), own);
}

void tst_DataParallel::collectivesAgree()
{
    std::vector<torch::Tensor> broadcast(2), grads(2);
    std::vector<std::pair<double, double>> extremes(2);
    std::vector<std::vector<double>> sums(2);
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        QCOMPARE(dp->worldSize(), 2);
        torch::Tensor t = torch::full({3}, float(rank + 1));
        dp->broadcastFromMain({t});
        broadcast[size_t(rank)] = t;
        torch::Tensor p = torch::zeros({2}, torch::requires_grad());
        p.mutable_grad() = torch::full({2}, rank == 0 ? 1.0f : 3.0f);
        dp->averageGradients({p});
        grads[size_t(rank)] = p.grad();
        extremes[size_t(rank)] = dp->maxMin(rank == 0 ? -1.5 : 4.0);
        sums[size_t(rank)] = dp->sum({1.0, double(rank)});
        dp->barrier("end of the test");
    });
    for (int r = 0; r < 2; ++r) {
        QVERIFY(torch::equal(broadcast[size_t(r)], torch::full({3}, 1.0f))); // rank 0's
        QVERIFY(torch::equal(grads[size_t(r)], torch::full({2}, 2.0f)));     // the mean
        QCOMPARE(extremes[size_t(r)].first, 4.0);
        QCOMPARE(extremes[size_t(r)].second, -1.5);
        QCOMPARE(sums[size_t(r)], (std::vector<double>{2.0, 1.0}));
    }
}

void tst_DataParallel::cudaRunsReduceOverNccl()
{
    // A CPU run keeps weights and gradients on Gloo; a CUDA run asks for NCCL, which a LibTorch
    // without it (Debian's 1.13) or a machine without a GPU refuses with a Config error before
    // any rank waits in a collective.
    std::vector<torch::Device> cpuWire(2, torch::Device(torch::kCUDA));
    std::vector<std::string> refusal(2);
    std::vector<torch::Tensor> grads(2);
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        dp->useDevice(torch::Device(torch::kCPU));
        cpuWire[size_t(rank)] = dp->collectiveDevice();
        if (!torch::cuda::is_available()) {
            try {
                dp->useDevice(torch::Device(torch::kCUDA, 0));
            } catch (const Error& e) {
                refusal[size_t(rank)] = e.kind() == ErrorKind::Config ? e.what() : "";
            }
        }
        torch::Tensor p = torch::zeros({2}, torch::requires_grad());
        p.mutable_grad() = torch::full({2}, rank == 0 ? 1.0f : 3.0f);
        dp->averageGradients({p}); // the group still works after a refusal
        grads[size_t(rank)] = p.grad();
    });
    for (int r = 0; r < 2; ++r) {
        QCOMPARE(cpuWire[size_t(r)], torch::Device(torch::kCPU));
        QVERIFY(torch::equal(grads[size_t(r)], torch::full({2}, 2.0f)));
    }
    if (!torch::cuda::is_available()) {
        for (const std::string& message : refusal) {
            QVERIFY2(QByteArray::fromStdString(message).contains("cuda:0"), message.c_str());
        }
        QSKIP("no CUDA device: NCCL checked only for its refusal");
    }
    // One rank on the GPU (two ranks would need two GPUs): the tensors stay on the device.
    const std::shared_ptr<DataParallel> dp = DataParallel::join(envFor(0, 1, freeLoopbackPort()));
    const torch::Device cuda(torch::kCUDA, 0);
    dp->useDevice(cuda);
    QCOMPARE(dp->collectiveDevice(), cuda);
    torch::Tensor w = torch::full({3}, 5.0f, torch::TensorOptions().device(cuda));
    dp->broadcastFromMain({w});
    torch::Tensor p = torch::zeros({2}, torch::TensorOptions().device(cuda).requires_grad(true));
    p.mutable_grad() = torch::full({2}, 4.0f, torch::TensorOptions().device(cuda));
    dp->averageGradients({p});
    QCOMPARE(p.grad().device(), cuda);
    QVERIFY(torch::equal(p.grad().cpu(), torch::full({2}, 4.0f)));
    QVERIFY(torch::equal(w.cpu(), torch::full({3}, 5.0f)));
}

void tst_DataParallel::rank0GivesUpOnRanksThatDoNotJoin()
{
    // Rank 0 of two, alone: a cancel (the studio's Stop, or its other rank that failed to
    // start) ends the wait with no group; without one the timeout ends it with an error that
    // counts the ranks that came.
    ParallelEnv env = envFor(0, 2, freeLoopbackPort());
    int asked = 0;
    QVERIFY(DataParallel::join(env, [&asked] { return ++asked >= 5; }) == nullptr);
    QCOMPARE(asked, 5);
    env.masterPort = freeLoopbackPort();
    env.timeout = std::chrono::seconds(2);
    try {
        DataParallel::join(env);
        QFAIL("rank 0 of 2 joined alone");
    } catch (const Error& err) {
        QVERIFY2(QByteArray(err.what()).contains("1 of 2 ranks joined"), err.what());
    }
}

void tst_DataParallel::ranksMatchOneProcessOnTheDoubledBatch()
{
    // One process on batches of 16 ...
    ShardedRegression single(16, 0);
    Trainer(single, regressionConfig(25), dir("single")).run(StartMode::Fresh);

    // ... against two ranks on 8 each, starting from different weights (rank 0's win).
    std::vector<torch::Tensor> weights(2);
    const std::string runDir = dir("two-ranks");
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        ShardedRegression task(8, 8 * rank);
        Trainer trainer(task, regressionConfig(25), runDir);
        trainer.setDataParallel(dp);
        QVERIFY(trainer.run(StartMode::Fresh));
        weights[size_t(rank)] = task.weights();
    });
    // Same gradients on both ranks, same optimizer: the same weights, bit for bit.
    QVERIFY(torch::equal(weights[0], weights[1]));
    // The mean of two half-batch gradients is the full batch's; only the summation order
    // differs (float32, 25 Adam steps).
    QVERIFY2(torch::allclose(weights[0], single.weights(), 1e-5, 1e-6),
             qPrintable(QString::fromStdString(c10::str(weights[0], single.weights()))));
    // Rank 0 alone wrote the run: one metrics line per step and the final checkpoint.
    std::vector<int64_t> expected(25);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(loggedSteps(runDir), expected);
    QCOMPARE(checkpointStep(runDir), int64_t(25));
    std::ifstream config(runDir + "/config.json");
    const nlohmann::json j = nlohmann::json::parse(config);
    QCOMPARE(j["data_parallel"]["world_size"].get<int>(), 2);
    QCOMPARE(j["data_parallel"]["effective_batch"].get<int>(), 16);
}

void tst_DataParallel::muonRanksShareTheirWorkAndMatchOneProcess()
{
    // Three matrices, so each rank orthogonalises some of them (detail::muonOwners) and
    // receives the others' updates through DataParallel::sumTensors.
    TrainConfig config = regressionConfig(20);
    config.optimizer = "muon";
    config.learningRate = 0.01;
    ShardedRegression single(16, 0, 8);
    Trainer(single, config, dir("muon-single")).run(StartMode::Fresh);

    std::vector<torch::Tensor> weights(2);
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        ShardedRegression task(8, 8 * rank, 8);
        Trainer trainer(task, config, dir("muon-two-ranks"));
        trainer.setDataParallel(dp);
        QVERIFY(trainer.run(StartMode::Fresh));
        weights[size_t(rank)] = task.weights();
    });
    const std::vector<int> owners =
        vd::detail::muonOwners(vd::detail::muonParameters(*single.m_model), 2);
    QVERIFY(std::count(owners.begin(), owners.end(), 0) > 0);
    QVERIFY(std::count(owners.begin(), owners.end(), 1) > 0);
    // Each matrix's update comes from one rank and zeros from the other: equal bit for bit.
    QVERIFY(torch::equal(weights[0], weights[1]));
    // ... and what one process computes on the doubled batch (summation order aside).
    QVERIFY2(torch::allclose(weights[0], single.weights(), 1e-4, 1e-5),
             qPrintable(QString::fromStdString(c10::str(weights[0], single.weights()))));
    QVERIFY(!torch::allclose(weights[0], ShardedRegression(16, 0, 8).weights())); // it trained
}

void tst_DataParallel::stopOnOneRankStopsAll()
{
    std::vector<int64_t> finishedAt(2);
    const std::string runDir = dir("stop");
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        ShardedRegression task(8, 8 * rank);
        StopOnStep observer;
        Trainer trainer(task, regressionConfig(100), runDir, &observer);
        observer.trainer = &trainer;
        observer.at = rank == 1 ? 7 : -1; // Stop/Ctrl-C on rank 1 only
        trainer.setDataParallel(dp);
        QVERIFY(!trainer.run(StartMode::Fresh));
        finishedAt[size_t(rank)] = observer.finishedAt;
    });
    // The request rides on the next step; both ranks stop after it, and rank 0 saved it.
    QCOMPARE(finishedAt[0], int64_t(8));
    QCOMPARE(finishedAt[1], int64_t(8));
    QCOMPARE(checkpointStep(runDir), int64_t(8));
}

void tst_DataParallel::timeBudgetKeepsTheRanksTogether()
{
    // Under a time budget rank 0 revises the plan (the schedule's length) after every step and
    // the others learn it with the next step's figures; each step's learning rate must come
    // from the plan every rank has by then, or the weights drift (it did: make demo's two
    // ranks differed at step 500). Whatever the timings, the ranks end together, bit for bit.
    std::vector<torch::Tensor> weights(2);
    std::vector<int64_t> finishedAt(2);
    const std::string runDir = dir("budget");
    onRanks(2, [&](int rank, std::shared_ptr<DataParallel> dp) {
        ShardedRegression task(8, 8 * rank);
        StopOnStep observer;
        TrainConfig c = regressionConfig(1000000);
        c.maxMinutes = 0.01; // 0.6 s: hundreds of steps, each one re-planned
        Trainer trainer(task, c, runDir, &observer);
        trainer.setDataParallel(dp);
        QVERIFY(trainer.run(StartMode::Fresh));
        weights[size_t(rank)] = task.weights();
        finishedAt[size_t(rank)] = observer.finishedAt;
    });
    QVERIFY(finishedAt[0] > 20); // past the first plan
    QCOMPARE(finishedAt[1], finishedAt[0]);
    QVERIFY(torch::equal(weights[0], weights[1]));
}

void tst_DataParallel::cliRanksTrainAndOneProcessResumes()
{
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.insert(patch.end(), {{"/dataset/held_out", 0.25},
                               {"/vae/train/steps", 6},
                               {"/vae/train/checkpoint_every", 3},
                               {"/vae/train/preview_every", 6},
                               {"/diffusion/train/steps", 6},
                               {"/diffusion/train/batch_size", 2},
                               {"/diffusion/train/checkpoint_every", 3},
                               {"/diffusion/train/preview_every", 6},
                               {"/diffusion/judge/every", 0},
                               {"/sampling/steps", 2}});
    const QString project = vdtest::makeDemoProject(m_dir.filePath("cli"), 16, 32, 8, patch);
    QVERIFY(!project.isEmpty());
    const Project p = Project::load(project.toStdString());

    const auto vae =
        vdtest::run(vdtest::cliPath(), {"train-vae", project, "--procs", "2", "--threads", "1"});
    QVERIFY2(vae.exitCode == 0, vae.err.constData());
    QVERIFY2(vae.out.contains("finished at step 6"), vae.out.constData());
    QCOMPARE(loggedSteps(p.runDir(Stage::VAE)), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
    // Rank 0 wrote the latent cache after the last step, which the diffusion stage reuses.
    QVERIFY(std::filesystem::exists(p.runDir(Stage::VAE) + "/latents.safetensors"));

    const auto diffusion = vdtest::run(
        vdtest::cliPath(), {"train-diffusion", project, "--procs", "2", "--threads", "1"});
    QVERIFY2(diffusion.exitCode == 0, diffusion.err.constData());
    QVERIFY2(!diffusion.out.contains("encoding"), diffusion.out.constData());
    QCOMPARE(checkpointStep(p.runDir(Stage::Diffusion)), int64_t(6));

    // A different world size resumes the same run.
    const auto resumed = vdtest::run(vdtest::cliPath(), {"train-diffusion", project, "--resume",
                                                         "--steps", "9", "--threads", "1"});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QCOMPARE(checkpointStep(p.runDir(Stage::Diffusion)), int64_t(9));
    QCOMPARE(loggedSteps(p.runDir(Stage::Diffusion)),
             (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

void tst_DataParallel::lostRankStopsTheOther()
{
    // The ranks started by hand, as torchrun or srun would, so that the test can kill one.
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.insert(patch.end(), {{"/vae/train/steps", 100000},
                               {"/vae/train/batch_size", 2},
                               {"/vae/train/checkpoint_every", 100000},
                               {"/vae/train/preview_every", 0}});
    const QString project = vdtest::makeDemoProject(m_dir.filePath("lost"), 12, 32, 8, patch);
    QVERIFY(!project.isEmpty());
    const std::string runDir = Project::load(project.toStdString()).runDir(Stage::VAE);
    const QString port = QString::number(freeLoopbackPort());
    std::vector<std::unique_ptr<QProcess>> ranks;
    for (int r = 0; r < 2; ++r) {
        auto proc = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("RANK", QString::number(r));
        env.insert("WORLD_SIZE", "2");
        env.insert("MASTER_ADDR", "127.0.0.1");
        env.insert("MASTER_PORT", port);
        proc->setProcessEnvironment(env);
        proc->start(vdtest::cliPath(), {"train-vae", project, "--threads", "1"});
        QVERIFY(proc->waitForStarted());
        ranks.push_back(std::move(proc));
    }
    // Wait until both train (rank 0 logs steps), then kill rank 1 without warning.
    QTRY_VERIFY_WITH_TIMEOUT(
        loggedSteps(runDir).size() >= 3 || ranks[0]->state() != QProcess::Running, 240000);
    QCOMPARE(ranks[0]->state(), QProcess::Running);
    ranks[1]->kill();
    QVERIFY(ranks[1]->waitForFinished());
    // Rank 0 must end by itself, with an error that says what happened.
    QVERIFY2(ranks[0]->waitForFinished(60000), "rank 0 still runs 60 s after rank 1 died");
    QVERIFY(ranks[0]->exitCode() != 0);
    const QByteArray err = ranks[0]->readAllStandardError();
    QVERIFY2(err.contains("rank 0 of 2"), err.constData());
}

QTEST_GUILESS_MAIN(tst_DataParallel)
#include "tst_DataParallel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `vdstudio-cli sweep` as a user runs it on a tiny demo project: the grid's variants train as
// ordinary runs in runs/sweeps/<name>/<variant>/ with their own settings, the results table
// holds one measured row per variant, a bad key or value is rejected by name before anything
// runs, and a second run skips the finished variants and resumes an interrupted one from its
// checkpoint. Also the planner (grid, names, the variant's run folder) and the FLOP counter the
// table's compute column comes from.
#include "../common/ProjectFixture.h"

#include "experiment/FlopCounter.h"
#include "experiment/ModelCost.h"
#include "experiment/SweepPlan.h"
#include "experiment/SweepSchedule.h"
#include "project/Project.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

class tst_Sweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void flopCounterCountsKnownLayers();
    void modelCostScalesWithWidth();
    void planBuildsTheGrid();
    void rejectsBadKeyOrValue_data();
    void rejectsBadKeyOrValue();
    void runsVariantsSkipsFinishedResumesInterrupted();
    void parallelVariantsAreChildProcesses();
    void defaultParallelAndLargestFirst();

private:
    QString sweepDir(const QString& name) const { return m_dir.path() + "/runs/sweeps/" + name; }

    QTemporaryDir m_dir;
    QString m_project;
};

namespace {

nlohmann::json readJson(const QString& path)
{
    const QByteArray bytes = vdtest::readBytes(path);
    return bytes.isEmpty() ? nlohmann::json() : nlohmann::json::parse(bytes.toStdString());
}

/// The steps of the lines of a metrics.jsonl, in file order.
std::vector<int64_t> loggedSteps(const QString& path)
{
    std::vector<int64_t> steps;
    for (const QByteArray& line : vdtest::readBytes(path).split('\n')) {
        if (!line.trimmed().isEmpty()) {
            steps.push_back(nlohmann::json::parse(line.toStdString()).at("step").get<int64_t>());
        }
    }
    return steps;
}

} // namespace

void tst_Sweep::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 32x32 single frames in batches of 2, 6 steps: a VAE variant trains in about a second.
    m_project = vdtest::makeDemoProject(m_dir.path(), 12, 32, 8,
                                        {{"/dataset/width", 32},
                                         {"/dataset/height", 32},
                                         {"/dataset/frames", 4},
                                         {"/dataset/held_out", 0.2},
                                         {"/vae/crop", 0},
                                         {"/vae/train/batch_size", 2},
                                         {"/vae/train/steps", 6},
                                         {"/vae/train/checkpoint_every", 3},
                                         {"/vae/train/preview_every", 3},
                                         {"/vae/train/log_every", 1}});
    QVERIFY(!m_project.isEmpty());
    torch::set_num_threads(1);
}

void tst_Sweep::flopCounterCountsKnownLayers()
{
    torch::NoGradGuard noGrad;
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(3, 8, 3).padding(1));
    torch::nn::Linear linear(10, 5);
    {
        vd::FlopCounter counter;
        conv->forward(torch::zeros({2, 3, 16, 16}));
        // Output 2 x 8 x 16 x 16 positions, each 3 x 3 x 3 multiply-adds.
        QCOMPARE(counter.multiplyAdds(), int64_t(2 * 8 * 16 * 16 * 3 * 3 * 3));
    }
    {
        vd::FlopCounter counter;
        conv->forward(torch::zeros({1, 3, 15, 15})); // no padding lost: same size out
        linear->forward(torch::zeros({4, 10}));
        torch::bmm(torch::zeros({3, 4, 5}), torch::zeros({3, 5, 6}));
        QCOMPARE(counter.multiplyAdds(), int64_t(8 * 15 * 15 * 27 + 4 * 10 * 5 + 3 * 4 * 5 * 6));
    }
    vd::FlopCounter after; // the first counters are gone: nothing from before counts here
    QCOMPARE(after.multiplyAdds(), int64_t(0));
    torch::relu(torch::zeros({100}));
    QCOMPARE(after.multiplyAdds(), int64_t(0));
}

void tst_Sweep::modelCostScalesWithWidth()
{
    vd::Project p = vd::Project::load(m_project.toStdString());
    const vd::ModelCost narrow = vd::measureModelCost(p, vd::Stage::VAE);
    QVERIFY(narrow.parameters > 0);
    QVERIFY(narrow.macsPerSample > 0);
    QCOMPARE(narrow.samplesPerStep, 2.0); // batch 2 of one frame each
    QCOMPARE(narrow.flopsPerStep, 6.0 * narrow.macsPerSample * narrow.samplesPerStep);
    p.vae.model.baseChannels *= 2;
    const vd::ModelCost wide = vd::measureModelCost(p, vd::Stage::VAE);
    // Twice the channels: about four times the parameters and multiply-adds.
    QVERIFY(wide.parameters > 3 * narrow.parameters);
    QVERIFY(wide.macsPerSample > 3 * narrow.macsPerSample);
    QVERIFY(wide.macsPerSample < 5 * narrow.macsPerSample);
    const vd::ModelCost denoiser = vd::measureModelCost(p, vd::Stage::Diffusion);
    QVERIFY(denoiser.parameters > 0);
    QVERIFY(denoiser.macsPerSample > 0);
}

void tst_Sweep::planBuildsTheGrid()
{
    const vd::Project p = vd::Project::load(m_project.toStdString());
    const vd::SweepPlan plan(p, vd::Stage::VAE,
                             {vd::SweepAxis::parse("vae.loss.kl_weight=1e-6,1e-4"),
                              vd::SweepAxis::parse("vae.model.base_channels=16,24,32")});
    QCOMPARE(plan.name(), std::string("vae-kl_weight-base_channels"));
    QCOMPARE(plan.variants().size(), size_t(6));
    const vd::SweepVariant& v = plan.variants()[4]; // the first axis varies slowest
    QCOMPARE(v.name, std::string("kl_weight=1e-4__base_channels=24"));
    QCOMPARE(v.project.vae.loss.klWeight, 1e-4);
    QCOMPARE(v.project.vae.model.baseChannels, 24);
    // The stage trains in the variant folder; the data and the other stage stay the project's.
    QCOMPARE(fs::path(v.project.runDir(vd::Stage::VAE)),
             fs::path(plan.variantDir(v)).lexically_normal());
    QCOMPARE(fs::path(v.project.datasetRoot()).lexically_normal(),
             fs::path(p.datasetRoot()).lexically_normal());
    QCOMPARE(fs::weakly_canonical(v.project.runDir(vd::Stage::Diffusion)),
             fs::weakly_canonical(p.runDir(vd::Stage::Diffusion)));
    // A list value is one value: commas inside brackets do not split.
    const vd::SweepAxis frames = vd::SweepAxis::parse("diffusion.train_frames=[2,4],[4]");
    QCOMPARE(frames.values.size(), size_t(2));
    QCOMPARE(frames.values[0], nlohmann::json::array({2, 4}));
}

void tst_Sweep::rejectsBadKeyOrValue_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("named"); // what the one error line must name
    QTest::newRow("unknown key") << "vae.loss.kl_weigth=1e-6,1e-4"
                                 << "vae.loss.kl_weigth";
    QTest::newRow("out of range") << "vae.loss.kl_weight=1e-6,-1"
                                  << "vae.loss.kl_weight=-1";
    QTest::newRow("wrong type") << "vae.model.base_channels=wide"
                                << "vae.model.base_channels=wide";
    QTest::newRow("other stage") << "diffusion.model.base_channels=32,48"
                                 << "diffusion.model.base_channels";
    QTest::newRow("no values") << "vae.loss.kl_weight"
                               << "vae.loss.kl_weight";
}

void tst_Sweep::rejectsBadKeyOrValue()
{
    QFETCH(QString, set);
    QFETCH(QString, named);
    const auto r = vdtest::run(vdtest::cliPath(), {"sweep", m_project, "--stage", "vae", "--set",
                                                   "vae.loss.l1_weight=0.5", "--set", set, "--name",
                                                   "bad", "--steps", "2"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
    QVERIFY2(!r.err.contains("\n  "), r.err.constData()); // one line, no trace
    QVERIFY(!QFileInfo::exists(sweepDir("bad")));         // rejected before anything ran
}

void tst_Sweep::runsVariantsSkipsFinishedResumesInterrupted()
{
    const QStringList args{
        "sweep",   m_project, "--stage", "vae", "--set",      "vae.loss.kl_weight=1e-6,1e-4",
        "--steps", "6",       "--name",  "kl",  "--parallel", "1"}; // in this process
    const auto first = vdtest::run(vdtest::cliPath(), args);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QString a = sweepDir("kl") + "/kl_weight=1e-6";
    const QString b = sweepDir("kl") + "/kl_weight=1e-4";
    for (const QString& dir : {a, b}) {
        QVERIFY2(QFileInfo::exists(dir + "/checkpoints/step-6"), qPrintable(dir));
        QCOMPARE(loggedSteps(dir + "/metrics.jsonl"), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
    }
    QCOMPARE(readJson(a + "/project.vdproj")["vae"]["loss"]["kl_weight"].get<double>(), 1e-6);
    QCOMPARE(readJson(b + "/project.vdproj")["vae"]["loss"]["kl_weight"].get<double>(), 1e-4);
    // The run itself trained with the variant's setting (the Trainer's config.json).
    QCOMPARE(readJson(a + "/config.json")["loss"]["kl_weight"].get<double>(), 1e-6);
    QCOMPARE(readJson(b + "/config.json")["loss"]["kl_weight"].get<double>(), 1e-4);
    QCOMPARE(readJson(b + "/config.json")["train"]["steps"].get<int64_t>(), int64_t(6));

    // The table: one row per variant with its setting and its measured figures.
    const nlohmann::json results = readJson(sweepDir("kl") + "/results.json");
    QCOMPARE(results["rows"].size(), size_t(2));
    const nlohmann::json& rowB = results["rows"][1];
    QCOMPARE(rowB["variant"].get<std::string>(), std::string("kl_weight=1e-4"));
    QCOMPARE(rowB["vae.loss.kl_weight"].get<std::string>(), std::string("1e-4"));
    QCOMPARE(rowB["status"].get<std::string>(), std::string("finished"));
    QCOMPARE(rowB["steps"].get<int64_t>(), int64_t(6));
    QVERIFY(rowB["parameters"].get<int64_t>() > 0);
    QVERIFY(rowB["flops_per_step"].get<double>() > 0);
    QVERIFY(rowB["best_loss"].get<double>() <= rowB["final_loss"].get<double>());
    QVERIFY(rowB["psnr_db"].get<double>() > 0);
    QVERIFY(rowB["ssim"].is_number());
    QVERIFY(rowB["blob_score"].is_number());
    const QList<QByteArray> csv = vdtest::readBytes(sweepDir("kl") + "/results.csv").split('\n');
    QVERIFY(csv.size() >= 3);
    QVERIFY(csv[0].startsWith("variant,vae.loss.kl_weight,status,parameters,flops_per_step"));
    QVERIFY(csv[2].startsWith("kl_weight=1e-4,1e-4,finished,"));
    QVERIFY(first.out.contains("kl_weight=1e-4  1e-4")); // the table on stdout

    // Interrupt B after its first checkpoint, as a kill between checkpoints leaves it: the
    // newest checkpoint is step 3, no result, and the manifest says it has not finished.
    QVERIFY(QDir(b + "/checkpoints/step-6").removeRecursively());
    QVERIFY(QFile::remove(b + "/result.json"));
    nlohmann::json manifest = readJson(sweepDir("kl") + "/sweep.json");
    QCOMPARE(manifest["variants"][1]["name"].get<std::string>(), std::string("kl_weight=1e-4"));
    manifest["variants"][1]["status"] = "pending";
    std::ofstream(sweepDir("kl").toStdString() + "/sweep.json") << manifest.dump(2);
    const QByteArray metricsA = vdtest::readBytes(a + "/metrics.jsonl");
    const QList<QByteArray> metricsB = vdtest::readBytes(b + "/metrics.jsonl").split('\n');

    QStringList verbose = args;
    verbose.prepend("--verbose");
    const auto second = vdtest::run(vdtest::cliPath(), verbose);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY2(second.out.contains("kl_weight=1e-6 finished earlier, skipped"),
             second.out.constData());
    QCOMPARE(vdtest::readBytes(a + "/metrics.jsonl"), metricsA); // A did not run again
    QVERIFY2((second.out + second.err).contains("from step 3"), second.err.constData());
    // B resumed: its first three lines are the ones it logged before, then steps 4-6 anew.
    const QList<QByteArray> resumedB = vdtest::readBytes(b + "/metrics.jsonl").split('\n');
    QCOMPARE(loggedSteps(b + "/metrics.jsonl"), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(resumedB.mid(0, 3), metricsB.mid(0, 3));
    QVERIFY(QFileInfo::exists(b + "/checkpoints/step-6"));
    QVERIFY(QFileInfo::exists(b + "/result.json"));
    const nlohmann::json after = readJson(sweepDir("kl") + "/sweep.json");
    QCOMPARE(after["variants"][1]["status"].get<std::string>(), std::string("finished"));
    QCOMPARE(after["variants"][1]["sessions"].get<int>(), 2);
    QCOMPARE(after["variants"][0]["sessions"].get<int>(), 1);

    // Other arguments under the same name are another sweep: refused, naming the manifest.
    QStringList other = args;
    other[other.indexOf("6")] = "8";
    const auto clash = vdtest::run(vdtest::cliPath(), other);
    QCOMPARE(clash.exitCode, 2);
    QVERIFY2(clash.err.contains("sweep.json"), clash.err.constData());
}

void tst_Sweep::parallelVariantsAreChildProcesses()
{
    const auto r =
        vdtest::run(vdtest::cliPath(),
                    {"sweep", m_project, "--stage", "vae", "--set", "vae.model.base_channels=16,24",
                     "--steps", "3", "--parallel", "2", "--name", "width", "--no-eval"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json results = readJson(sweepDir("width") + "/results.json");
    QCOMPARE(results["rows"].size(), size_t(2));
    for (const nlohmann::json& row : results["rows"]) {
        const QString dir = sweepDir("width") + "/" + QString::fromStdString(row["variant"]);
        QVERIFY2(QFileInfo::exists(dir + "/sweep.log"), qPrintable(dir)); // a child's output
        QVERIFY(QFileInfo::exists(dir + "/checkpoints/step-3"));
        QCOMPARE(row["status"].get<std::string>(), std::string("finished"));
        QCOMPARE(row["steps"].get<int64_t>(), int64_t(3));
        QVERIFY(row["psnr_db"].is_null()); // --no-eval
    }
    // The wider variant has more parameters and costs more per step.
    QVERIFY(results["rows"][1]["parameters"] > results["rows"][0]["parameters"]);
    QVERIFY(results["rows"][1]["flops_per_step"] > results["rows"][0]["flops_per_step"]);
}

QTEST_APPLESS_MAIN(tst_Sweep)
void tst_Sweep::defaultParallelAndLargestFirst()
{
    // A CPU: one variant per core, never more than there are variants, at most 8.
    QCOMPARE(vd::defaultSweepParallel(9, false, 2), 2);
    QCOMPARE(vd::defaultSweepParallel(3, false, 16), 3);
    QCOMPARE(vd::defaultSweepParallel(20, false, 64), 8);
    QCOMPARE(vd::defaultSweepParallel(1, false, 16), 1);
    QCOMPARE(vd::defaultSweepParallel(9, false, 1), 1);
    // A GPU: one after another on the one device.
    QCOMPARE(vd::defaultSweepParallel(9, true, 16), 1);

    QCOMPARE(vd::largestFirst({1.0, 5.0, 3.0, 5.0}), (std::vector<size_t>{1, 3, 2, 0}));
    QCOMPARE(vd::largestFirst({}), std::vector<size_t>{});
}

#include "tst_Sweep.moc"

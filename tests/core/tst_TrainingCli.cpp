// SPDX-License-Identifier: GPL-3.0-or-later
// The training commands as a user runs them, on tiny real models: a train-vae process killed
// with SIGKILL mid-run resumes from its last checkpoint and finishes with the right step count,
// an unbroken loss curve and finite weights; then train-diffusion, sample, export and eval-vae
// produce files that FFmpeg reads back, and misuse gives one-line errors with exit codes.
#include "../common/ProjectFixture.h"

#include "project/Project.h"
#include "project/detail/TrainedModels.h"
#include "train/Checkpoint.h"
#include "train/MetricsLog.h"
#include "train/Trainer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <numeric>

#include <nlohmann/json.hpp>

using namespace vd;

class tst_TrainingCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedRunResumes();
    void freshStartRefusesExistingRun();
    void diffusionSampleExport();
    void evalVAEReports();
    void errorsAreOneLine_data();
    void errorsAreOneLine();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void tst_TrainingCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = vdtest::makeDemoProject(m_dir.path(), 24, 32, 8,
                                        {{"/dataset/width", 32},
                                         {"/dataset/height", 32},
                                         {"/dataset/frames", 4},
                                         {"/dataset/held_out", 0.2},
                                         {"/vae/train/steps", 2000},
                                         {"/vae/train/checkpoint_every", 5},
                                         {"/vae/train/preview_every", 10},
                                         {"/vae/train/log_every", 1},
                                         {"/diffusion/train/steps", 6},
                                         {"/diffusion/train/checkpoint_every", 3},
                                         {"/diffusion/train/preview_every", 3},
                                         {"/diffusion/train/log_every", 1},
                                         {"/sampling/steps", 4}});
    QVERIFY(!m_project.isEmpty());
}

void tst_TrainingCli::killedRunResumes()
{
    const std::string checkpoints =
        Project::load(m_project.toStdString()).runDir(Stage::VAE) + "/checkpoints";
    QProcess p;
    p.start(vdtest::cliPath(), {"train-vae", m_project});
    QVERIFY(p.waitForStarted());
    // Kill mid-run: once it reports step 12, past its second checkpoint (steps 5 and 10) and
    // possibly writing the next step's metrics. It prints every step (log_every 1).
    QByteArray out;
    QDeadlineTimer deadline(std::chrono::minutes(4));
    while (!out.contains(" step 12/") &&
           p.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
        out += p.readAllStandardOutput();
    }
    QVERIFY2(out.contains(" step 12/"), qPrintable("train-vae ended or stalled before step 12:\n" +
                                                   out + p.readAllStandardError()));
    p.kill(); // SIGKILL
    p.waitForFinished();
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    const auto latest = Checkpoint::findLatest(checkpoints);
    QVERIFY(latest.has_value());
    const int64_t killedAt = Checkpoint::readInfo(*latest).step;
    QVERIFY(killedAt >= 10);

    const int64_t total = killedAt + 7;
    const auto resumed = vdtest::run(vdtest::cliPath(), {"train-vae", m_project, "--resume",
                                                         "--steps", QString::number(total)});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY(resumed.out.contains(QString("finished at step %1").arg(total).toUtf8()));

    const TrainedVAE vae = loadTrainedVAE(Project::load(m_project.toStdString()), torch::kCPU);
    QCOMPARE(vae.step, total);
    QVERIFY(vae.ema);
    for (const auto& t : vae.vae->parameters()) {
        QVERIFY(torch::isfinite(t).all().item<bool>());
    }
    // Latent normalization was measured at the end and saved with the weights.
    QVERIFY(vae.vae->latentNorm()->channelStd().ne(1.0).any().item<bool>());
    // The loss curve carries on: every step once, in order.
    std::vector<int64_t> steps;
    const std::string metrics = std::filesystem::path(checkpoints).parent_path() / "metrics.jsonl";
    for (const auto& e : MetricsLog::readAll(metrics).entries) {
        steps.push_back(e["step"].get<int64_t>());
    }
    std::vector<int64_t> expected(static_cast<size_t>(total));
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(steps, expected);
}

void tst_TrainingCli::freshStartRefusesExistingRun()
{
    const auto again = vdtest::run(vdtest::cliPath(), {"train-vae", m_project, "--steps", "3"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("already has a checkpoint"), again.err.constData());
    QCOMPARE(again.err.count('\n'), 1);
}

void tst_TrainingCli::diffusionSampleExport()
{
    // --batch replaces the project's batch for this run (the run's config.json says so).
    const auto train =
        vdtest::run(vdtest::cliPath(), {"train-diffusion", m_project, "--batch", "3"});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    QVERIFY(train.out.contains("finished at step 6"));
    const std::string runConfig =
        Project::load(m_project.toStdString()).runDir(Stage::Diffusion) + "/config.json";
    QCOMPARE(nlohmann::json::parse(std::ifstream(runConfig))["train"]["batch_size"].get<int>(), 3);
    // The cache written by train-vae matched, so no re-encoding happened.
    QVERIFY2(!train.out.contains("encoding"), train.out.constData());

    const QString out = m_dir.filePath("samples");
    const auto sample = vdtest::run(vdtest::cliPath(), {"sample", m_project, "--out", out,
                                                        "--num", "1", "--label", "circle",
                                                        "--format", "mp4,gif", "--scale", "2"});
    QVERIFY2(sample.exitCode == 0, sample.err.constData());
    QCOMPARE(vdtest::ffprobeEntry(out + "/circle-0.mp4", "width"), QString("64"));
    QCOMPARE(vdtest::ffprobeEntry(out + "/circle-0.mp4", "nb_read_frames", true), QString("4"));
    QVERIFY(QFile::exists(out + "/circle-0.gif"));
    const QJsonObject report =
        QJsonDocument::fromJson([&] {
            QFile f(out + "/samples.json");
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }())
            .object();
    QCOMPARE(report.value("clips").toArray().size(), 1);
    QCOMPARE(report.value("steps").toInt(), 4);
    // The demo preset samples with autoguidance: its guide is the run's step 2 (0.35 of 6),
    // kept apart from the rotated checkpoints.
    QCOMPARE(report.value("autoguidance").toDouble(),
             Project::load(m_project.toStdString()).sampling.autoguidance);
    QVERIFY(report.value("autoguidance").toDouble() > 0.0);
    QVERIFY2(report.value("guide").toString().endsWith("guide/step-2"),
             qPrintable(report.value("guide").toString()));
    // Without its guide, sampling says which setting needs it instead of sampling without.
    const QString guideDir = QString::fromStdString(
        Trainer::guideDir(Project::load(m_project.toStdString()).runDir(Stage::Diffusion)));
    QVERIFY(QDir().rename(guideDir, guideDir + ".away"));
    const auto unguided = vdtest::run(
        vdtest::cliPath(), {"sample", m_project, "--out", out, "--num", "1", "--label", "circle"});
    QVERIFY(QDir().rename(guideDir + ".away", guideDir));
    QCOMPARE(unguided.exitCode, 3);
    QVERIFY2(unguided.err.contains("sampling.autoguidance"), unguided.err.constData());
    QCOMPARE(unguided.err.count('\n'), 1);

    const QString webm = m_dir.filePath("clip.webm");
    const auto exported = vdtest::run(vdtest::cliPath(), {"export", out + "/circle-0.mp4",
                                                          "--out", webm, "--fps", "4"});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(vdtest::ffprobeEntry(webm, "codec_name"), QString("vp9"));
    QCOMPARE(vdtest::ffprobeEntry(webm, "nb_read_frames", true), QString("4"));
}

void tst_TrainingCli::evalVAEReports()
{
    const QString reportPath = m_dir.filePath("eval-vae.json");
    const auto eval =
        vdtest::run(vdtest::cliPath(), {"eval-vae", m_project, "--json", "--report", reportPath});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(eval.out).object();
    QVERIFY(j.value("clips").toInt() >= 1);
    const double psnr = j.value("psnr_db").toDouble();
    QVERIFY2(psnr > 5.0 && psnr < 60.0, qPrintable(QString::number(psnr)));
    const double ssim = j.value("ssim").toDouble();
    QVERIFY(ssim > 0.0 && ssim <= 1.0);

    // --report writes the same JSON to a file (make demo keeps it next to the printed text).
    QFile report(reportPath);
    QVERIFY2(report.open(QIODevice::ReadOnly), qPrintable(reportPath));
    QCOMPARE(QJsonDocument::fromJson(report.readAll()).object(), j);
}

void tst_TrainingCli::errorsAreOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing project") << QStringList{"train-vae", "/nonexistent/x.vdproj"} << 3
                                     << "x.vdproj";
    QTest::newRow("bad device") << QStringList{"train-vae", "PROJECT", "--device", "tpu"} << 2
                                << "tpu";
    QTest::newRow("sample without --out") << QStringList{"sample", "PROJECT"} << 2 << "--out";
    QTest::newRow("unknown label") << QStringList{"sample", "PROJECT", "--out", "/tmp/x",
                                                  "--label", "hexagon"}
                                   << 2 << "hexagon";
    QTest::newRow("new-project exists") << QStringList{"new-project", "PROJECT", "--data", "/tmp"}
                                        << 2 << "--force";
}

void tst_TrainingCli::errorsAreOneLine()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    args.replaceInStrings("PROJECT", m_project);
    const auto r = vdtest::run(vdtest::cliPath(), args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
}

QTEST_APPLESS_MAIN(tst_TrainingCli)
#include "tst_TrainingCli.moc"

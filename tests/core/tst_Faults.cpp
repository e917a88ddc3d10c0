// SPDX-License-Identifier: GPL-3.0-or-later
// Faults while writing and reading, nothing lost: a full disk (simulated with a file size
// limit, `ulimit -f`) while a checkpoint, the latent cache, an export or a project file is
// written; a read-only project or dataset folder; dataset files deleted while training. Each
// case checks the error names the file, the previous file stays usable and the next run works.
#include "project/Project.h"
#include "project/StageRun.h"
#include "train/TrainerObserver.h"
#include "util/Error.h"

#include "common/ProjectFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace vd;

namespace {

/// Runs vdstudio-cli with writes limited to `kib` KiB per file (bash's `ulimit -f`).
vdtest::CommandResult runLimited(int kib, const QStringList& args)
{
    return vdtest::run("bash",
                       QStringList{"-c", QString("ulimit -f %1 && exec \"$0\" \"$@\"").arg(kib),
                                   vdtest::cliPath()} +
                           args);
}

/// Files under `dir` whose name holds ".tmp-" (what an interrupted durable write would leave).
QStringList leftoverTemps(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName().contains(".tmp-")) {
            found << path;
        }
    }
    return found;
}

/// Deletes clip files of the dataset at `step` from the training thread (the observer is
/// called there between steps), and records what the Trainer reports.
struct DeletingObserver final : TrainerObserver {
    QString dataDir;
    int64_t deleteAtStep = 2;
    bool all = true; ///< every clip, or every second one
    int deleted = 0;
    std::vector<int64_t> checkpoints;
    int64_t finishedStep = -1;

    void onStep(const StepMetrics& m) override
    {
        if (m.step != deleteAtStep) {
            return;
        }
        QDirIterator it(dataDir, {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if ((all || n % 2 == 0) && QFile::remove(path)) {
                ++deleted;
            }
            ++n;
        }
    }
    void onCheckpoint(int64_t step, const std::string&) override { checkpoints.push_back(step); }
    void onFinished(bool, int64_t step) override { finishedStep = step; }
};

/// Makes a folder unwritable even for root (CI runs as root, where mode bits do not stop
/// writes): the immutable attribute where the file system has it, else mode 0555 for others.
bool makeReadOnly(const QString& dir)
{
    if (vdtest::run("chattr", {"+i", dir}).exitCode == 0) {
        return true;
    }
    return ::geteuid() != 0 && ::chmod(QFile::encodeName(dir).constData(), 0555) == 0;
}

void makeWritable(const QString& dir)
{
    vdtest::run("chattr", {"-i", dir});
    ::chmod(QFile::encodeName(dir).constData(), 0755);
}

} // namespace

class tst_Faults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkpointOnFullDiskKeepsTheLastOne();
    void latentCacheOnFullDiskIsNamedAndRebuilt();
    void exportOnFullDiskKeepsTheOldFile();
    void projectFileOnFullDiskLeavesNothing();
    void readOnlyFolders();
    void datasetFilesVanishWhileTraining_data();
    void datasetFilesVanishWhileTraining();

private:
    /// A demo project of 12 tiny clips in its own folder `name` under the test's folder.
    QString makeProject(const QString& name);

    QTemporaryDir m_dir;
};

QString tst_Faults::makeProject(const QString& name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    return vdtest::makeDemoProject(dir, 12, 32, 4,
                                   {{"/dataset/width", 32},
                                    {"/dataset/height", 32},
                                    {"/dataset/frames", 4},
                                    {"/dataset/held_out", 0.2},
                                    {"/dataset/workers", 1},
                                    {"/vae/train/steps", 4},
                                    {"/vae/train/batch_size", 4},
                                    {"/vae/train/checkpoint_every", 2},
                                    {"/vae/train/preview_every", 0},
                                    {"/vae/train/log_every", 1},
                                    {"/diffusion/train/steps", 2},
                                    {"/diffusion/train/checkpoint_every", 2},
                                    {"/diffusion/train/preview_every", 0},
                                    {"/diffusion/judge/every", 0}});
}

void tst_Faults::checkpointOnFullDiskKeepsTheLastOne()
{
    const QString project = makeProject("checkpoint");
    QVERIFY(!project.isEmpty());
    const QString runDir = QFileInfo(project).absolutePath() + "/runs/vae";
    QCOMPARE(vdtest::run(vdtest::cliPath(), {"train-vae", project, "--threads", "1"}).exitCode, 0);
    QVERIFY(QDir(runDir + "/checkpoints/step-4").exists());

    // A checkpoint takes megabytes: at 200 KiB per file the one at step 6 cannot be written.
    const auto full =
        runLimited(200, {"train-vae", project, "--steps", "8", "--resume", "--threads", "1"});
    QCOMPARE(full.exitCode, 4);
    QVERIFY2(full.err.contains("checkpoints/step-6") && full.err.contains("File too large"),
             full.err.constData());
    QVERIFY(!full.err.contains("Exception raised from"));
    QVERIFY(QDir(runDir + "/checkpoints/step-4").exists());
    QVERIFY(!QDir(runDir + "/checkpoints/step-6").exists());
    QCOMPARE(leftoverTemps(runDir), QStringList());

    // The last good checkpoint resumes.
    const auto again = vdtest::run(
        vdtest::cliPath(), {"train-vae", project, "--steps", "8", "--resume", "--threads", "1"});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("step 5/8"), again.out.constData());
    QVERIFY(QDir(runDir + "/checkpoints/step-8").exists());
}

void tst_Faults::latentCacheOnFullDiskIsNamedAndRebuilt()
{
    const QString project = makeProject("cache");
    QVERIFY(!project.isEmpty());
    QCOMPARE(vdtest::run(vdtest::cliPath(), {"train-vae", project, "--threads", "1"}).exitCode, 0);
    const QString cache = QFileInfo(project).absolutePath() + "/runs/vae/latents.safetensors";
    QVERIFY(QFile::remove(cache)); // the diffusion stage encodes it again

    const auto full = runLimited(16, {"train-diffusion", project, "--threads", "1"});
    QCOMPARE(full.exitCode, 4);
    QVERIFY2(full.err.contains("latents.safetensors") && full.err.contains("File too large"),
             full.err.constData());
    QVERIFY(!QFile::exists(cache));
    QCOMPARE(leftoverTemps(QFileInfo(project).absolutePath() + "/runs"), QStringList());

    const auto again =
        vdtest::run(vdtest::cliPath(), {"train-diffusion", project, "--threads", "1"});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(QFile::exists(cache));
}

void tst_Faults::exportOnFullDiskKeepsTheOldFile()
{
    const QString dir = m_dir.filePath("export");
    QDir().mkpath(dir);
    const QString input = dir + "/in.mp4";
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "nullsrc=s=64x48:r=25,geq=random(1)*255:128:128",
                            "-frames:v", "40", "-c:v", "libx264", "-pix_fmt", "yuv420p", input}));
    const QString out = dir + "/out.mp4";
    QCOMPARE(
        vdtest::run(vdtest::cliPath(), {"export", input, "--out", out, "--count", "2"}).exitCode,
        0);
    const QByteArray before = vdtest::readBytes(out);
    QVERIFY(!before.isEmpty());

    // 40 frames of noise enlarged 8x do not fit in 64 KiB.
    const auto full = runLimited(64, {"export", input, "--out", out, "--scale", "8"});
    QCOMPARE(full.exitCode, 4);
    QVERIFY2(full.err.contains(out.toUtf8()), full.err.constData());
    QCOMPARE(vdtest::readBytes(out), before);
    QCOMPARE(leftoverTemps(dir), QStringList());
}

void tst_Faults::projectFileOnFullDiskLeavesNothing()
{
    const QString dir = m_dir.filePath("projectfile");
    QDir().mkpath(dir);
    QCOMPARE(vdtest::run(vdtest::cliPath(), {"make-demo-dataset", dir + "/data", "--clips", "4",
                                             "--size", "32", "--frames", "4"})
                 .exitCode,
             0);
    const QString project = dir + "/p.vdproj";
    const auto full = runLimited(0, {"new-project", project, "--data", dir + "/data"});
    QVERIFY(full.exitCode != 0);
    QVERIFY2(full.err.contains(project.toUtf8()), full.err.constData());
    QVERIFY(!QFile::exists(project));
    QCOMPARE(leftoverTemps(dir), QStringList());
}

void tst_Faults::readOnlyFolders()
{
    const QString project = makeProject("readonly");
    QVERIFY(!project.isEmpty());
    const QString folder = QFileInfo(project).absolutePath();
    const QString data = folder + "/data";

    // A read-only dataset folder trains (its index file is not written, nothing else is).
    QFile::remove(data + "/.vdstudio-index.json");
    if (!makeReadOnly(data)) {
        QSKIP("cannot make a folder read-only here (no immutable attribute, running as root)");
    }
    const auto trained = vdtest::run(vdtest::cliPath(), {"train-vae", project, "--threads", "1"});
    makeWritable(data);
    QVERIFY2(trained.exitCode == 0, trained.err.constData());

    // A read-only project folder: the run folder cannot be made, and the error names it.
    QVERIFY(QDir(folder + "/runs").removeRecursively());
    QVERIFY(makeReadOnly(folder));
    const auto refused = vdtest::run(vdtest::cliPath(), {"train-vae", project, "--threads", "1"});
    makeWritable(folder);
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains("runs/vae") && !refused.err.contains("Exception raised from"),
             refused.err.constData());
    QVERIFY(!QDir(folder + "/runs").exists());
}

void tst_Faults::datasetFilesVanishWhileTraining_data()
{
    QTest::addColumn<bool>("all");
    QTest::newRow("half of the clips") << false;
    QTest::newRow("every clip") << true;
}

void tst_Faults::datasetFilesVanishWhileTraining()
{
    QFETCH(bool, all);
    const QString project = makeProject(all ? "vanish_all" : "vanish_half");
    QVERIFY(!project.isEmpty());
    Project p = Project::load(project.toStdString());
    p.vae.train.checkpointEvery = 1000; // the only checkpoint is the one the fault leaves
    DeletingObserver observer;
    observer.dataDir = QFileInfo(project).absolutePath() + "/data";
    observer.all = all;
    StageRunOptions options;
    options.device = "cpu";
    // More steps than the loader holds ready when the files go (4 batches prefetched).
    options.steps = 30;
    options.batch = 2; // half of the 7 training clips still fill a batch
    StageRun run(p, Stage::VAE, &observer, options);
    if (!all) {
        // Training goes on with the clips that are left; the deleted ones are skipped.
        try {
            QVERIFY(run.run(StartMode::Fresh));
        } catch (const Error& e) {
            QFAIL(e.what());
        }
        QVERIFY(observer.deleted > 0);
        QCOMPARE(observer.finishedStep, int64_t(30));
        return;
    }
    try {
        run.run(StartMode::Fresh);
        QFAIL("training without any clip did not stop");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY2(QString(e.what()).contains("could be decoded"), e.what());
    }
    QVERIFY(observer.deleted > 0);
    // A clean stop: the steps trained before the data ran out are kept in a checkpoint.
    QVERIFY(observer.finishedStep >= 2);
    QVERIFY(observer.finishedStep < 30);
    QVERIFY(!observer.checkpoints.empty());
    QCOMPARE(observer.checkpoints.back(), observer.finishedStep);
    const QString dir = QFileInfo(project).absolutePath() +
                        QString("/runs/vae/checkpoints/step-%1").arg(observer.finishedStep);
    QVERIFY2(QDir(dir).exists(), qPrintable(dir));
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_Faults.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's training controller on a tiny real project: a VAE run started from the UI
// thread reports increasing steps in batches, sends preview images, stops within a step and
// leaves a checkpoint; a resumed run carries on from that step; a paused run sends no steps; a
// stop during preparation, an engine error and stopAndWait behave as the window expects. With
// "processes on this machine" at 2 the studio trains rank 0 and a real vdstudio-cli rank 1 on
// localhost: rank 0's steps arrive, Stop ends both with one checkpoint, a failing or killed rank
// ends the run with its message, and every child is reaped. Each test function gets its own
// project (init()) and one process unless it asks for two; those that need an earlier run make
// it first.
#include "../common/TrainedProject.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "controllers/TrainingController.h"

#include "train/Checkpoint.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <signal.h>

#include <cerrno>
#include <memory>

using namespace vd;
using vd::ui::TrainingController;
using vd::ui::TrainingPreview;

class tst_TrainingController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startReportsStepsAndPreviewsThenStops();
    void resumeContinuesAndPauseHolds();
    void stopDuringPreparation();
    void engineErrorIsReported();
    void stopAndWaitEndsTheRun();
    void twoProcessesTrainToTheEnd();
    void twoProcessesStopTogether();
    void failingProcessEndsTheRun();
    void killedProcessEndsTheRun();
    void severalProcessesNeedASavedProjectAndTheCli();

private:
    /// Every child rank of the controller's last run has exited and been reaped.
    static bool helpersReaped(const TrainingController& controller);
    /// Reads the run's config.json; empty when missing.
    QJsonObject runConfig(Stage stage) const;
    /// Steps of every metricsReady the spy saw, in order.
    static QVector<qint64> steps(const QSignalSpy& spy);
    /// Waits until `spy` holds metrics with a step of at least `step`.
    static bool waitForStep(QSignalSpy& spy, qint64 step, int timeoutMs = 60000);
    /// Keeps the UI thread busy, processing no events, until the run on its worker thread has
    /// finished `step` (the controller's step counter, which needs no event); false after a
    /// minute.
    static bool busyUntilStep(const TrainingController& controller, qint64 step);
    QString checkpointsDir(Stage stage) const;
    /// Trains the VAE from scratch past step 9, stops it and returns the step it stopped at
    /// (its checkpoint is the newest); 0 after a failed check.
    qint64 trainAndStop();

    std::unique_ptr<QTemporaryDir> m_dir;
    ui::ProjectSession m_session;
};

QVector<qint64> tst_TrainingController::steps(const QSignalSpy& spy)
{
    QVector<qint64> out;
    for (const QList<QVariant>& args : spy) {
        for (const StepMetrics& m : args.at(0).value<QVector<StepMetrics>>()) {
            out << m.step;
        }
    }
    return out;
}

bool tst_TrainingController::waitForStep(QSignalSpy& spy, qint64 step, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (steps(spy).isEmpty() || steps(spy).back() < step) {
        if (!spy.wait(static_cast<int>(deadline.remainingTime()))) {
            return false;
        }
    }
    return true;
}

bool tst_TrainingController::busyUntilStep(const TrainingController& controller, qint64 step)
{
    const QDeadlineTimer deadline(60000);
    while (controller.currentStep() < step) {
        if (deadline.hasExpired()) {
            return false;
        }
        QThread::msleep(2);
    }
    return true;
}

QString tst_TrainingController::checkpointsDir(Stage stage) const
{
    return m_session.runDir(stage) + "/checkpoints";
}

bool tst_TrainingController::helpersReaped(const TrainingController& controller)
{
    for (const qint64 pid : controller.helperProcessIds()) {
        // A child that has exited but was not waited for is a zombie: kill(0) still finds it.
        if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
            return false;
        }
    }
    return true;
}

QJsonObject tst_TrainingController::runConfig(Stage stage) const
{
    return QJsonDocument::fromJson(vdtest::readBytes(m_session.runDir(stage) + "/config.json"))
        .object();
}

void tst_TrainingController::initTestCase()
{
    QCoreApplication::setOrganizationName("VDStudioTest");
    QCoreApplication::setApplicationName("tst_TrainingController");
    QSettings().clear();
}

void tst_TrainingController::init()
{
    ui::AppSettings::setLocalProcesses(1);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.push_back({"/vae/train/steps", 400});
    patch.push_back({"/vae/train/checkpoint_every", 1000});
    patch.push_back({"/vae/train/preview_every", 4});
    const QString project = vdtest::makeDemoProject(m_dir->path(), 12, 32, 8, patch);
    QVERIFY(!project.isEmpty());
    QString error;
    QVERIFY2(m_session.open(project, &error), qPrintable(error));
}

void tst_TrainingController::cleanup()
{
    m_session.close();
    m_dir.reset();
}

qint64 tst_TrainingController::trainAndStop()
{
    TrainingController controller(&m_session);
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy finished(&controller, &TrainingController::finished);
    if (!controller.start(Stage::VAE, false) || !waitForStep(metrics, 9)) {
        return 0;
    }
    controller.stop();
    if (!finished.wait(60000)) {
        return 0;
    }
    return finished.first().at(1).toLongLong();
}

void tst_TrainingController::startReportsStepsAndPreviewsThenStops()
{
    TrainingController controller(&m_session);
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy previews(&controller, &TrainingController::previewReady);
    QSignalSpy checkpoints(&controller, &TrainingController::checkpointSaved);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QSignalSpy running(&controller, &TrainingController::runningChanged);

    QVERIFY(controller.start(Stage::VAE, false));
    QVERIFY(controller.isRunning());
    QVERIFY(!controller.start(Stage::VAE, false)); // one run at a time
    QCOMPARE(running.count(), 1);

    QVERIFY(waitForStep(metrics, 9));
    QVERIFY(previews.count() > 0 || previews.wait(30000));
    const auto preview = previews.first().at(0).value<TrainingPreview>();
    QCOMPARE(preview.stage, Stage::VAE);
    QCOMPARE(preview.kind, QString("reconstruction"));
    QVERIFY(!preview.frames.isEmpty());
    QCOMPARE(preview.frames.first().height(), 32);
    QCOMPARE(preview.frames.first().width(), 64); // input | reconstruction

    // Metrics are buffered and drained by the UI thread, not sent once per step: the steps that
    // finish while the UI thread is busy arrive together in the next signal. (How often the
    // drain runs is measured in bench/bench_ui_training_drain.)
    const qint64 drained = steps(metrics).back();
    const int signalsBefore = metrics.count();
    QVERIFY(busyUntilStep(controller, drained + 3));
    QVERIFY(metrics.wait(60000));
    QCOMPARE(metrics.count(), signalsBefore + 1);
    const auto together = metrics.last().at(0).value<QVector<StepMetrics>>();
    QCOMPARE(together.first().step, drained + 1);
    QVERIFY2(together.size() >= 2, qPrintable(QString("%1 step(s) in the signal after the UI "
                                                      "thread was busy for steps %2 to %3")
                                                  .arg(together.size())
                                                  .arg(drained + 1)
                                                  .arg(drained + 3)));

    // Steps arrive in order, each once, and no signal is empty.
    const QVector<qint64> s = steps(metrics);
    for (int i = 1; i < s.size(); ++i) {
        QCOMPARE(s[i], s[i - 1] + 1);
    }
    QCOMPARE(s.first(), qint64(1));
    QVERIFY(metrics.count() <= s.size());

    controller.stop();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const qint64 stoppedAt = finished.first().at(1).toLongLong();
    QVERIFY(stoppedAt >= 9);
    QVERIFY(stoppedAt < 400);
    QVERIFY(!controller.isRunning());
    QCOMPARE(running.last().at(0).toBool(), false);
    QCOMPARE(checkpoints.count(), 1);
    QCOMPARE(checkpoints.first().at(0).toLongLong(), stoppedAt);
    const auto list = Checkpoint::listComplete(checkpointsDir(Stage::VAE).toStdString());
    QVERIFY(!list.empty());
    QCOMPARE(qint64(list.back().first), stoppedAt);
    QCOMPARE(steps(metrics).back(), stoppedAt);
}

void tst_TrainingController::resumeContinuesAndPauseHolds()
{
    const qint64 stoppedAt = trainAndStop();
    QVERIFY(stoppedAt > 0);
    TrainingController controller(&m_session);
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy paused(&controller, &TrainingController::pausedChanged);
    QSignalSpy finished(&controller, &TrainingController::finished);

    QVERIFY(controller.start(Stage::VAE, true));
    QVERIFY(waitForStep(metrics, stoppedAt + 3));
    QCOMPARE(steps(metrics).first(), stoppedAt + 1);

    controller.pause();
    QVERIFY(controller.isPaused());
    QCOMPARE(paused.count(), 1);
    // Only the step already in flight may still finish, however long it takes on a loaded
    // machine. A held run has no event of its own, only a step that does not come: the wait
    // gives a missed pause 1.5 s to send one and returns as soon as it does.
    const qint64 pausedAt = controller.currentStep();
    QVERIFY2(!waitForStep(metrics, pausedAt + 2, 1500),
             qPrintable(QString("paused at step %1, step %2 still came")
                            .arg(pausedAt)
                            .arg(steps(metrics).back())));
    const qint64 heldAt = controller.currentStep();
    QVERIFY2(heldAt <= pausedAt + 1, qPrintable(QString("paused at step %1, still ran to %2")
                                                    .arg(pausedAt)
                                                    .arg(heldAt)));
    QVERIFY(steps(metrics).back() <= heldAt);
    metrics.clear();
    controller.resume();
    QVERIFY(!controller.isPaused());
    QVERIFY(waitForStep(metrics, heldAt + 2));
    QCOMPARE(steps(metrics).first(), heldAt + 1);

    controller.stop();
    QVERIFY(finished.wait(60000));
    const qint64 lastStop = finished.first().at(1).toLongLong();
    QCOMPARE(qint64(Checkpoint::listComplete(checkpointsDir(Stage::VAE).toStdString())
                        .back()
                        .first),
             lastStop);
}

void tst_TrainingController::stopDuringPreparation()
{
    // The VAE has not finished, so diffusion would first encode the latent cache; a stop
    // requested before training starts ends the run without a diffusion checkpoint.
    QVERIFY(trainAndStop() > 0);
    TrainingController controller(&m_session);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QVERIFY(controller.start(Stage::Diffusion, false));
    controller.stop();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toLongLong(), qint64(0));
    QCOMPARE(metrics.count(), 0);
    QVERIFY(Checkpoint::listComplete(checkpointsDir(Stage::Diffusion).toStdString()).empty());
}

void tst_TrainingController::engineErrorIsReported()
{
    QVERIFY(trainAndStop() > 0);
    TrainingController controller(&m_session);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QVERIFY(controller.start(Stage::VAE, false)); // fresh, but the run has checkpoints
    QVERIFY(finished.wait(60000));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.first().at(0).toString().contains("already has a checkpoint"),
             qPrintable(errors.first().at(0).toString()));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!controller.isRunning());
}

void tst_TrainingController::stopAndWaitEndsTheRun()
{
    TrainingController controller(&m_session);
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QVERIFY(controller.stopAndWait(1000)); // nothing runs
    QVERIFY(controller.start(Stage::VAE, false));
    QVERIFY(waitForStep(metrics, 1));
    QVERIFY(controller.stopAndWait(60000));
    QVERIFY(!controller.isRunning());
    QCOMPARE(finished.count(), 1); // delivered before stopAndWait returned
}

void tst_TrainingController::twoProcessesTrainToTheEnd()
{
    Project p = m_session.project();
    p.vae.train.steps = 6;
    m_session.updateProject(p);
    QString error;
    QVERIFY2(m_session.save({}, &error), qPrintable(error)); // the other rank reads the file
    ui::AppSettings::setLocalProcesses(2);
    TrainingController controller(&m_session);
    controller.setCliProgram(vdtest::cliPath());
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy finished(&controller, &TrainingController::finished);

    QVERIFY(controller.start(Stage::VAE, false));
    QCOMPARE(controller.processes(), 2);
    QCOMPARE(controller.batchPerProcess(), 2); // the project's batch of 4 over 2 processes
    QCOMPARE(controller.helperProcessIds().size(), 1);
    QVERIFY(finished.wait(300000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(finished.first().at(1).toLongLong(), qint64(6));
    QCOMPARE(steps(metrics).back(), qint64(6));
    QVERIFY(!controller.isRunning());
    QVERIFY(helpersReaped(controller));
    const QJsonObject dp = runConfig(Stage::VAE).value("data_parallel").toObject();
    QCOMPARE(dp.value("world_size").toInt(), 2);
    QCOMPARE(dp.value("batch_per_rank").toInt(), 2);
    QCOMPARE(dp.value("effective_batch").toInt(), 4);
}

void tst_TrainingController::twoProcessesStopTogether()
{
    ui::AppSettings::setLocalProcesses(2);
    TrainingController controller(&m_session);
    controller.setCliProgram(vdtest::cliPath());
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy checkpoints(&controller, &TrainingController::checkpointSaved);
    QSignalSpy finished(&controller, &TrainingController::finished);

    QVERIFY(controller.start(Stage::VAE, false));
    QVERIFY(waitForStep(metrics, 3, 300000));
    QCOMPARE(controller.helperProcessIds().size(), 1);
    controller.stop();
    QVERIFY(finished.wait(120000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const qint64 stoppedAt = finished.first().at(1).toLongLong();
    QVERIFY(stoppedAt >= 3 && stoppedAt < 400);
    QCOMPARE(steps(metrics).back(), stoppedAt);
    QCOMPARE(checkpoints.count(), 1);
    const auto list = Checkpoint::listComplete(checkpointsDir(Stage::VAE).toStdString());
    QCOMPARE(int(list.size()), 1);
    QCOMPARE(qint64(list.back().first), stoppedAt);
    QVERIFY(helpersReaped(controller));
}

void tst_TrainingController::failingProcessEndsTheRun()
{
    // A "vdstudio-cli" that fails at once as a rank that cannot train would: rank 0 waits for
    // it to join and must give up with its message instead of waiting out the rendezvous.
    const QString fake = m_dir->filePath("fake-cli");
    QVERIFY(vdtest::writeBytes(fake, "#!/bin/sh\necho 'vdstudio-cli: rank 1 cannot train here' "
                                     ">&2\nexit 4\n"));
    QVERIFY(QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    ui::AppSettings::setLocalProcesses(2);
    TrainingController controller(&m_session);
    controller.setCliProgram(fake);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QVERIFY(controller.start(Stage::VAE, false));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().at(0).toString();
    QVERIFY2(message.contains("Process 2 of 2 ended with status 4") &&
                 message.contains("rank 1 cannot train here"),
             qPrintable(message));
    QVERIFY(!controller.isRunning());
    QVERIFY(helpersReaped(controller));
    QVERIFY(Checkpoint::listComplete(checkpointsDir(Stage::VAE).toStdString()).empty());
}

void tst_TrainingController::killedProcessEndsTheRun()
{
    ui::AppSettings::setLocalProcesses(2);
    TrainingController controller(&m_session);
    controller.setCliProgram(vdtest::cliPath());
    QSignalSpy metrics(&controller, &TrainingController::metricsReady);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QVERIFY(controller.start(Stage::VAE, false));
    QVERIFY(waitForStep(metrics, 2, 300000));
    const qint64 pid = controller.helperProcessIds().value(0);
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
    QVERIFY(finished.wait(60000)); // rank 0 fails at its next collective
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!errors.isEmpty());
    const QString message = errors.last().at(0).toString();
    QVERIFY2(message.contains("Process 2 of 2 was ended by signal 9") &&
                 message.contains("rank 0 of 2"),
             qPrintable(message));
    QVERIFY(!controller.isRunning());
    QVERIFY(helpersReaped(controller));
}

void tst_TrainingController::severalProcessesNeedASavedProjectAndTheCli()
{
    ui::AppSettings::setLocalProcesses(2);
    TrainingController controller(&m_session);
    QSignalSpy errors(&controller, &TrainingController::errorOccurred);
    QSignalSpy running(&controller, &TrainingController::runningChanged);

    controller.setCliProgram(m_dir->filePath("no-such-cli"));
    QVERIFY(!controller.start(Stage::VAE, false));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.last().at(0).toString().contains("no-such-cli"),
             qPrintable(errors.last().at(0).toString()));

    controller.setCliProgram(vdtest::cliPath());
    Project p = m_session.project();
    p.vae.train.steps = 7;
    m_session.updateProject(p); // unsaved: the other rank would train other settings
    QVERIFY(m_session.modified());
    QVERIFY(!controller.start(Stage::VAE, false));
    QCOMPARE(errors.count(), 2);
    QVERIFY2(errors.last().at(0).toString().contains("Save the project"),
             qPrintable(errors.last().at(0).toString()));
    QCOMPARE(running.count(), 0);
    QVERIFY(controller.helperProcessIds().isEmpty());

    // The default program is the vdstudio-cli beside the running executable.
    controller.setCliProgram({});
    QCOMPARE(controller.cliProgram(),
             QDir(QCoreApplication::applicationDirPath()).filePath("vdstudio-cli"));
}

QTEST_MAIN(tst_TrainingController)
#include "tst_TrainingController.moc"

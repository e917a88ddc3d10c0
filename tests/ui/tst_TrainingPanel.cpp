// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel on a tiny real project: Start trains on the worker thread, the curves and
// previews fill, Stop leaves a checkpoint in the list, the log model receives the engine's lines,
// and a panel opened later shows the run's earlier curve from metrics.jsonl. "Processes on this
// machine" is kept in the preferences, splits the batch in the run summary and, at 2, trains
// with a vdstudio-cli rank beside the studio's own.
#include "../common/TrainedProject.h"

#include "AppSettings.h"
#include "LogModel.h"
#include "ProjectSession.h"
#include "controllers/TrainingController.h"
#include "models/LogFilterModel.h"
#include "panels/TrainingPanel.h"
#include "widgets/MetricsPlot.h"

#include "train/MetricsLog.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "util/QCustomPlotInclude.h"
#include <spdlog/spdlog.h>

#include <thread>

using namespace vd;
using namespace vd::ui;

class tst_TrainingPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void logModelIsBoundedAndThreadSafe();
    void logViewFiltersByLevelAndText();
    void startTrainsStopLeavesCheckpoint(); // and a panel opened later shows the run again
    void overlayDrawsAnotherRun();
    void twoProcessesFromThePanel();

private:
    QTemporaryDir m_dir;
    ProjectSession m_session;
};

void tst_TrainingPanel::initTestCase()
{
    QCoreApplication::setOrganizationName("VDStudioTest");
    QCoreApplication::setApplicationName("tst_TrainingPanel");
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.push_back({"/vae/train/steps", 300});
    patch.push_back({"/vae/train/checkpoint_every", 10});
    patch.push_back({"/vae/train/preview_every", 5});
    const QString project = vdtest::makeDemoProject(m_dir.path(), 12, 32, 8, patch);
    QVERIFY(!project.isEmpty());
    QString error;
    QVERIFY2(m_session.open(project, &error), qPrintable(error));
    LogModel::shared(); // installed before training logs anything
}

void tst_TrainingPanel::init()
{
    AppSettings::setLocalProcesses(1);
}

void tst_TrainingPanel::logModelIsBoundedAndThreadSafe()
{
    LogModel model(100);
    auto logger = std::make_shared<spdlog::logger>("test-log", model.sink());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&logger, t] {
            for (int i = 0; i < 100; ++i) {
                logger->warn("thread {} line {}", t, i);
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    QTRY_COMPARE(model.rowCount(), 100);
    QCOMPARE(model.data(model.index(0), LogModel::LevelRole).toInt(), int(spdlog::level::warn));
    QVERIFY(model.data(model.index(99)).toString().contains("[test-log] warning: thread"));
    model.append(spdlog::level::err, "ui", "one more");
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.data(model.index(99), LogModel::TextRole).toString(), QString("one more"));
}

void tst_TrainingPanel::logViewFiltersByLevelAndText()
{
    TrainingController controller(&m_session);
    TrainingPanel panel(&m_session, &controller);
    LogModel* log = LogModel::shared();
    log->append(2, "ui", "filter-test: an info line");
    log->append(3, "ui", "filter-test: a warning line");
    log->append(4, "ui", "filter-test: an error line");
    LogFilterModel* filter = panel.logFilter();
    auto* level = panel.findChild<QComboBox*>("logLevel");
    auto* search = panel.findChild<QLineEdit*>("logSearch");
    QVERIFY(filter && level && search);
    auto shown = [filter] {
        QStringList lines;
        for (int r = 0; r < filter->rowCount(); ++r) {
            const QString text = filter->index(r, 0).data(LogModel::TextRole).toString();
            if (text.startsWith("filter-test")) {
                lines << text;
            }
        }
        return lines;
    };
    QCOMPARE(shown().size(), 3);
    level->setCurrentIndex(level->findData(3));
    QCOMPARE(shown(), QStringList({"filter-test: a warning line", "filter-test: an error line"}));
    level->setCurrentIndex(level->findData(4));
    QCOMPARE(shown(), QStringList({"filter-test: an error line"}));
    level->setCurrentIndex(level->findData(0));
    search->setText("WARNING LINE"); // case-insensitive
    QCOMPARE(shown(), QStringList({"filter-test: a warning line"}));
    // Lines that arrive later are filtered too.
    log->append(2, "ui", "filter-test: another warning line, as info");
    QCOMPARE(shown().size(), 2);
    search->clear();
    QCOMPARE(shown().size(), 4);
}

void tst_TrainingPanel::startTrainsStopLeavesCheckpoint()
{
    TrainingController controller(&m_session);
    TrainingPanel panel(&m_session, &controller);
    auto* settings = new QLabel("settings form");
    panel.setSettingsWidget(settings);
    panel.resize(1280, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.stage(), Stage::VAE);
    QCOMPARE(panel.checkpointList()->topLevelItemCount(), 0);

    LogModel* log = LogModel::shared();
    const int logRowsBefore = log->rowCount();
    QSignalSpy finished(&controller, &TrainingController::finished);

    panel.start(); // no checkpoint yet: a fresh start without asking
    QVERIFY(controller.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(panel.metricsPlot()->pointCount("loss") >= 25 &&
                                 panel.previewCount() > 0 &&
                                 panel.checkpointList()->topLevelItemCount() > 0,
                             90000);

    QVERIFY(panel.metricsPlot()->figureNames().contains(MetricsPlot::tr("Learning rate")));
    QVERIFY(panel.metricsPlot()->pointCount("lr") >= 25);
    QVERIFY(!panel.metricsPlot()->describeStep(10).isEmpty());

    panel.stop();
    QVERIFY(finished.wait(60000));
    const qint64 stoppedAt = finished.first().at(1).toLongLong();
    QVERIFY(stoppedAt >= 25);
    QTRY_COMPARE(panel.checkpointList()->topLevelItem(0)->text(0), QString::number(stoppedAt));
    QVERIFY(panel.errorText().isEmpty());
    QTRY_VERIFY(log->rowCount() > logRowsBefore);
    bool sawCheckpointLine = false;
    for (int r = logRowsBefore; r < log->rowCount(); ++r) {
        sawCheckpointLine |=
            log->data(log->index(r), LogModel::TextRole).toString().startsWith("checkpoint ");
    }
    QVERIFY(sawCheckpointLine);

    // A panel opened later (the studio reopened) shows the stopped run's curve from
    // metrics.jsonl and its saved previews (runs/vae/samples), decoded in the background.
    TrainingController laterController(&m_session);
    TrainingPanel later(&m_session, &laterController);
    QSignalSpy loaded(later.metricsPlot(), &MetricsPlot::runLoaded);
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCOMPARE(later.metricsPlot()->lastStep(), stoppedAt);
    QCOMPARE(later.metricsPlot()->pointCount("loss"), int(stoppedAt)); // log_every 1
    QVERIFY(later.checkpointList()->topLevelItemCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(later.previewCount() > 0, 20000);
}

void tst_TrainingPanel::overlayDrawsAnotherRun()
{
    // An earlier run whose file was cut mid-line by a kill.
    const QString path = m_dir.filePath("earlier.jsonl");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"step\":1,\"loss\":0.5,\"lr\":0.001}\n{\"step\":2,\"loss\":0.4,\"lr\":0.001}\n"
            "{\"step\":3,\"lo");
    f.close();
    MetricsPlot plot;
    QSignalSpy overlay(&plot, &MetricsPlot::overlayLoaded);
    plot.loadOverlay(path);
    QVERIFY(overlay.wait(10000));
    QCOMPARE(overlay.first().at(1).toInt(), 2);
    QCOMPARE(plot.overlayPath(), path);
    QVERIFY(plot.plot()->graphCount() >= 1);
    plot.clearOverlay();
    QVERIFY(plot.overlayPath().isEmpty());
}

void tst_TrainingPanel::twoProcessesFromThePanel()
{
    // A fresh run, whichever test ran first: an earlier VAE run is moved aside, and this one
    // too at the end (the other tests expect no checkpoint).
    const QString runDir = m_session.runDir(Stage::VAE);
    if (QDir(runDir).exists()) {
        QVERIFY(QDir().rename(runDir, runDir + "-earlier"));
    }
    TrainingController controller(&m_session);
    controller.setCliProgram(vdtest::cliPath());
    TrainingPanel panel(&m_session, &controller);
    panel.resize(1280, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSpinBox* processes = panel.processesBox();
    QCOMPARE(processes->value(), 1);
    QCOMPARE(panel.batchText(), QString("4"));
    if (processes->maximum() < 2) {
        QSKIP("one core: the panel offers one process");
    }
    processes->setValue(2);
    QCOMPARE(AppSettings::localProcesses(), 2); // kept for the next session
    QCOMPARE(panel.batchText(), QString("2 per process × 2 processes = 4"));
    {
        TrainingController otherController(&m_session);
        TrainingPanel reopened(&m_session, &otherController);
        QCOMPARE(reopened.processesBox()->value(), 2);
    }

    QSignalSpy finished(&controller, &TrainingController::finished);
    panel.start();
    QVERIFY(controller.isRunning());
    QCOMPARE(controller.processes(), 2);
    QVERIFY(!processes->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel.metricsPlot()->pointCount("loss") >= 5, 300000);
    QCOMPARE(panel.batchText(), QString("2 per process × 2 processes = 4"));
    panel.stop();
    QVERIFY(finished.wait(120000));
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    const qint64 stoppedAt = finished.first().at(1).toLongLong();
    QTRY_COMPARE(panel.checkpointList()->topLevelItem(0)->text(0), QString::number(stoppedAt));
    QVERIFY(processes->isEnabled());
    processes->setValue(1);
    QCOMPARE(panel.batchText(), QString("4"));
    QCOMPARE(AppSettings::localProcesses(), 1);
    QVERIFY(QDir().rename(runDir, runDir + "-two-processes"));
}

QTEST_MAIN(tst_TrainingPanel)
#include "tst_TrainingPanel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The studio driven like a user: open the demo project, train the VAE a few steps from the
// Training panel, stop, inspect a clip (one heatmap per latent channel), step a clip frame by
// frame in the preview, and export it to a file that the ffmpeg tools read back.
#include "MainWindow.h"
#include "ProjectSession.h"
#include "controllers/ExportWorker.h"
#include "controllers/TrainingController.h"
#include "panels/InspectorPanel.h"
#include "panels/PreviewPanel.h"
#include "panels/TrainingPanel.h"
#include "widgets/ChannelGrid.h"
#include "widgets/ClipGridPlayer.h"
#include "widgets/HeatmapView.h"

#include "common/TrainedProject.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QMessageBox>
#include <QTimer>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QTableWidget>
#include <QtTest>

using namespace vd::ui;

class tst_Studio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainInspectPreviewExport();
    void closingDuringTrainingStopsWithACheckpoint();

private:
    QTemporaryDir m_dir;
};

void tst_Studio::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName("VDStudioTest");
    QCoreApplication::setApplicationName("tst_Studio");
    QSettings().clear();
}

void tst_Studio::trainInspectPreviewExport()
{
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.push_back({"/vae/train/steps", 200}); // stopped long before the end
    patch.push_back({"/vae/train/checkpoint_every", 4});
    const QString project = vdtest::makeDemoProject(m_dir.path(), 24, 32, 8, patch);
    QVERIFY(!project.isEmpty());

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY2(window.openProject(project, &error), qPrintable(error));

    // --- train from the Training panel, then stop: a checkpoint is left
    window.showPanel(MainWindow::Panel::Training);
    TrainingController* controller = window.trainingController();
    QSignalSpy metrics(controller, &TrainingController::metricsReady);
    QSignalSpy finished(controller, &TrainingController::finished);
    window.trainingPanel()->startFresh();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() >= 6, 120000);
    window.trainingPanel()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).toBool(), false); // stopped, not completed
    QVERIFY(metrics.count() >= 1);
    QVERIFY(!controller->isRunning());
    const QString checkpoints = window.session()->runDir(vd::Stage::VAE) + "/checkpoints";
    QVERIFY2(!QDir(checkpoints).entryList({"step-*"}, QDir::Dirs).isEmpty(),
             qPrintable(checkpoints));

    // --- inspect a clip: one heatmap per latent channel
    window.showPanel(MainWindow::Panel::Inspector);
    InspectorPanel* inspector = window.inspectorPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->checkpointPaths().isEmpty(), 30000);
    QDirIterator it(m_dir.filePath("data"), {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    const QString clip = it.next();
    QSignalSpy inspected(inspector, &InspectorPanel::inspectionFinished);
    inspector->inspectClip(clip);
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->isBusy() && inspector->result() != nullptr &&
                                 inspector->currentClip() == clip,
                             60000);
    const int channels = window.session()->project().vae.model.latentChannels;
    QCOMPARE(inspector->channelGrid()->findChildren<HeatmapView*>().size(), channels);
    QCOMPARE(inspector->statsTable()->rowCount(), channels);

    // --- preview: step through the clip frame by frame
    window.showPanel(MainWindow::Panel::Preview);
    PreviewPanel* preview = window.previewPanel();
    QSignalSpy shown(preview, &PreviewPanel::clipsShown);
    preview->openClip(clip);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
    ClipGridPlayer* player = preview->player();
    QCOMPARE(player->frameCount(), 8);
    player->setFocus();
    const int before = player->currentFrame();
    QTest::keyClick(player, Qt::Key_Right);
    QCOMPARE(player->currentFrame(), before + 1);
    const QImage second = player->displayedImage(0);
    QTest::keyClick(player, Qt::Key_Right);
    QCOMPARE(player->currentFrame(), before + 2);
    QVERIFY(player->displayedImage(0) != second); // the shapes move
    QTest::keyClick(player, Qt::Key_Left);
    QCOMPARE(player->currentFrame(), before + 1);

    // --- export what the preview shows; ffprobe reads the file back
    ExportJob job;
    job.clips = player->clips();
    job.outputs = {m_dir.filePath("export.mp4")};
    job.format = vd::VideoFormat::MP4;
    job.fps = 8;
    job.scale = 2;
    ExportWorker worker(job);
    QSignalSpy exported(&worker, &ExportWorker::finished);
    QFuture<void> done = QtConcurrent::run([&worker] { worker.run(); });
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 60000);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY(QFileInfo::exists(job.outputs[0]));
    QCOMPARE(vdtest::ffprobeEntry(job.outputs[0], "nb_read_frames", true), QString("8"));
    QCOMPARE(vdtest::ffprobeEntry(job.outputs[0], "width"), QString("64"));
}

void tst_Studio::closingDuringTrainingStopsWithACheckpoint()
{
    QTemporaryDir dir;
    vdtest::JsonPatch patch = vdtest::tinyProjectPatch();
    patch.push_back({"/vae/train/steps", 5000});
    patch.push_back({"/vae/train/checkpoint_every", 1000}); // only the stop saves one
    const QString project = vdtest::makeDemoProject(dir.path(), 12, 32, 8, patch);
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(project));
    TrainingController* controller = window.trainingController();
    window.trainingPanel()->startFresh();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() >= 3, 120000);

    // The close asks first: "No" keeps the window and the run.
    bool asked = false;
    auto answer = [&asked](QMessageBox::StandardButton button) {
        QTimer::singleShot(100, [&asked, button] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                asked = true;
                box->button(button)->click();
            }
        });
    };
    answer(QMessageBox::No);
    QVERIFY(!window.close());
    QVERIFY(asked);
    QVERIFY(controller->isRunning());

    asked = false;
    answer(QMessageBox::Yes);
    QVERIFY(window.close());
    QVERIFY(asked);
    QVERIFY(!controller->isRunning());
    const QStringList saved = QDir(window.session()->runDir(vd::Stage::VAE) + "/checkpoints")
                                  .entryList({"step-*"}, QDir::Dirs);
    QCOMPARE(saved.size(), 1);
    QVERIFY(saved.front() != "step-1000");
}

QTEST_MAIN(tst_Studio)
#include "tst_Studio.moc"

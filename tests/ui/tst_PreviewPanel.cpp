// SPDX-License-Identifier: GPL-3.0-or-later
// The preview panel on a tiny trained project made at test time: "sample now" on the worker
// thread, the frame-by-frame player (keys, difference view), the flicker plot, opening a
// dataset clip, and exports through the export dialog's worker that FFmpeg reads back.
#include "panels/PreviewPanel.h"

#include "ProjectSession.h"
#include "controllers/ExportWorker.h"
#include "controllers/TrainingController.h"
#include "dialogs/ExportDialog.h"
#include "panels/TrainingPanel.h"
#include "widgets/ClipGridPlayer.h"
#include "widgets/FlickerPlot.h"
#include "widgets/SampleSettingsForm.h"

#include "common/TrainedProject.h"

#include <QDir>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using vd::ui::ClipGridPlayer;
using vd::ui::ExportDialog;
using vd::ui::ExportJob;
using vd::ui::ExportOutcome;
using vd::ui::ExportWorker;
using vd::ui::PreviewPanel;
using vd::ui::ProjectSession;
using vd::ui::TrainingController;
using vd::ui::TrainingPanel;

namespace {

constexpr int kSampleCount = 3;

/// Files and folders under `dir` whose name marks an unfinished export.
QStringList partialFiles(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(".partial-")) {
            found << path;
        }
    }
    return found;
}

/// A clip of `frames` frames of `size` x `size` with moving content.
QVector<QImage> movingClip(int frames, int size)
{
    QVector<QImage> clip;
    for (int t = 0; t < frames; ++t) {
        QImage image(size, size, QImage::Format_RGB888);
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                image.setPixel(x, y, qRgb((x * 7 + t * 13) % 256, (y * 5 + t * 3) % 256,
                                          ((x ^ y) + t * 29) % 256));
            }
        }
        clip.push_back(image);
    }
    return clip;
}

} // namespace

class tst_PreviewPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sampleNowMakesClips();
    void keysStepAndPlay();
    void differenceViewDiffers();
    void flickerPlotHasOnePointPerTransition();
    void opensDatasetClip();
    void sampleCancel();
    void exportThroughDialog_data();
    void exportThroughDialog();
    void exportAllClips();
    void cancelLeavesNoPartialFile_data();
    void cancelLeavesNoPartialFile();
    void dialogCancelLeavesNoPartialFile();
    void exportErrorNamesFile();
    void sampleAllClasses();
    void judgeSampledClips();
    void trainingPanelNamesSampleClasses();
    void autoguidanceNeedsTheRunsGuide();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    ProjectSession m_session;
    std::unique_ptr<PreviewPanel> m_panel;
    int m_frames = 0;
};

void tst_PreviewPanel::initTestCase()
{
    const QString base = qEnvironmentVariable("VD_TEST_TMP", QDir::tempPath());
    QDir().mkpath(base);
    m_dir = std::make_unique<QTemporaryDir>(base + "/preview-XXXXXX");
    QVERIFY(m_dir->isValid());
    m_project = vdtest::makeTrainedProject(m_dir->path(), true);
    QVERIFY(!m_project.isEmpty());
    QString error;
    QVERIFY2(m_session.open(m_project, &error), qPrintable(error));
    m_frames = m_session.project().dataset.frames;
    m_panel = std::make_unique<PreviewPanel>(&m_session);
    m_panel->resize(1280, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_PreviewPanel::cleanupTestCase()
{
    m_panel.reset();
}

void tst_PreviewPanel::sampleNowMakesClips()
{
    // The models load in the background when the project opens.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->modelInfo().frames > 0, 30000);
    QCOMPARE(m_panel->modelInfo().frames, m_frames);
    QVERIFY(!m_panel->modelInfo().labels.isEmpty()); // the demo dataset has classes
    QVERIFY(m_panel->modelInfo().samplers.contains("auto"));

    // The demo preset samples with autoguidance, through the guide its run kept (step 4 of 10).
    QCOMPARE(m_panel->modelInfo().guideStep, qint64(4));
    QCOMPARE(m_panel->sampleSettings().autoguidance, m_session.project().sampling.autoguidance);
    QVERIFY(m_panel->sampleSettings().autoguidance > 0.0);
    vd::ui::SampleSettings settings = m_panel->sampleSettings();
    settings.count = kSampleCount;
    settings.steps = 3;
    settings.seed = 11;
    settings.label = 0;
    m_panel->setSampleSettings(settings);
    QSignalSpy finished(m_panel.get(), &PreviewPanel::samplingFinished);
    m_panel->sampleNow();
    QVERIFY(m_panel->isSampling());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!m_panel->isSampling());

    ClipGridPlayer* player = m_panel->player();
    QCOMPARE(player->clipCount(), kSampleCount);
    for (const auto& clip : player->clips()) {
        QCOMPARE(clip.size(), m_frames);
        QCOMPARE(clip.front().size(), QSize(m_session.project().dataset.width,
                                            m_session.project().dataset.height));
    }
    QCOMPARE(m_panel->temporalStats().size(), kSampleCount);
    QVERIFY(player->captions().front().startsWith(m_panel->modelInfo().labels.front()));
}

void tst_PreviewPanel::keysStepAndPlay()
{
    ClipGridPlayer* player = m_panel->player();
    QVERIFY(player->frameCount() >= 3);
    player->seek(0);
    player->setFocus();
    QCOMPARE(player->displayedImage(0), player->clips()[0][0]);

    QTest::keyClick(player, Qt::Key_Right);
    QCOMPARE(player->currentFrame(), 1);
    QCOMPARE(player->displayedImage(0), player->clips()[0][1]);
    QTest::keyClick(player, Qt::Key_Right);
    QCOMPARE(player->currentFrame(), 2);
    QTest::keyClick(player, Qt::Key_Left);
    QCOMPARE(player->currentFrame(), 1);
    QCOMPARE(player->displayedImage(0), player->clips()[0][1]);
    QTest::keyClick(player, Qt::Key_Left);
    QCOMPARE(player->currentFrame(), 0);

    // Space plays: the frames advance on the player's clock; Space again pauses.
    player->setFps(30.0);
    QSignalSpy frames(player, &ClipGridPlayer::frameChanged);
    QTest::keyClick(player, Qt::Key_Space);
    QVERIFY(player->isPlaying());
    QVERIFY(frames.wait(2000));
    QVERIFY(frames.count() >= 1);
    QTest::keyClick(player, Qt::Key_Space);
    QVERIFY(!player->isPlaying());
    const int stoppedAt = player->currentFrame();
    // A paused player has no event of its own, only a frame that does not come: at 30 fps a
    // clock still running would change the frame within the 150 ms, and the wait returns then.
    frames.clear();
    QVERIFY(!frames.wait(150));
    QCOMPARE(player->currentFrame(), stoppedAt);
}

void tst_PreviewPanel::differenceViewDiffers()
{
    ClipGridPlayer* player = m_panel->player();
    player->seek(1);
    const QImage normal = player->displayedImage(0);
    QCOMPARE(normal, player->clips()[0][1]);
    player->setDifferenceView(true);
    const QImage difference = player->displayedImage(0);
    QVERIFY(difference != normal);
    QCOMPARE(difference,
             ClipGridPlayer::differenceImage(player->clips()[0][1], player->clips()[0][0]));
    player->setDifferenceView(false);
    QCOMPARE(player->displayedImage(0), normal);
}

void tst_PreviewPanel::flickerPlotHasOnePointPerTransition()
{
    vd::ui::FlickerPlot* plot = m_panel->flickerPlot();
    QCOMPARE(plot->graphCount(), kSampleCount);
    QCOMPARE(plot->graph(0)->dataCount(), m_frames - 1);
    const auto& stats = m_panel->temporalStats();
    QCOMPARE(static_cast<int>(stats[0].frameChange.size()), m_frames - 1);
    QVERIFY(plot->titleText().contains("flicker index"));
    // The marker follows the player, and clicking another clip makes it graph(0).
    m_panel->player()->seek(2);
    QCOMPARE(plot->currentFrame(), 2);
    m_panel->player()->setCurrentClip(1);
    QCOMPARE(plot->currentClip(), 1);
    QCOMPARE(plot->graph(0)->dataCount(), m_frames - 1);
    QCOMPARE(plot->graph(0)->data()->at(0)->value, stats[1].frameChange[0]);
}

void tst_PreviewPanel::opensDatasetClip()
{
    QDirIterator it(m_session.datasetRoot(), {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    const QString clip = it.next();
    const int frames = vdtest::ffprobeEntry(clip, "nb_read_frames", true).toInt();
    QVERIFY(frames > 1);
    QSignalSpy stats(m_panel.get(), &PreviewPanel::statsReady);
    m_panel->openClip(clip);
    QVERIFY(stats.wait(30000));
    QCOMPARE(m_panel->player()->clipCount(), 1);
    QCOMPARE(m_panel->player()->frameCount(), frames);
    QCOMPARE(m_panel->flickerPlot()->graph(0)->dataCount(), frames - 1);

    // A file that is not a video: the panel says so, naming it, and keeps the clip it shows.
    const QString bad = m_dir->filePath("not-a-video.mp4");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is text");
    f.close();
    QSignalSpy failed(m_panel.get(), &PreviewPanel::openFailed);
    m_panel->openClip(bad);
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.at(0).at(0).toString().contains("not-a-video.mp4"),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(m_panel->player()->frameCount(), frames);
}

void tst_PreviewPanel::sampleCancel()
{
    vd::ui::SampleSettings settings = m_panel->sampleSettings();
    settings.steps = 1000; // far longer than the test waits
    settings.count = 8;
    m_panel->setSampleSettings(settings);
    const int shown = m_panel->player()->clipCount();
    QSignalSpy finished(m_panel.get(), &PreviewPanel::samplingFinished);
    m_panel->sampleNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<QProgressBar*>()->value() >= 1, 30000);
    m_panel->cancelSampling();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!m_panel->isSampling());
    QCOMPARE(m_panel->player()->clipCount(), shown); // the grid is unchanged
}

void tst_PreviewPanel::exportThroughDialog_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("mp4") << static_cast<int>(vd::VideoFormat::MP4) << "clip.mp4";
    QTest::newRow("gif") << static_cast<int>(vd::VideoFormat::GIF) << "clip.gif";
    QTest::newRow("png") << static_cast<int>(vd::VideoFormat::PNG) << "frames";
    QTest::newRow("webm") << static_cast<int>(vd::VideoFormat::WebM) << "clip.webm";
}

void tst_PreviewPanel::exportThroughDialog()
{
    QFETCH(int, format);
    QFETCH(QString, name);
    const QVector<QVector<QImage>> clips{movingClip(6, 20), movingClip(6, 20)};
    ExportDialog dialog(clips, {"a #1", "a #2"}, 1);
    const QString out = m_dir->filePath("export-" + QString(QTest::currentDataTag())) + "/" + name;
    dialog.setFormat(static_cast<vd::VideoFormat>(format));
    dialog.setOutputPath(out);
    dialog.setScale(3);
    dialog.setFps(10.0);
    dialog.setFrameRange(1, 4); // frames 2..5: four frames
    QCOMPARE(dialog.job().outputs, QStringList{out});
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(dialog.writtenFiles(), QStringList{out});

    if (format == static_cast<int>(vd::VideoFormat::PNG)) {
        const QStringList files = QDir(out).entryList({"frame_*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 4);
        QCOMPARE(vdtest::ffprobeEntry(out + "/" + files.front(), "width"), QString("60"));
        QCOMPARE(vdtest::ffprobeEntry(out + "/frame_%06d.png", "nb_read_frames", true),
                 QString("4"));
    } else {
        QCOMPARE(vdtest::ffprobeEntry(out, "width"), QString("60"));
        QCOMPARE(vdtest::ffprobeEntry(out, "height"), QString("60"));
        QCOMPARE(vdtest::ffprobeEntry(out, "nb_read_frames", true), QString("4"));
    }
    QVERIFY(partialFiles(m_dir->path()).isEmpty());
}

void tst_PreviewPanel::exportAllClips()
{
    const QVector<QVector<QImage>> clips{movingClip(5, 16), movingClip(5, 16), movingClip(5, 16)};
    ExportDialog dialog(clips, {"circle #1", "circle #2", "square #1"}, 0);
    const QString folder = m_dir->filePath("all");
    dialog.setAllClips(true);
    dialog.setFormat(vd::VideoFormat::GIF);
    dialog.setOutputPath(folder);
    dialog.setScale(2);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    const QStringList expected{folder + "/circle-1.gif", folder + "/circle-2.gif",
                               folder + "/square-1.gif"};
    QCOMPARE(dialog.writtenFiles(), expected);
    for (const QString& file : expected) {
        QCOMPARE(vdtest::ffprobeEntry(file, "width"), QString("32"));
        QCOMPARE(vdtest::ffprobeEntry(file, "nb_read_frames", true), QString("5"));
    }
}

void tst_PreviewPanel::cancelLeavesNoPartialFile_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("mp4") << static_cast<int>(vd::VideoFormat::MP4) << "c.mp4";
    QTest::newRow("gif") << static_cast<int>(vd::VideoFormat::GIF) << "c.gif";
    QTest::newRow("png") << static_cast<int>(vd::VideoFormat::PNG) << "c-frames";
}

void tst_PreviewPanel::cancelLeavesNoPartialFile()
{
    QFETCH(int, format);
    QFETCH(QString, name);
    const QString dir = m_dir->filePath("cancel-" + QString(QTest::currentDataTag()));
    ExportJob job;
    job.clips = {movingClip(10, 16)};
    job.outputs = {dir + "/" + name};
    job.format = static_cast<vd::VideoFormat>(format);
    job.scale = 2;
    ExportWorker worker(job);
    // Cancel once two frames are written, from the worker's own progress report.
    connect(&worker, &ExportWorker::progress, &worker, [&worker](int done, int) {
        if (done == 2) {
            worker.cancel();
        }
    }, Qt::DirectConnection);
    QSignalSpy finished(&worker, &ExportWorker::finished);
    worker.run();
    QCOMPARE(finished.count(), 1);
    const auto outcome = finished.at(0).at(0).value<ExportOutcome>();
    QVERIFY(outcome.cancelled);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.written.isEmpty());
    QVERIFY(!QFileInfo::exists(job.outputs.front()));
    QVERIFY2(partialFiles(dir).isEmpty(), qPrintable(partialFiles(dir).join(", ")));
}

void tst_PreviewPanel::dialogCancelLeavesNoPartialFile()
{
    // Large enough that the export is still running when Cancel arrives.
    const QVector<QVector<QImage>> clips{movingClip(120, 64)};
    ExportDialog dialog(clips, {"long"}, 0);
    const QString out = m_dir->filePath("dialog-cancel/long.mp4");
    dialog.setFormat(vd::VideoFormat::MP4);
    dialog.setOutputPath(out);
    dialog.setScale(8);
    QSignalSpy progress(&dialog, &ExportDialog::exportProgress);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QVERIFY(dialog.isExporting());
    QVERIFY(progress.wait(30000));
    dialog.cancelExport();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!dialog.isExporting());
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(partialFiles(m_dir->filePath("dialog-cancel")).isEmpty());
}

void tst_PreviewPanel::exportErrorNamesFile()
{
    // The output's parent is a file, so nothing can be written there.
    const QString blocker = m_dir->filePath("blocker");
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ExportDialog dialog({movingClip(3, 16)}, {"x"}, 0);
    const QString out = blocker + "/x.mp4";
    dialog.setFormat(vd::VideoFormat::MP4);
    dialog.setOutputPath(out);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(finished.at(0).at(1).toString().contains(out),
             qPrintable(finished.at(0).at(1).toString()));
}

void tst_PreviewPanel::sampleAllClasses()
{
    const QStringList labels = m_panel->modelInfo().labels;
    QVERIFY(labels.size() > 1);
    vd::ui::SampleSettings settings = m_panel->sampleSettings();
    settings.label = vd::ui::SampleSettings::kAllLabels;
    settings.count = 2;
    settings.steps = 2;
    settings.seed = 5;
    m_panel->setSampleSettings(settings);
    QCOMPARE(m_panel->sampleSettings().label, vd::ui::SampleSettings::kAllLabels);
    QSignalSpy finished(m_panel.get(), &PreviewPanel::samplingFinished);
    m_panel->sampleNow();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    // `count` clips of every class, in label order, captioned with the class names.
    const QStringList captions = m_panel->player()->captions();
    QCOMPARE(captions.size(), 2 * labels.size());
    for (int i = 0; i < captions.size(); ++i) {
        QVERIFY2(captions[i].startsWith(labels[i / 2] + " "), qPrintable(captions[i]));
    }
    // Same seed, same noise: the first class's clips equal a sample of that class alone.
    const auto all = m_panel->player()->clips();
    settings.label = 0;
    m_panel->setSampleSettings(settings);
    m_panel->sampleNow();
    QVERIFY(finished.wait(60000));
    QCOMPARE(m_panel->player()->clips()[0], all[0]);
    QVERIFY(m_panel->player()->clips()[0] != all[2]); // another class, another clip
}

void tst_PreviewPanel::judgeSampledClips()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->modelInfo().frames > 0, 30000);
    vd::ui::SampleSettings settings = m_panel->sampleSettings();
    settings.count = 2;
    settings.steps = 3;
    settings.seed = 5;
    settings.label = vd::ui::SampleSettings::kAllLabels;
    m_panel->setSampleSettings(settings);
    QSignalSpy sampled(m_panel.get(), &PreviewPanel::samplingFinished);
    m_panel->sampleNow();
    QVERIFY(sampled.wait(60000));
    QVERIFY2(sampled.at(0).at(0).toBool(), qPrintable(sampled.at(0).at(1).toString()));

    // The judge trains (30 steps in the tiny project) and scores the clips on the worker thread.
    QSignalSpy judged(m_panel.get(), &PreviewPanel::judgingFinished);
    m_panel->judgeClips();
    QVERIFY(m_panel->isJudging());
    QVERIFY(judged.wait(120000));
    QVERIFY2(judged.at(0).at(0).toBool(), qPrintable(m_panel->judgeText()));
    const vd::JudgeReport& report = m_panel->judgeReport();
    const int classes = static_cast<int>(m_panel->modelInfo().labels.size());
    QCOMPARE(report.samples, 2 * classes);
    QCOMPARE(static_cast<int>(report.classes.size()), classes);
    QVERIFY(report.classAccuracy >= 0.0 && report.classAccuracy <= 1.0);
    QVERIFY(report.frechet >= 0.0);
    QVERIFY(m_panel->judgeText().contains(QString::number(report.frechet, 'f', 2)));

    // Opening another clip replaces the sampled ones: their judgement goes with them.
    QDirIterator it(m_session.datasetRoot(), {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    const QString clip = it.next();
    QSignalSpy shown(m_panel.get(), &PreviewPanel::clipsShown);
    m_panel->openClip(clip);
    QVERIFY(shown.wait(30000));
    QVERIFY(m_panel->judgeText().isEmpty());
    QCOMPARE(m_panel->judgeReport().samples, 0);
}

void tst_PreviewPanel::trainingPanelNamesSampleClasses()
{
    // The diffusion run's saved previews come back captioned with class names, not numbers.
    TrainingController controller(&m_session);
    TrainingPanel panel(&m_session, &controller);
    panel.setStage(vd::Stage::Diffusion);
    QTRY_VERIFY_WITH_TIMEOUT(panel.previewCount() > 0, 20000);
    const QStringList labels = m_panel->modelInfo().labels;
    for (const QString& caption : panel.previewCaptions()) {
        QVERIFY2(labels.contains(caption), qPrintable(caption));
    }
}

void tst_PreviewPanel::autoguidanceNeedsTheRunsGuide()
{
    // A run that kept no guide greys the row out and samples without it, keeping the value
    // for a run that has one.
    vd::ui::SampleSettingsForm form;
    auto* spin = form.findChild<QDoubleSpinBox*>(QStringLiteral("autoguidance"));
    QVERIFY(spin != nullptr);
    vd::ui::SampleSettings settings = form.settings();
    settings.autoguidance = 1.5;
    form.setSettings(settings);
    vd::ui::SampleModelInfo info;
    info.samplers = {QStringLiteral("auto")};
    info.guideStep = -1;
    form.setModel(info, true);
    QVERIFY(!spin->isEnabled());
    QCOMPARE(form.settings().autoguidance, 0.0);
    form.setEditable(true);
    QVERIFY(!spin->isEnabled());
    info.guideStep = 7;
    form.setModel(info, false);
    QVERIFY(spin->isEnabled());
    QCOMPARE(form.settings().autoguidance, 1.5);
    form.setEditable(false);
    QVERIFY(!spin->isEnabled());
}

QTEST_MAIN(tst_PreviewPanel)
#include "tst_PreviewPanel.moc"

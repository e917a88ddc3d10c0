// SPDX-License-Identifier: GPL-3.0-or-later
// The latent inspector on a tiny trained project made at test time: it lists the VAE's
// checkpoints, inspects the first dataset clip (one heatmap and one table row per latent
// channel, reconstruction and error map), steps through frames without running the model,
// toggles the latent normalization, compares two checkpoints, plots the blob score from
// metrics.jsonl, and shows a bad video's error in the panel.
#include "panels/InspectorPanel.h"

#include "ProjectSession.h"
#include "widgets/ChannelGrid.h"
#include "widgets/FrameView.h"
#include "widgets/HeatmapView.h"

#include "common/TrainedProject.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "util/QCustomPlotInclude.h"

#include <memory>

using vd::ui::FrameView;
using vd::ui::InspectorPanel;
using vd::ui::ProjectSession;

class tst_InspectorPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsCheckpointsNewestFirst();
    void inspectsFirstClip();
    void frameChangeRedrawsWithoutModel();
    void highErrorRegionsOutlined();
    void normalizationChangesHeatmaps();
    void blobScorePlotFromMetrics();
    void comparesTwoCheckpoints();
    void newestRequestWins();
    void badVideoShowsError();

private:
    /// Waits for the panel's current inspection; the signal's ok flag.
    bool waitForInspection(QSignalSpy& spy);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    ProjectSession m_session;
    std::unique_ptr<InspectorPanel> m_panel;
    int m_channels = 0;
};

bool tst_InspectorPanel::waitForInspection(QSignalSpy& spy)
{
    if (spy.isEmpty() && !spy.wait(60000)) {
        return false;
    }
    // Earlier requests superseded by a newer one report nothing; the last signal counts.
    if (!QTest::qWaitFor([this] { return !m_panel->isBusy(); }, 60000)) {
        return false;
    }
    return spy.last().at(0).toBool();
}

void tst_InspectorPanel::initTestCase()
{
    const QString base = qEnvironmentVariable("VD_TEST_TMP", QDir::tempPath());
    QDir().mkpath(base);
    m_dir = std::make_unique<QTemporaryDir>(base + "/inspector-XXXXXX");
    QVERIFY(m_dir->isValid());
    m_project = vdtest::makeTrainedProject(m_dir->path(), false);
    QVERIFY(!m_project.isEmpty());
    QString error;
    QVERIFY2(m_session.open(m_project, &error), qPrintable(error));
    m_channels = m_session.project().vae.model.latentChannels;
    QVERIFY(m_channels > 0);
    m_panel = std::make_unique<InspectorPanel>(&m_session);
    m_panel->resize(1280, 800);
}

void tst_InspectorPanel::cleanupTestCase()
{
    m_panel.reset();
}

void tst_InspectorPanel::listsCheckpointsNewestFirst()
{
    // 30 steps with a checkpoint every 15: step-30 and step-15, the newest first.
    const QStringList paths = m_panel->checkpointPaths();
    QCOMPARE(paths.size(), 2);
    QVERIFY2(paths[0].endsWith("step-30"), qPrintable(paths[0]));
    QVERIFY2(paths[1].endsWith("step-15"), qPrintable(paths[1]));
}

void tst_InspectorPanel::inspectsFirstClip()
{
    // Shown for the first time, the panel inspects the dataset's first clip by itself.
    QSignalSpy finished(m_panel.get(), &InspectorPanel::inspectionFinished);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(waitForInspection(finished));
    QVERIFY(!m_panel->clipPaths().isEmpty());
    QCOMPARE(m_panel->currentClip(), m_panel->clipPaths().first());

    const vd::ClipInspection* r = m_panel->result();
    QVERIFY(r != nullptr);
    QVERIFY(r->checkpoint.find("step-30") != std::string::npos);
    QCOMPARE(r->latentShape.channels, int64_t(m_channels));
    QCOMPARE(r->latentShape.frames, int64_t(m_session.project().dataset.frames));
    QCOMPARE(r->input.width, 32);
    QCOMPARE(r->input.height, 32);

    QCOMPARE(m_panel->channelGrid()->count(), m_channels);
    for (int c = 0; c < m_channels; ++c) {
        const vd::ui::HeatmapView* view = m_panel->channelGrid()->view(c);
        QCOMPARE(view->mapWidth(), int(r->latentShape.width));
        QCOMPARE(view->mapHeight(), int(r->latentShape.height));
        QVERIFY(view->rangeLow() < view->rangeHigh());
        QVERIFY(!view->image().isNull());
    }
    QCOMPARE(m_panel->statsTable()->rowCount(), m_channels);
    for (int c = 0; c < m_channels; ++c) {
        QCOMPARE(m_panel->statsTable()->item(c, 0)->text(), QString::number(c));
        // Mean and std cells hold the core's values.
        QCOMPARE(m_panel->statsTable()->item(c, 1)->data(Qt::UserRole).toDouble(),
                 r->channelStats[static_cast<size_t>(c)].mean);
    }
    QCOMPARE(m_panel->inputView()->image().size(), QSize(32, 32));
    QCOMPARE(m_panel->reconstructionView()->image().size(), QSize(32, 32));
    QCOMPARE(m_panel->errorView()->image().size(), QSize(32, 32));
    QVERIFY(m_panel->reconstructionView()->image() != m_panel->inputView()->image());
    QVERIFY(r->psnrDb > 0.0);
    QVERIFY(!m_panel->verdictText().isEmpty());
    // A channel is selected and its histogram drawn.
    QCOMPARE(m_panel->selectedChannel(), 0);
    QCOMPARE(m_panel->histogramPlot()->plottableCount(), 1);
}

void tst_InspectorPanel::frameChangeRedrawsWithoutModel()
{
    const vd::ClipInspection* r = m_panel->result();
    QVERIFY(r != nullptr);
    QVERIFY(r->input.frames > 1);
    m_panel->setFrame(0);
    const QImage input0 = m_panel->inputView()->image();
    const QImage recon0 = m_panel->reconstructionView()->image();
    const std::vector<float> map0 = m_panel->channelGrid()->view(0)->values();
    const double low0 = m_panel->channelGrid()->view(0)->rangeLow();

    const int last = r->input.frames - 1;
    m_panel->setFrame(last);
    // Drawn at once from the kept result: no job was started.
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->frame(), last);
    QVERIFY(m_panel->inputView()->image() != input0); // the demo clips move
    QVERIFY(m_panel->reconstructionView()->image() != recon0);
    QVERIFY(m_panel->channelGrid()->view(0)->values() != map0);
    // One colour scale for the whole clip.
    QCOMPARE(m_panel->channelGrid()->view(0)->rangeLow(), low0);
    QCOMPARE(m_panel->result(), r);
}

void tst_InspectorPanel::highErrorRegionsOutlined()
{
    const vd::ClipInspection* r = m_panel->result();
    QVERIFY(r != nullptr);
    // Every frame outlines exactly its own high-error regions, on the error map and the
    // reconstruction.
    int outlined = 0;
    for (int t = 0; t < r->input.frames; ++t) {
        m_panel->setFrame(t);
        QVector<QRect> expected;
        for (const vd::Blob& b : r->error.regions.blobs) {
            if (b.frame == t) {
                expected << QRect(QPoint(int(b.x0), int(b.y0)), QPoint(int(b.x1), int(b.y1)));
            }
        }
        QCOMPARE(m_panel->errorView()->outlines(), expected);
        QCOMPARE(m_panel->reconstructionView()->outlines(), expected);
        outlined += static_cast<int>(expected.size());
    }
    QCOMPARE(outlined, static_cast<int>(r->error.regions.blobs.size()));

    // An outline is drawn around the region, outside its pixels.
    FrameView view;
    QImage grey(8, 8, QImage::Format_RGB32);
    grey.fill(QColor(128, 128, 128));
    view.setImage(grey);
    view.setZoom(8);
    view.resize(100, 100);
    view.setOutlines({QRect(2, 2, 3, 3)});
    const QImage shot = view.grab().toImage();
    const QRect target = view.imageRect();
    const QPoint edge(target.left() + 2 * 8 - 1, target.top() + 3 * 8);
    QCOMPARE(shot.pixelColor(edge), QColor(0, 230, 255));
    QCOMPARE(shot.pixelColor(target.left() + 3 * 8, target.top() + 3 * 8), QColor(128, 128, 128));
}

void tst_InspectorPanel::normalizationChangesHeatmaps()
{
    m_panel->setFrame(0);
    m_panel->setSharedScale(false);
    const std::vector<float> raw = m_panel->channelGrid()->view(0)->values();
    QSignalSpy finished(m_panel.get(), &InspectorPanel::inspectionFinished);
    m_panel->setLatentNormalization(true);
    QVERIFY(waitForInspection(finished));
    const vd::ClipInspection* r = m_panel->result();
    QVERIFY(r->normalized);
    // The finished VAE run calibrated its normalization, so the values change.
    QVERIFY(r->normCalibrated());
    const std::vector<float> normalized = m_panel->channelGrid()->view(0)->values();
    QCOMPARE(normalized.size(), raw.size());
    QVERIFY(normalized != raw);
    const double mean = r->normMean[0];
    const double std = r->normStd[0];
    QVERIFY(std::abs((raw[0] - mean) / std - normalized[0]) < 1e-3);

    finished.clear();
    m_panel->setLatentNormalization(false);
    QVERIFY(waitForInspection(finished));
    QVERIFY(!m_panel->result()->normalized);
    QCOMPARE(m_panel->channelGrid()->view(0)->values(), raw);
}

void tst_InspectorPanel::blobScorePlotFromMetrics()
{
    // metrics.jsonl has blob_score_max (and per channel) at each VAE preview.
    QFile metrics(QFileInfo(m_project).absolutePath() + "/runs/vae/metrics.jsonl");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    int previews = 0;
    for (const QByteArray& line : metrics.readAll().split('\n')) {
        previews += line.contains("\"blob_score_max\"") ? 1 : 0;
    }
    QVERIFY(previews > 0);
    QCustomPlot* plot = m_panel->blobScorePlot();
    QTRY_VERIFY(plot->graphCount() > 0);
    // One graph per channel plus the maximum, each with one point per preview.
    QCOMPARE(plot->graphCount(), m_channels + 1);
    for (int g = 0; g < plot->graphCount(); ++g) {
        QCOMPARE(plot->graph(g)->dataCount(), previews);
    }
}

void tst_InspectorPanel::comparesTwoCheckpoints()
{
    QSignalSpy finished(m_panel.get(), &InspectorPanel::inspectionFinished);
    m_panel->setCompareCheckpoint(1); // step-15
    QVERIFY(waitForInspection(finished));
    QVERIFY(m_panel->comparedResult() != nullptr);
    QCOMPARE(m_panel->result()->step, int64_t(30));
    QCOMPARE(m_panel->comparedResult()->step, int64_t(15));

    const double meanA = m_panel->statsTable()->item(0, 1)->data(Qt::UserRole).toDouble();
    m_panel->setShowCompared(true);
    QCOMPARE(m_panel->shownResult()->step, int64_t(15));
    QCOMPARE(m_panel->channelGrid()->count(), m_channels);
    const double meanB = m_panel->statsTable()->item(0, 1)->data(Qt::UserRole).toDouble();
    QCOMPARE(meanB, m_panel->comparedResult()->channelStats[0].mean);
    QVERIFY(meanA != meanB); // different weights, different latents
    QVERIFY(m_panel->verdictText().contains("15"));

    // Normalized latents: both checkpoints are inspected again, the compared one stays shown.
    finished.clear();
    m_panel->setLatentNormalization(true);
    QVERIFY(waitForInspection(finished));
    QVERIFY(m_panel->result()->normalized);
    QVERIFY(m_panel->comparedResult() != nullptr);
    QVERIFY(m_panel->comparedResult()->normalized);
    QCOMPARE(m_panel->shownResult()->step, int64_t(15));
    finished.clear();
    m_panel->setLatentNormalization(false);
    QVERIFY(waitForInspection(finished));

    m_panel->setShowCompared(false);
    QCOMPARE(m_panel->shownResult()->step, int64_t(30));
    finished.clear();
    m_panel->setCompareCheckpoint(-1);
    QVERIFY(waitForInspection(finished));
    QVERIFY(m_panel->comparedResult() == nullptr);
}

void tst_InspectorPanel::newestRequestWins()
{
    const QStringList clips = m_panel->clipPaths();
    QVERIFY(clips.size() >= 3);
    QSignalSpy finished(m_panel.get(), &InspectorPanel::inspectionFinished);
    m_panel->inspectClip(clips[1]);
    m_panel->inspectClip(clips[2]);
    QVERIFY(waitForInspection(finished));
    QCOMPARE(m_panel->currentClip(), clips[2]);
    QCOMPARE(QString::fromStdString(m_panel->result()->videoPath), clips[2]);
}

void tst_InspectorPanel::badVideoShowsError()
{
    const QString bad = m_dir->filePath("notes.mp4");
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video\n");
    }
    QSignalSpy finished(m_panel.get(), &InspectorPanel::inspectionFinished);
    m_panel->inspectClip(bad);
    QVERIFY(!waitForInspection(finished));
    QVERIFY2(finished.last().at(1).toString().contains("notes.mp4"),
             qPrintable(finished.last().at(1).toString()));
    QVERIFY2(m_panel->statusText().contains("notes.mp4"), qPrintable(m_panel->statusText()));
    QVERIFY(m_panel->result() == nullptr);
    QCOMPARE(m_panel->channelGrid()->count(), 0);
    QCOMPARE(m_panel->statsTable()->rowCount(), 0);

    // The panel carries on with a good clip.
    finished.clear();
    m_panel->inspectClip(m_panel->clipPaths().first());
    QVERIFY(waitForInspection(finished));
    QCOMPARE(m_panel->channelGrid()->count(), m_channels);
}

QTEST_MAIN(tst_InspectorPanel)
#include "tst_InspectorPanel.moc"

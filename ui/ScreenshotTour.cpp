// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "ProjectSession.h"
#include "Theme.h"
#include "controllers/SampleWorker.h"
#include "dialogs/ExportDialog.h"
#include "models/ClipTableModel.h"
#include "models/SweepTableModel.h"
#include "panels/DatasetPanel.h"
#include "panels/ExperimentsPanel.h"
#include "panels/InspectorPanel.h"
#include "panels/PreviewPanel.h"
#include "panels/TrainingPanel.h"
#include "util/ThumbnailCache.h"
#include "widgets/ClipGridPlayer.h"
#include "widgets/MetricsPlot.h"
#include "widgets/ModelInputStrip.h"
#include "widgets/SweepPreviewGrid.h"
#include "widgets/VideoFilePlayer.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <functional>

namespace vd::ui {
namespace {

/// Runs the event loop until `done()` or `timeoutMs`; returns done().
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

/// Paints `view` once, so that it asks for the thumbnails of the cells on screen, and waits
/// until the cache has made them.
void waitForThumbnails(QAbstractItemView* view, ThumbnailCache* cache)
{
    view->viewport()->grab();
    waitFor([cache] { return cache->pendingCount() == 0; }, 60000);
}

/// The first skipped file of the dataset panel's list, or "" when every file is a clip.
QString firstSkippedFile(const DatasetPanel* dataset)
{
    const ClipTableModel* model = dataset->clipModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ClipTableModel::SkippedRole).toBool()) {
            return index.data(ClipTableModel::PathRole).toString();
        }
    }
    return {};
}

} // namespace

int takeScreenshots(MainWindow& window, const QString& dir, const QStringList& themes,
                    const QList<QSize>& sizes, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return -1;
    };
    if (!window.session()->hasProject()) {
        return fail(QStringLiteral("no project is open"));
    }
    if (!QDir().mkpath(dir)) {
        return fail(QStringLiteral("cannot create %1").arg(dir));
    }
    auto log = vd::log::get("ui");
    window.show();

    // Dataset: scanned, first clip selected (it plays; the model-input strip fills).
    window.showPanel(MainWindow::Panel::Dataset);
    DatasetPanel* dataset = window.datasetPanel();
    waitFor([dataset] { return !dataset->isScanning(); }, 60000);
    InspectorPanel* inspector = window.inspectorPanel();
    window.showPanel(MainWindow::Panel::Inspector);
    waitFor([inspector] { return !inspector->clipPaths().isEmpty(); }, 60000);
    const QStringList clips = inspector->clipPaths();
    if (clips.isEmpty()) {
        return fail(QStringLiteral("the project's dataset has no clips"));
    }
    dataset->selectFile(clips.front());

    // Inspector: the newest VAE checkpoint on a clip.
    inspector->inspectClip(clips.front());
    if (!waitFor([&] { return !inspector->isBusy() && inspector->result() != nullptr; },
                 120000)) {
        log->warn("screenshots: the inspector has no result: {}",
                  inspector->statusText().toStdString());
    }
    inspector->setFrame(2);

    // Preview: samples from the denoiser when there is one, else the dataset clip.
    window.showPanel(MainWindow::Panel::Preview);
    PreviewPanel* preview = window.previewPanel();
    waitFor([preview] { return !preview->modelInfo().denoiserCheckpoint.isEmpty(); }, 60000);
    if (!preview->modelInfo().denoiserCheckpoint.isEmpty()) {
        preview->sampleNow();
        waitFor([preview] { return preview->isSampling(); }, 5000);
        waitFor([preview] { return !preview->isSampling(); }, 300000);
        // The sample judge's figures for these clips (trained first if the project has none).
        preview->judgeClips();
        waitFor([preview] { return !preview->isJudging(); }, 600000);
    } else {
        preview->openClip(clips.front());
    }
    // Experiments: the project's first sweep, its variants' previews side by side.
    window.showPanel(MainWindow::Panel::Experiments);
    ExperimentsPanel* experiments = window.experimentsPanel();
    experiments->refresh();
    QListWidget* sweeps = experiments->sweepList();
    if (sweeps->count() > 0) {
        sweeps->setCurrentRow(0);
        waitFor([experiments] { return experiments->tableModel()->rowCount() > 0; }, 60000);
        waitFor([experiments] { return !experiments->isLoading(); }, 60000);
        experiments->tabs()->setCurrentWidget(experiments->previewGrid());
    }

    // What loads in the background: the dataset's thumbnails, the selected clip and its model
    // input, the training run's curves and saved previews.
    window.showPanel(MainWindow::Panel::Dataset);
    waitForThumbnails(dataset->tableView(), dataset->thumbnailCache());
    waitFor(
        [dataset] {
            return !dataset->player()->frames().isEmpty() &&
                   !dataset->modelInputStrip()->frames().isEmpty();
        },
        60000);
    TrainingPanel* training = window.trainingPanel();
    waitFor(
        [training] {
            return training->metricsPlot()->lastStep() > 0 && training->previewCount() > 0;
        },
        60000);

    const QList<std::pair<MainWindow::Panel, QString>> panels{
        {MainWindow::Panel::Dataset, QStringLiteral("dataset")},
        {MainWindow::Panel::Training, QStringLiteral("training")},
        {MainWindow::Panel::Inspector, QStringLiteral("inspector")},
        {MainWindow::Panel::Preview, QStringLiteral("preview")},
        {MainWindow::Panel::Experiments, QStringLiteral("experiments")}};
    int written = 0;
    for (int ti = 0; ti < themes.size(); ++ti) {
        applyTheme(themes[ti]);
        for (int si = 0; si < sizes.size(); ++si) {
            window.resize(sizes[si]);
            for (const auto& [panel, name] : panels) {
                window.showPanel(panel);
                settle(700);
                const QImage shot = window.grab().toImage();
                const QString file = QStringLiteral("%1/%2-%3-%4x%5.png")
                                         .arg(dir, name, themes[ti])
                                         .arg(sizes[si].width())
                                         .arg(sizes[si].height());
                if (!shot.save(file)) {
                    return fail(QStringLiteral("cannot write %1").arg(file));
                }
                ++written;
                if (ti == 0 && si == 0 && shot.save(QStringLiteral("%1/%2.png").arg(dir, name))) {
                    ++written;
                }
            }
        }
    }

    // Single views, in the first theme and size: the dataset as a grid and with a skipped file
    // selected, the inspector comparing two checkpoints on normalized latents, a zoomed-in
    // frame of the samples as differences, the export dialog.
    applyTheme(themes.front());
    window.resize(sizes.front());
    auto save = [&](QWidget& widget, const QString& name) {
        const QString file = QStringLiteral("%1/%2.png").arg(dir, name);
        if (!widget.grab().save(file)) {
            return false;
        }
        ++written;
        return true;
    };
    auto saveWindow = [&](MainWindow::Panel panel, const QString& name) {
        window.showPanel(panel);
        settle(700);
        return save(window, name);
    };

    window.showPanel(MainWindow::Panel::Dataset);
    dataset->setViewMode(DatasetPanel::ViewMode::Grid);
    waitForThumbnails(dataset->gridView(), dataset->thumbnailCache());
    if (!saveWindow(MainWindow::Panel::Dataset, QStringLiteral("dataset-grid"))) {
        return fail(QStringLiteral("cannot write %1/dataset-grid.png").arg(dir));
    }
    dataset->setViewMode(DatasetPanel::ViewMode::Table);
    const QString skipped = firstSkippedFile(dataset);
    if (skipped.isEmpty()) {
        log->info("screenshots: the dataset has no skipped file; no dataset-skipped.png");
    } else if (!dataset->selectFile(skipped) ||
               !saveWindow(MainWindow::Panel::Dataset, QStringLiteral("dataset-skipped"))) {
        return fail(QStringLiteral("cannot show %1 in dataset-skipped.png").arg(skipped));
    }

    if (inspector->checkpointPaths().size() < 2) {
        log->info("screenshots: one VAE checkpoint; no inspector-compare-normalized.png");
    } else {
        inspector->setCompareCheckpoint(1); // the newest against the one before
        inspector->setLatentNormalization(true);
        if (!waitFor(
                [inspector] {
                    const vd::ClipInspection* a = inspector->result();
                    const vd::ClipInspection* b = inspector->comparedResult();
                    return !inspector->isBusy() && a != nullptr && b != nullptr && a->normalized &&
                           b->normalized;
                },
                120000)) {
            log->warn("screenshots: no normalized comparison: {}",
                      inspector->statusText().toStdString());
        }
        inspector->setShowCompared(true);
        inspector->setSharedScale(true);
        if (!saveWindow(MainWindow::Panel::Inspector,
                        QStringLiteral("inspector-compare-normalized"))) {
            return fail(
                QStringLiteral("cannot write %1/inspector-compare-normalized.png").arg(dir));
        }
    }

    ClipGridPlayer* player = preview->player();
    if (player->clipCount() > 0) {
        player->pause();
        player->seek(std::min(2, player->frameCount() - 1));
        player->setZoom(4);
        player->setDifferenceView(true);
        if (!saveWindow(MainWindow::Panel::Preview, QStringLiteral("preview-zoom-difference"))) {
            return fail(QStringLiteral("cannot write %1/preview-zoom-difference.png").arg(dir));
        }
        preview->exportClips();
        auto* exportDialog = preview->findChild<ExportDialog*>(); // opened before it returns
        if (exportDialog == nullptr || !save(*exportDialog, QStringLiteral("export-dialog"))) {
            return fail(QStringLiteral("cannot write %1/export-dialog.png").arg(dir));
        }
        exportDialog->close();
    }
    return written;
}

} // namespace vd::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "ProjectSession.h"
#include "Theme.h"
#include "controllers/SampleWorker.h"
#include "models/SweepTableModel.h"
#include "panels/DatasetPanel.h"
#include "panels/ExperimentsPanel.h"
#include "panels/InspectorPanel.h"
#include "panels/PreviewPanel.h"
#include "widgets/SweepPreviewGrid.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QListWidget>
#include <QTabWidget>
#include <QThread>

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

    settle(1500); // metrics files and thumbnails load in the background

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
    return written;
}

} // namespace vd::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/ClipInspectionJob.h"
#include "project/ClipInspector.h"
#include "util/LatestOnlyRunner.h"
#include "widgets/BlobScorePlot.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

class QCustomPlot;
class QFileSystemWatcher;
class QLabel;
class QTableWidget;
class QTimer;

namespace vd::ui {

class ChannelGrid;
class ChannelHistogram;
class ChannelStatsTable;
struct DatasetClipList;
class FrameView;
class InspectionVerdictView;
class InspectorControlBar;
class LatentChannelsView;
class ProjectSession;
class ReconstructionViews;

/// The latent Inspector: shows what the VAE makes of one clip. Pick a checkpoint of the VAE run
/// (newest first), a clip (the dataset's, or any file) and a frame; see input, reconstruction
/// and per-pixel error side by side, every latent channel as a heatmap (diverging colours, a
/// shared or per-channel scale, blob boxes), the per-channel statistics with flagged channels
/// highlighted and the blob verdict and reason, a histogram of the selected channel, and the
/// blob score over training from the run's metrics.jsonl. "Latent normalization" shows the
/// latents as the diffusion model sees them. A second checkpoint can be inspected on the same
/// clip and shown instead of the first (A/B toggle), with both verdicts side by side.
///
/// The controls, the verdict lines and each view are widgets of their own (InspectorControlBar,
/// InspectionVerdictView, ReconstructionViews, LatentChannelsView, ChannelStatsTable,
/// ChannelHistogram, BlobScorePlot); the panel wires them to its jobs.
///
/// Threads: UI thread only. Inspecting (decode, encode, decode, statistics) runs on a
/// LatestOnlyRunner as a ClipInspectionJob, one job in flight, the newest request winning;
/// the loaded VAEs are kept between requests, and a request for the same clip (normalization
/// toggled) does not run the model again. Changing the frame only redraws from the last
/// result. Scanning the dataset and reading metrics.jsonl also run off the UI thread, each on
/// its own runner.
class InspectorPanel final : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~InspectorPanel() override;

    /// Inspects the video file `videoPath` (selecting it in the clip list, or adding it there)
    /// with the chosen checkpoint(s). Errors are shown in the panel.
    void inspectClip(const QString& videoPath);

    /// Checkpoint folders of the VAE run, newest first (as in the combo).
    QStringList checkpointPaths() const;
    /// Selects checkpoint `index` of checkpointPaths() (inspects again when a clip is set).
    void setCheckpoint(int index);
    /// Inspects checkpoint `index` too and allows showing it (-1: no comparison).
    void setCompareCheckpoint(int index);
    /// Shows the comparison checkpoint's result instead of the first one.
    void setShowCompared(bool compared);
    /// Clip files in the clip list (absolute paths), dataset clips first.
    QStringList clipPaths() const;
    QString currentClip() const;

    /// The result shown (first or compared checkpoint); null before any.
    const vd::ClipInspection* shownResult() const;
    /// The first and the comparison checkpoint's results; null when there is none.
    const vd::ClipInspection* result() const;
    const vd::ClipInspection* comparedResult() const;
    bool isBusy() const;

    int frame() const;
    /// Shows frame `t` of the inspected clip (no model run).
    void setFrame(int frame);
    bool latentNormalization() const;
    void setLatentNormalization(bool on);
    bool sharedScale() const;
    void setSharedScale(bool shared);
    int selectedChannel() const;
    void selectChannel(int channel);

    /// The message line (errors in red) and the verdict line.
    QString statusText() const;
    QString verdictText() const;

    ChannelGrid* channelGrid() const { return m_grid; }
    FrameView* inputView() const;
    FrameView* reconstructionView() const;
    FrameView* errorView() const;
    QTableWidget* statsTable() const;
    QCustomPlot* histogramPlot() const;
    QCustomPlot* blobScorePlot() const;

public Q_SLOTS:
    /// Reloads the checkpoint list, the clip list and the blob-score curve.
    void refresh();
    /// Inspects the current clip again with the current settings.
    void inspectCurrent();
    /// Asks for a video file and inspects it.
    void chooseClipFile();

Q_SIGNALS:
    /// An inspection ended: ok false with the error message (naming the file), else the
    /// verdict line.
    void inspectionFinished(bool ok, const QString& message);
    /// The checkpoint list was (re)read.
    void checkpointsListed(int count);
    /// The dataset's clips were listed.
    void clipsListed(int count);
    /// The blob-score curve was (re)read from metrics.jsonl (points over all series).
    void blobScoresLoaded(int points);
    /// A line for the status bar.
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void onProjectChanged();
    void onSettingsChanged();
    void reloadCheckpoints();
    void reloadClips();
    void reloadBlobCurves();
    void watchRun();
    void requestInspection();
    void onJobFinished(ClipInspectionJob::Result r);
    void onClipsListed(const DatasetClipList& list);
    void onBlobCurvesRead(const BlobScorePlot::Curves& curves);
    void showResult();
    void showFrame();
    void fillTable();
    void showHistogram();
    /// The shown result's training step; none before any.
    std::optional<int64_t> shownStep() const;
    void markCheckpointOnCurve();
    void updateVerdict();
    void setStatus(const QString& text, bool error = false);
    void clearResults();
    QString device() const;

    ProjectSession* m_session = nullptr;
    /// Passed from job to job; a fresh one when the project or its settings change.
    std::shared_ptr<ClipInspectionJob::Cache> m_inspectors;
    std::optional<vd::ClipInspection> m_resultA;
    std::optional<vd::ClipInspection> m_resultB;
    bool m_showB = false;
    bool m_autoInspect = true; ///< inspect the first clip once the list and a checkpoint exist

    LatestOnlyRunner m_inspection;
    LatestOnlyRunner m_curveReader;
    LatestOnlyRunner m_clipLister;
    QFileSystemWatcher* m_fsWatcher = nullptr;
    QTimer* m_refreshTimer = nullptr;

    InspectorControlBar* m_controls = nullptr;
    InspectionVerdictView* m_verdict = nullptr;
    QLabel* m_statusLabel = nullptr;
    ReconstructionViews* m_clipViews = nullptr;
    LatentChannelsView* m_channels = nullptr;
    ChannelGrid* m_grid = nullptr; ///< m_channels' grid
    ChannelStatsTable* m_table = nullptr;
    ChannelHistogram* m_histogram = nullptr;
    BlobScorePlot* m_blobPlot = nullptr;
    QString m_statusText;
};

} // namespace vd::ui

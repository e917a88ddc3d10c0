// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/SampleWorker.h"
#include "inspect/TemporalStats.h"
#include "judge/JudgeReport.h"
#include "util/LatestOnlyRunner.h"

#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;

namespace vd::ui {

class ClipGridPlayer;
class FlickerPlot;
class ProjectSession;
class SampleSettingsForm;

/// The Preview panel: plays generated, dataset or exported clips frame by frame (a grid of
/// clips in sync), shows the per-frame flicker plot (core TemporalStats) with a marker at the
/// current frame, samples new clips from the project's trained models ("Sample now": sampler,
/// steps, guidance, label, seed, count, with progress and Cancel) and exports clips
/// (ExportDialog).
///
/// Threads: UI thread only. Sampling runs on the panel's own worker thread (SampleWorker, which
/// keeps the models loaded); decoding an opened clip and computing flicker statistics run on a
/// LatestOnlyRunner each, one job in flight, the newest request winning.
class PreviewPanel final : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~PreviewPanel() override;

    /// Decodes a video file (a dataset clip, an exported clip, a PNG sequence folder) off the
    /// UI thread and shows it. Long or large files are cut to kMaxOpenFrames frames and scaled
    /// to at most kMaxOpenSide pixels on the long side. Errors are shown in the panel.
    void openClip(const QString& videoPath);
    /// Shows clips (frames each) in the grid; their flicker statistics are computed off the UI
    /// thread.
    void showClips(const QVector<QVector<QImage>>& clips, const QStringList& captions);

    static constexpr int kMaxOpenFrames = 600;
    static constexpr int kMaxOpenSide = 640;

    /// The sampling controls' values; setting them fills the controls.
    SampleSettings sampleSettings() const;
    void setSampleSettings(const SampleSettings& settings);
    bool isSampling() const { return m_sampling; }
    /// The models "Sample now" uses, once loaded (labels empty before).
    const SampleModelInfo& modelInfo() const { return m_modelInfo; }

    ClipGridPlayer* player() const { return m_player; }
    FlickerPlot* flickerPlot() const { return m_plot; }
    /// Flicker statistics of the shown clips (empty while they are being computed).
    const QVector<vd::TemporalStats>& temporalStats() const { return m_stats; }
    /// The message line under the controls (errors and results).
    QString statusText() const;
    /// The sample judge's figures for the sampled clips on screen (empty before a judgement).
    QString judgeText() const;
    /// The last judgement's report (samples 0 before one).
    const vd::JudgeReport& judgeReport() const { return m_judgeReport; }
    bool isJudging() const { return m_judging; }

public Q_SLOTS:
    /// Samples with the current settings on the worker thread; the clips replace the grid.
    void sampleNow();
    void cancelSampling();
    /// Asks for a video file and opens it.
    void chooseClip();
    /// Opens the export dialog for the current clip or the whole grid.
    void exportClips();
    /// (Re)loads the models in the background, to fill the label and sampler lists.
    void loadModels();
    /// Judges the sampled clips on screen with the project's sample judge (docs/judge.md) on
    /// the worker thread; the figures appear under the sampling controls.
    void judgeClips();

Q_SIGNALS:
    /// A line for the status bar.
    void statusMessage(const QString& message);
    /// New clips are in the grid (sampled, opened or given).
    void clipsShown(int count);
    /// Flicker statistics of the shown clips are ready.
    void statsReady();
    /// "Sample now" ended: ok false for an error or a cancel (message says which).
    void samplingFinished(bool ok, const QString& message);
    /// Models were loaded (or reloaded after more training).
    void modelsReady();
    /// An opened clip failed to decode (message names the file).
    void openFailed(const QString& message);
    /// "Judge Clips" ended: ok false when the judge failed (judgeText() says why).
    void judgingFinished(bool ok);

private:
    struct DecodedClip {
        QString path;
        QVector<QImage> frames;
        vd::TemporalStats stats;
        QString caption;
        QString error;
    };

    void buildUi();
    void onProjectChanged();
    void applyProjectDefaults();
    void onModelReady(const vd::ui::SampleModelInfo& info);
    void onLoadFailed(const QString& message);
    void onSampleFinished(const vd::ui::SampleBatch& batch);
    void onSampleEnded(bool ok, const QString& message);
    void onDecoded(const DecodedClip& clip);
    void onStatsComputed(const QVector<vd::TemporalStats>& stats);
    void setClips(const QVector<QVector<QImage>>& clips, const QStringList& captions,
                  const QVector<vd::TemporalStats>& stats);
    void updateClipInfo();
    void setStatus(const QString& text, bool error = false);
    void setSamplingUi(bool running);
    void onJudged(const vd::JudgeReport& report);
    void onJudgeFailed(const QString& message);
    void updateJudgeButton();
    QString device() const;
    static DecodedClip decode(const QString& path);

    ProjectSession* m_session = nullptr;
    ClipGridPlayer* m_player = nullptr;
    FlickerPlot* m_plot = nullptr;

    SampleSettingsForm* m_settingsForm = nullptr;
    QPushButton* m_sampleButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_judgeButton = nullptr;
    QLabel* m_judgeLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_modelLabel = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_clipLabel = nullptr;
    QLabel* m_statusLabel = nullptr;

    QThread* m_thread = nullptr;
    SampleWorker* m_worker = nullptr;
    bool m_sampling = false;
    bool m_judging = false;
    bool m_sampledOnScreen = false; ///< the grid shows the worker's last sampled clips
    vd::JudgeReport m_judgeReport;
    SampleModelInfo m_modelInfo;

    QVector<vd::TemporalStats> m_stats;
    LatestOnlyRunner m_decoder;
    LatestOnlyRunner m_statsRunner; ///< for the clips on screen
};

} // namespace vd::ui

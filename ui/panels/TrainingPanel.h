// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/TrainingController.h"
#include "util/LatestOnlyRunner.h"

#include <QString>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace vd::ui {

class ErrorBanner;
class LogFilterModel;
class LogModel;
class LogView;
class MetricsPlot;
class ProjectSession;
class RunCheckpointList;
class TrainingPreviewGrid;
class TrainingStatsForm;

/// The Training panel: pick a stage (VAE, then diffusion), start it fresh or resume it from its
/// newest checkpoint, pause, resume and stop it, and watch it: progress with it/s, ETA, loader
/// wait and device; live curves (MetricsPlot, with the run's earlier metrics.jsonl loaded when
/// a project opens); the latest preview clips, animated; the run's checkpoints; the engine log,
/// filtered by level and text.
/// Errors show in a banner above the controls; the project stays open. The figures, checkpoint
/// list, log, banner, curves and previews are widgets of their own (TrainingStatsForm,
/// RunCheckpointList, LogView, ErrorBanner, MetricsPlot, TrainingPreviewGrid); saved previews
/// are read by SavedPreviews.
///
/// Threads: UI thread only; training runs on the TrainingController's worker thread.
class TrainingPanel final : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(ProjectSession* session, TrainingController* controller,
                  QWidget* parent = nullptr);

    /// Adds `w` (the project settings form) as a "Settings" tab beside the run controls.
    void setSettingsWidget(QWidget* w);

    Stage stage() const;
    void setStage(Stage stage);

    MetricsPlot* metricsPlot() const { return m_plot; }
    /// "Processes on this machine" (AppSettings::localProcesses, saved when it changes).
    QSpinBox* processesBox() const { return m_processes; }
    /// The batch line of the run summary: each process's batch and the processes.
    QString batchText() const;
    /// The checkpoint list (one row per complete checkpoint of the stage's run).
    QTreeWidget* checkpointList() const;
    /// The text of the error banner, empty when hidden.
    QString errorText() const;
    /// The log view's model (LogModel::shared() filtered by the level box and search field).
    LogFilterModel* logFilter() const;
    /// Number of preview clips shown.
    int previewCount() const;
    /// The captions under the preview clips, in grid order.
    QStringList previewCaptions() const;

public Q_SLOTS:
    /// Start: fresh when the stage has no checkpoint, else asks whether to resume or start over.
    void start();
    /// Fresh start without asking (the run folder must have no checkpoint).
    void startFresh();
    /// Un-pauses a paused run, or continues the stage from its newest checkpoint.
    void resume();
    void pause();
    void stop();

private:
    void buildUi();
    void onProjectChanged();
    void onStageChanged();
    void onMetrics(const QVector<StepMetrics>& metrics);
    void onPreview(const TrainingPreview& preview);
    void onFinished(bool completed, qint64 step);
    void onRunningChanged(bool running);
    void updateDevice();
    void updateBatch();
    void showError(const QString& message);
    void hideError();
    void refreshCheckpoints();
    void updateButtons();
    void updateTotals();
    void clearPreviews();
    /// Shows the latest previews the stage's run saved (a run of an earlier session), decoded
    /// off the UI thread; live previews win over them.
    void loadSavedPreviews();
    /// Moves the stage's run folder aside (runs/<stage>-<date>-<time>); false with a message.
    bool moveRunAside(QString* movedTo);
    QString runDir() const;
    qint64 totalSteps() const;
    qint64 newestCheckpointStep() const;

    ProjectSession* m_session;
    TrainingController* m_controller;
    LogModel* m_log;

    QTabWidget* m_sideTabs = nullptr;
    ErrorBanner* m_banner = nullptr;
    QComboBox* m_stage = nullptr;
    QSpinBox* m_processes = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_pauseButton = nullptr;
    QPushButton* m_resumeButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    TrainingStatsForm* m_stats = nullptr;
    RunCheckpointList* m_checkpoints = nullptr;
    MetricsPlot* m_plot = nullptr;
    TrainingPreviewGrid* m_previews = nullptr;
    LogView* m_logBox = nullptr;

    LatestOnlyRunner m_savedPreviewsLoader; ///< the newest load wins; a stale one is dropped
    bool m_stopping = false;
    qint64 m_step = 0;
};

} // namespace vd::ui

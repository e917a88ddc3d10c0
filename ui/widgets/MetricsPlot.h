// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/TrainerObserver.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;
class QSlider;

namespace vd::ui {

/// Training curves of one run (QCustomPlot). One figure at a time, chosen from a combo: loss
/// and its terms, learning rate, gradient norm, step time and loader wait, probe PSNR, latent
/// health (blob score, largest |z|, kurtosis) and any other figure the run logs. Each series is
/// drawn raw (light) and smoothed (EMA, strength set by a slider); the y axis can be
/// logarithmic; the mouse wheel zooms and dragging pans (double-click follows the run again);
/// hovering shows the step and the values there. "Overlay earlier run" reads another run's
/// metrics.jsonl and draws its smoothed curves dashed.
///
/// Appending is cheap at a million points: series are append-only sorted containers shared
/// with the graphs (no copies), smoothing and value ranges are updated incrementally, and the
/// plot replots once per batch (queued), with QCustomPlot's adaptive sampling on. The series,
/// their smoothing and ranges are MetricsPlotModel's; this widget lists, draws and explains them.
///
/// Threads: UI thread only. loadRun()/loadOverlay() read the file off the UI thread, each on a
/// LatestOnlyRunner (one load of each kind in flight; a newer request wins).
class MetricsPlot final : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPlot(QWidget* parent = nullptr);
    ~MetricsPlot() override;

    /// Appends live steps (any order across calls; a step at or before the newest one first
    /// drops the points from that step on, as a resumed run rewrites them).
    void appendMetrics(const QVector<StepMetrics>& metrics);
    /// Forgets the run's points (not the overlay).
    void clear();
    /// Replaces the run's points with those of `metricsPath` (metrics.jsonl; a torn last line
    /// or a missing file is fine). Live steps appended while it loads are kept after it.
    void loadRun(const QString& metricsPath);
    /// Draws the run of `metricsPath` dashed under the current one.
    void loadOverlay(const QString& metricsPath);
    void clearOverlay();
    QString overlayPath() const;

    /// Figure names as shown in the combo (translated), in order.
    QStringList figureNames() const;
    int currentFigure() const;
    void setCurrentFigure(int index);
    /// 0 (raw) .. 0.99 (heavy).
    void setSmoothing(double weight);
    double smoothing() const;
    void setLogScale(bool on);
    bool logScale() const;

    /// Number of points of series `name` ("loss", "lr", "grad_norm", "step_ms", "wait_ms",
    /// or a term such as "recon"), 0 when unknown.
    int pointCount(const QString& name) const;
    /// Newest step of the run, 0 when empty.
    qint64 lastStep() const;
    /// The figure's text under the mouse at `step` (what the hover tooltip shows).
    QString describeStep(double step) const;
    QCustomPlot* plot() const { return m_plot; }

Q_SIGNALS:
    /// loadRun() finished: `points` lines were read.
    void runLoaded(int points);
    void overlayLoaded(const QString& path, int points);
    void loadFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct State;
    void rebuildFigureList();
    void rebuildGraphs();
    void updateRanges();
    void onMouseMove(QMouseEvent* event);
    void chooseOverlay();
    void replot();

    std::unique_ptr<State> m_s;
    QComboBox* m_figure;
    QSlider* m_smoothing;
    QLabel* m_smoothingLabel;
    QCheckBox* m_logScale;
    QPushButton* m_overlayButton;
    QPushButton* m_clearOverlayButton;
    QCustomPlot* m_plot;
};

} // namespace vd::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/MetricsPlotModel.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;

namespace vd::ui {

/// The training curves of several runs overlaid (the selected variants of a sweep): one
/// coloured line per run, for one metric chosen from a combo (every metric the runs log,
/// "loss" first), against the step. Lines are smoothed (debiased EMA) unless "Smoothed" is
/// off; the y axis can be logarithmic; the legend names the runs.
///
/// Threads: UI thread only; the caller reads metrics.jsonl off the UI thread
/// (MetricsPlotModel::readRun) and hands the points in.
class SweepCurvesPlot final : public QWidget {
    Q_OBJECT
public:
    /// One run's metrics.
    struct Run {
        QString name;
        MetricsPlotModel::PointsMap series;
    };

    explicit SweepCurvesPlot(QWidget* parent = nullptr);

    /// Replaces the runs drawn (the chosen metric stays when the new runs log it).
    void setRuns(const QVector<Run>& runs);
    void clear() { setRuns({}); }

    /// Metrics offered, in combo order.
    QStringList metrics() const;
    QString currentMetric() const;
    void setCurrentMetric(const QString& name);
    void setSmoothed(bool on);
    void setLogScale(bool on);

    /// Lines drawn now (runs that log the current metric).
    int seriesCount() const;
    /// The legend names of the lines drawn, in order.
    QStringList seriesNames() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void redraw();

    QVector<Run> m_runs;
    QComboBox* m_metric;
    QCheckBox* m_smoothed;
    QCheckBox* m_log;
    QLabel* m_empty;
    QCustomPlot* m_plot;
};

} // namespace vd::ui

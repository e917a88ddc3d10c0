// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/SweepFolder.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace vd::ui {

/// A scaling study's plot (docs/experiments.md, "The fit and the plot"): each variant's loss
/// as a dot against parameters or training clips on log-log axes, and the fitted power law
/// loss = a x^(-b) as a line over the points' range, with the fit (b, its standard error, R²)
/// in the legend and below the plot. The figures are core's (results.json's "scaling").
///
/// Threads: UI thread only.
class ScalingPlot final : public QWidget {
    Q_OBJECT
public:
    explicit ScalingPlot(QWidget* parent = nullptr);

    void setScaling(const SweepScaling& scaling);
    void clear() { setScaling({}); }

    /// Points drawn.
    int pointCount() const;
    /// Whether the fitted line is drawn.
    bool hasFitLine() const;
    /// The text under the plot (the fit, or why there is none).
    QString summaryText() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    QLabel* m_summary;
    int m_points = 0;
    bool m_fitLine = false;
};

} // namespace vd::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <optional>

class QCustomPlot;

namespace vd::ui {

/// The Inspector's blob score over training, from the VAE run's metrics.jsonl: one curve per
/// latent channel (blob_score_c<N>), the maximum (blob_score_max) drawn bold with points, the
/// detector's flag score as a dashed line and a dotted mark at the inspected checkpoint's step.
///
/// Threads: UI thread only, except readCurves, which any thread may call.
class BlobScorePlot final : public QWidget {
    Q_OBJECT
public:
    /// One series of blob scores by training step.
    struct Series {
        QVector<double> steps;
        QVector<double> scores;
    };
    struct Curves {
        Series max;
        QVector<Series> channels; ///< by channel
        QString error;            ///< why metrics.jsonl could not be read; empty when it was
    };

    explicit BlobScorePlot(QWidget* parent = nullptr);

    /// Reads the curves from `metricsPath` (errors land in Curves::error).
    static Curves readCurves(const QString& metricsPath);

    /// Draws `curves` with the flag score `threshold` and marks `markedStep` (none: no mark).
    /// Returns the number of points drawn, over all series.
    int setCurves(const Curves& curves, double threshold, std::optional<int64_t> markedStep);
    /// Moves the checkpoint mark to `step` (none: removes it).
    void markStep(std::optional<int64_t> step);
    /// Removes every curve, line and mark.
    void clear();

    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot = nullptr;
};

} // namespace vd::ui

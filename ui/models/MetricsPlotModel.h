// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/DebiasedEMA.h"
#include "train/TrainerObserver.h"

#include <QSharedPointer>
#include <QString>
#include <QStringList>
#include <QVector>

#include "util/QCustomPlotInclude.h"

#include <limits>
#include <map>
#include <utility>

namespace vd::ui {

/// The data behind MetricsPlot: the run's and the overlay's metric series, which figure each
/// metric belongs to, their smoothing (debiased EMA) and value ranges, and the axis ranges that
/// show a figure whole. No widget: the series are QCustomPlot data containers that the plot's
/// graphs share (no copies), so appending a batch costs only the new points.
///
/// Threads: UI thread only, except readRun, which any thread may call.
class MetricsPlotModel {
public:
    /// The figures, in the order the plot offers them.
    enum class Figure {
        Loss,
        LearningRate,
        GradNorm,
        Timing,
        ProbePSNR,
        LatentHealth,
        BlobChannels,
        SampleAccuracy,
        SampleFrechet,
        SampleRatios,
        Other
    };
    static constexpr int kFigureCount = 11;

    enum class Source { Run, Overlay };

    /// One metric of a run: raw points and their EMA, shared with the graphs that draw them.
    struct Series {
        QSharedPointer<QCPGraphDataContainer> raw = QSharedPointer<QCPGraphDataContainer>::create();
        QSharedPointer<QCPGraphDataContainer> smooth =
            QSharedPointer<QCPGraphDataContainer>::create();
        double smoothWeight = -1.0; ///< weight `smooth` was computed with
        vd::DebiasedEMA ema;
        double minValue = std::numeric_limits<double>::infinity();
        double maxValue = -std::numeric_limits<double>::infinity();
        double minPositive = std::numeric_limits<double>::infinity();

        double lastKey() const { return raw->isEmpty() ? -1.0 : (raw->constEnd() - 1)->key; }
        /// Points at or after `key` go (a resumed run rewrites them).
        void cutFrom(double key);
        /// Appends points with increasing keys, all greater than lastKey().
        void append(const QVector<double>& keys, const QVector<double>& values);
        /// Recomputes the EMA and the value range with `weight`.
        void recompute(double weight);

    private:
        /// Feeds one value to the EMA and the range; returns the smoothed value.
        double feed(double v);
    };

    using SeriesMap = std::map<QString, Series>;
    /// Keys and values of one metric, keys increasing.
    using Points = std::pair<QVector<double>, QVector<double>>;
    using PointsMap = std::map<QString, Points>;

    /// What a metrics.jsonl holds, per metric, with keys increasing (a restart inside the file
    /// replaces the points it rewrote).
    struct LoadedRun {
        QString path;
        PointsMap series;
        int lines = 0;
        QString error;
    };

    /// The axis ranges that show a figure whole.
    struct Ranges {
        double xLow = 0.0;
        double xHigh = 0.0;
        double yLow = 0.0;
        double yHigh = 0.0;
    };

    /// Which figure a metric belongs to; false for bookkeeping keys that are not drawn.
    static bool figureOf(const QString& key, Figure* figure);
    /// Adds a point to `map`, first dropping those at or after its step (a restarted run).
    /// Non-finite values are left out.
    static void addPoint(PointsMap& map, const QString& key, double step, double value);
    /// The points of live steps: loss, lr, grad_norm, step_ms, wait_ms and every drawn term.
    static PointsMap pointsOf(const QVector<StepMetrics>& metrics);
    /// Reads `path` (metrics.jsonl; a torn last line or a missing file is fine). Errors land in
    /// LoadedRun::error.
    static LoadedRun readRun(const QString& path);

    /// Appends each metric's points to the run; a metric whose first point is at or before its
    /// newest loses its points from there on first. Returns whether a new metric appeared.
    bool appendRun(const PointsMap& batch);
    /// Replaces the run's points.
    void setRun(const PointsMap& series);
    void clearRun();
    void setOverlay(const QString& path, const PointsMap& series);
    void clearOverlay();
    QString overlayPath() const { return m_overlayPath; }

    /// The EMA weight of new and redrawn series.
    double smoothing() const { return m_weight; }
    /// Sets the EMA weight and recomputes the series of figure `shown` now; the others are
    /// recomputed when drawn (series()).
    void setSmoothing(double weight, Figure shown);

    /// Figure::Loss, then each figure that has points in the run or the overlay, in order.
    QVector<Figure> figures() const;
    /// Names of the series of `source` in figure `f` that have points, "loss" first.
    QStringList names(Source source, Figure f) const;
    /// Series `name` of `source`, its EMA brought to the current weight (added when unknown).
    Series& series(Source source, const QString& name);
    /// The run's series `name`; null when unknown.
    const Series* runSeries(const QString& name) const;
    /// A stable colour ordinal per series name (in the order names are first asked for).
    int ordinalOf(const QString& name);

    /// The logged step nearest to `step` in the run's first series of figure `f`; false if none.
    bool nearestStep(Figure f, double step, double* nearest) const;
    /// Axis ranges showing every series of figure `f` (run and overlay), padded; `log` for a
    /// logarithmic y axis (positive values only).
    Ranges ranges(Figure f, bool log) const;

    /// Number of points of the run's series `name`, 0 when unknown.
    int pointCount(const QString& name) const;
    /// Newest step of the run, 0 when empty.
    qint64 lastStep() const;

private:
    static QStringList namesIn(const SeriesMap& map, Figure f);
    void append(SeriesMap& map, const PointsMap& batch);
    SeriesMap& map(Source source) { return source == Source::Run ? m_run : m_overlay; }

    SeriesMap m_run;
    SeriesMap m_overlay;
    QString m_overlayPath;
    double m_weight = 0.6;
    std::map<QString, int> m_ordinals;
};

} // namespace vd::ui

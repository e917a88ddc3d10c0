// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MetricsPlotModel.h"

#include "train/MetricNames.h"
#include "train/MetricsLog.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace vd::ui {

// ---- Series ------------------------------------------------------------------------------

void MetricsPlotModel::Series::cutFrom(double key)
{
    raw->removeAfter(key - 0.5);
    recompute(smoothWeight);
}

void MetricsPlotModel::Series::append(const QVector<double>& keys, const QVector<double>& values)
{
    QVector<QCPGraphData> rawPoints, smoothPoints;
    rawPoints.reserve(keys.size());
    smoothPoints.reserve(keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        rawPoints.push_back(QCPGraphData(keys[i], values[i]));
        smoothPoints.push_back(QCPGraphData(keys[i], feed(values[i])));
    }
    raw->add(rawPoints, /*alreadySorted=*/true);
    smooth->add(smoothPoints, /*alreadySorted=*/true);
}

void MetricsPlotModel::Series::recompute(double weight)
{
    smoothWeight = weight;
    ema = vd::DebiasedEMA(weight);
    minValue = minPositive = std::numeric_limits<double>::infinity();
    maxValue = -std::numeric_limits<double>::infinity();
    QVector<QCPGraphData> points;
    points.reserve(raw->size());
    for (auto it = raw->constBegin(); it != raw->constEnd(); ++it) {
        points.push_back(QCPGraphData(it->key, feed(it->value)));
    }
    smooth->set(points, /*alreadySorted=*/true);
}

double MetricsPlotModel::Series::feed(double v)
{
    minValue = std::min(minValue, v);
    maxValue = std::max(maxValue, v);
    if (v > 0.0) {
        minPositive = std::min(minPositive, v);
    }
    return ema.feed(v);
}

// ---- reading -----------------------------------------------------------------------------

bool MetricsPlotModel::figureOf(const QString& key, Figure* figure)
{
    if (key == QLatin1String(metric::kSkipped) || key == QLatin1String(metric::kTimeS) ||
        key == QLatin1String("total")) {
        return false;
    }
    if (key == QLatin1String(metric::kLearningRate)) {
        *figure = Figure::LearningRate;
    } else if (key == QLatin1String(metric::kGradNorm)) {
        *figure = Figure::GradNorm;
    } else if (key == QLatin1String(metric::kStepMs) || key == QLatin1String(metric::kWaitMs)) {
        *figure = Figure::Timing;
    } else if (key == QLatin1String(metric::kProbePsnr)) {
        *figure = Figure::ProbePSNR;
    } else if (key == QLatin1String(metric::kBlobScoreMax) ||
               key.startsWith(QLatin1String(metric::kLatentPrefix))) {
        *figure = Figure::LatentHealth;
    } else if (key.startsWith(QLatin1String(metric::kBlobScoreChannelPrefix))) {
        *figure = Figure::BlobChannels;
    } else if (key.startsWith(QLatin1String(metric::kJudgeAcc)) ||
               key == QLatin1String(metric::kJudgeRecognisableAcc) ||
               key.startsWith(QLatin1String(metric::kJudgeHeldAcc))) {
        *figure = Figure::SampleAccuracy;
    } else if (key.startsWith(QLatin1String(metric::kJudgeFd))) {
        *figure = Figure::SampleFrechet;
    } else if (key.startsWith(QLatin1String(metric::kJudgePrefix))) {
        *figure = Figure::SampleRatios;
    } else if (key == QLatin1String("beta")) {
        *figure = Figure::Other;
    } else {
        *figure = Figure::Loss; // "loss" and the loss terms (recon, kl, mse, ...)
    }
    return true;
}

void MetricsPlotModel::addPoint(PointsMap& map, const QString& key, double step, double value)
{
    if (!std::isfinite(value)) {
        return;
    }
    auto& [keys, values] = map[key];
    while (!keys.isEmpty() && keys.back() >= step) {
        keys.pop_back();
        values.pop_back();
    }
    keys.push_back(step);
    values.push_back(value);
}

MetricsPlotModel::PointsMap MetricsPlotModel::pointsOf(const QVector<StepMetrics>& metrics)
{
    PointsMap batch;
    for (const StepMetrics& m : metrics) {
        const double step = static_cast<double>(m.step);
        addPoint(batch, QLatin1String(metric::kLoss), step, m.loss);
        addPoint(batch, QLatin1String(metric::kLearningRate), step, m.learningRate);
        addPoint(batch, QLatin1String(metric::kGradNorm), step, m.gradNorm);
        addPoint(batch, QLatin1String(metric::kStepMs), step, m.stepTimeMs);
        addPoint(batch, QLatin1String(metric::kWaitMs), step, m.loaderWaitMs);
        for (const auto& [name, value] : m.terms) {
            const QString key = QString::fromStdString(name);
            Figure figure;
            if (figureOf(key, &figure)) {
                addPoint(batch, key, step, value);
            }
        }
    }
    return batch;
}

MetricsPlotModel::LoadedRun MetricsPlotModel::readRun(const QString& path)
{
    LoadedRun out;
    out.path = path;
    try {
        const MetricsContents contents = MetricsLog::readAll(path.toStdString());
        out.lines = static_cast<int>(contents.entries.size());
        for (const MetricsRecord& r : contents.records()) {
            const double key = static_cast<double>(r.step);
            for (const auto& [name, value] : r.numbers) {
                const QString k = QString::fromStdString(name);
                Figure figure;
                if (figureOf(k, &figure)) {
                    addPoint(out.series, k, key, value);
                }
            }
        }
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

// ---- run and overlay ---------------------------------------------------------------------

void MetricsPlotModel::append(SeriesMap& map, const PointsMap& batch)
{
    for (const auto& [key, points] : batch) {
        if (points.first.isEmpty()) {
            continue;
        }
        Series& s = map[key];
        if (s.smoothWeight < 0.0) {
            s.recompute(m_weight); // a new series: its EMA starts with the current weight
        }
        if (!s.raw->isEmpty() && points.first.front() <= s.lastKey()) {
            s.cutFrom(points.first.front());
        }
        s.append(points.first, points.second);
    }
}

bool MetricsPlotModel::appendRun(const PointsMap& batch)
{
    const size_t seriesBefore = m_run.size();
    append(m_run, batch);
    return m_run.size() != seriesBefore;
}

void MetricsPlotModel::setRun(const PointsMap& series)
{
    m_run.clear();
    append(m_run, series);
}

void MetricsPlotModel::clearRun()
{
    m_run.clear();
}

void MetricsPlotModel::setOverlay(const QString& path, const PointsMap& series)
{
    m_overlay.clear();
    m_overlayPath = path;
    append(m_overlay, series);
}

void MetricsPlotModel::clearOverlay()
{
    m_overlay.clear();
    m_overlayPath.clear();
}

void MetricsPlotModel::setSmoothing(double weight, Figure shown)
{
    m_weight = weight;
    for (SeriesMap* series : {&m_run, &m_overlay}) {
        for (const QString& name : namesIn(*series, shown)) {
            (*series)[name].recompute(weight);
        }
    }
}

// ---- queries -----------------------------------------------------------------------------

QStringList MetricsPlotModel::namesIn(const SeriesMap& map, Figure f)
{
    QStringList names;
    for (const auto& [name, series] : map) {
        Figure g;
        if (figureOf(name, &g) && g == f && !series.raw->isEmpty()) {
            if (name == QLatin1String(metric::kLoss)) {
                names.prepend(name);
            } else {
                names.push_back(name);
            }
        }
    }
    return names;
}

QVector<MetricsPlotModel::Figure> MetricsPlotModel::figures() const
{
    QVector<Figure> out;
    for (int i = 0; i < kFigureCount; ++i) {
        const auto f = static_cast<Figure>(i);
        if (f == Figure::Loss || !namesIn(m_run, f).isEmpty() || !namesIn(m_overlay, f).isEmpty()) {
            out.push_back(f);
        }
    }
    return out;
}

QStringList MetricsPlotModel::names(Source source, Figure f) const
{
    return namesIn(source == Source::Run ? m_run : m_overlay, f);
}

MetricsPlotModel::Series& MetricsPlotModel::series(Source source, const QString& name)
{
    Series& s = map(source)[name];
    if (s.smoothWeight != m_weight) {
        s.recompute(m_weight);
    }
    return s;
}

const MetricsPlotModel::Series* MetricsPlotModel::runSeries(const QString& name) const
{
    const auto it = m_run.find(name);
    return it == m_run.end() ? nullptr : &it->second;
}

int MetricsPlotModel::ordinalOf(const QString& name)
{
    auto [it, added] = m_ordinals.emplace(name, static_cast<int>(m_ordinals.size()));
    return it->second;
}

bool MetricsPlotModel::nearestStep(Figure f, double step, double* nearest) const
{
    const QStringList names = namesIn(m_run, f);
    if (names.isEmpty()) {
        return false;
    }
    const Series& first = m_run.at(names.front());
    auto it = first.raw->findBegin(step, false);
    if (it == first.raw->constEnd()) {
        --it;
    } else if (it != first.raw->constBegin()) {
        const auto prev = it - 1;
        if (std::abs(prev->key - step) < std::abs(it->key - step)) {
            it = prev;
        }
    }
    *nearest = it->key;
    return true;
}

MetricsPlotModel::Ranges MetricsPlotModel::ranges(Figure f, bool log) const
{
    double minKey = std::numeric_limits<double>::infinity();
    double maxKey = -minKey;
    double minValue = std::numeric_limits<double>::infinity();
    double maxValue = -minValue;
    for (const SeriesMap* map : {&m_run, &m_overlay}) {
        for (const QString& name : namesIn(*map, f)) {
            const Series& s = map->at(name);
            minKey = std::min(minKey, s.raw->constBegin()->key);
            maxKey = std::max(maxKey, s.lastKey());
            minValue = std::min(minValue, log ? s.minPositive : s.minValue);
            maxValue = std::max(maxValue, s.maxValue);
        }
    }
    Ranges r;
    if (!std::isfinite(minKey)) {
        r.xLow = 0;
        r.xHigh = 100;
        r.yLow = log ? 0.01 : 0.0;
        r.yHigh = 1.0;
        return r;
    }
    if (maxKey <= minKey) {
        maxKey = minKey + 1.0;
    }
    r.xLow = minKey;
    r.xHigh = maxKey + (maxKey - minKey) * 0.02;
    if (!std::isfinite(minValue) || !std::isfinite(maxValue)) {
        minValue = log ? 0.01 : 0.0;
        maxValue = 1.0;
    }
    if (log) {
        r.yLow = minValue / 1.3;
        r.yHigh = std::max(maxValue * 1.3, r.yLow * 10.0);
    } else {
        double span = maxValue - minValue;
        if (span <= 0.0) {
            span = std::max(std::abs(maxValue) * 0.1, 1e-6);
        }
        r.yLow = minValue - span * 0.05;
        r.yHigh = maxValue + span * 0.05;
    }
    return r;
}

int MetricsPlotModel::pointCount(const QString& name) const
{
    const Series* s = runSeries(name);
    return s ? s->raw->size() : 0;
}

qint64 MetricsPlotModel::lastStep() const
{
    double last = 0.0;
    for (const auto& [name, series] : m_run) {
        last = std::max(last, series.lastKey());
    }
    return static_cast<qint64>(last);
}

} // namespace vd::ui

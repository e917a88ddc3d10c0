// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MetricsPlot.h"

#include "report/DebiasedEMA.h"
#include "train/MetricsLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>

#include "util/LatestOnlyRunner.h"
#include "util/PlotTheme.h"
#include "util/QCustomPlotInclude.h"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace vd::ui {
namespace {

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
constexpr int kFigureCount = 11;
/// Curves with more points than this are drawn without antialiasing (see replot()).
constexpr int kAntialiasMaxPoints = 4000;

/// Which figure a metric belongs to; false for bookkeeping keys that are not drawn.
bool figureOf(const QString& key, Figure* figure)
{
    if (key == QLatin1String("skipped") || key == QLatin1String("time_s") ||
        key == QLatin1String("total")) {
        return false;
    }
    if (key == QLatin1String("lr")) {
        *figure = Figure::LearningRate;
    } else if (key == QLatin1String("grad_norm")) {
        *figure = Figure::GradNorm;
    } else if (key == QLatin1String("step_ms") || key == QLatin1String("wait_ms")) {
        *figure = Figure::Timing;
    } else if (key == QLatin1String("probe_psnr")) {
        *figure = Figure::ProbePSNR;
    } else if (key == QLatin1String("blob_score_max") || key.startsWith(QLatin1String("latent_"))) {
        *figure = Figure::LatentHealth;
    } else if (key.startsWith(QLatin1String("blob_score_c"))) {
        *figure = Figure::BlobChannels;
    } else if (key.startsWith(QLatin1String("judge_acc")) ||
               key == QLatin1String("judge_recognisable_acc")) {
        *figure = Figure::SampleAccuracy;
    } else if (key.startsWith(QLatin1String("judge_fd"))) {
        *figure = Figure::SampleFrechet;
    } else if (key.startsWith(QLatin1String("judge_"))) {
        *figure = Figure::SampleRatios;
    } else if (key == QLatin1String("beta")) {
        *figure = Figure::Other;
    } else {
        *figure = Figure::Loss; // "loss" and the loss terms (recon, kl, mse, ...)
    }
    return true;
}

QString figureTitle(Figure f)
{
    switch (f) {
    case Figure::Loss:
        return MetricsPlot::tr("Loss");
    case Figure::LearningRate:
        return MetricsPlot::tr("Learning rate");
    case Figure::GradNorm:
        return MetricsPlot::tr("Gradient norm");
    case Figure::Timing:
        return MetricsPlot::tr("Step time and loader wait (ms)");
    case Figure::ProbePSNR:
        return MetricsPlot::tr("Probe reconstruction PSNR (dB)");
    case Figure::LatentHealth:
        return MetricsPlot::tr("Latent health");
    case Figure::BlobChannels:
        return MetricsPlot::tr("Blob score per channel");
    case Figure::SampleAccuracy:
        return MetricsPlot::tr("Sample quality: class accuracy");
    case Figure::SampleFrechet:
        return MetricsPlot::tr("Sample quality: Fréchet distance");
    case Figure::SampleRatios:
        return MetricsPlot::tr("Sample quality: generated / real");
    case Figure::Other:
        return MetricsPlot::tr("Other figures");
    }
    return {};
}

QString seriesLabel(const QString& key)
{
    if (key == QLatin1String("lr")) {
        return MetricsPlot::tr("learning rate");
    }
    if (key == QLatin1String("grad_norm")) {
        return MetricsPlot::tr("gradient norm");
    }
    if (key == QLatin1String("step_ms")) {
        return MetricsPlot::tr("step time");
    }
    if (key == QLatin1String("wait_ms")) {
        return MetricsPlot::tr("loader wait");
    }
    if (key == QLatin1String("probe_psnr")) {
        return MetricsPlot::tr("probe PSNR");
    }
    if (key == QLatin1String("judge_acc")) {
        return MetricsPlot::tr("all classes");
    }
    if (key.startsWith(QLatin1String("judge_acc_"))) {
        return key.mid(10); // the class name
    }
    if (key == QLatin1String("judge_recognisable_acc")) {
        return MetricsPlot::tr("recognisable");
    }
    if (key == QLatin1String("judge_precision")) {
        return MetricsPlot::tr("precision");
    }
    if (key == QLatin1String("judge_recall")) {
        return MetricsPlot::tr("recall");
    }
    if (key == QLatin1String("judge_precision_floor")) {
        return MetricsPlot::tr("precision, real vs real");
    }
    if (key == QLatin1String("judge_recall_floor")) {
        return MetricsPlot::tr("recall, real vs real");
    }
    if (key == QLatin1String("judge_fd")) {
        return MetricsPlot::tr("generated vs real");
    }
    if (key == QLatin1String("judge_fd_floor")) {
        return MetricsPlot::tr("real vs real (floor)");
    }
    if (key == QLatin1String("judge_change_ratio")) {
        return MetricsPlot::tr("mean change");
    }
    if (key == QLatin1String("judge_flicker_ratio")) {
        return MetricsPlot::tr("flicker index");
    }
    if (key == QLatin1String("judge_diversity_ratio")) {
        return MetricsPlot::tr("diversity");
    }
    return key; // the engine's own names: loss, recon, kl, mse, blob_score_max, ...
}

QColor seriesColor(const QString& key, int ordinal)
{
    if (key == QLatin1String("loss")) {
        return QColor(0x1f, 0x5f, 0xbf);
    }
    static const QColor kPalette[] = {QColor(0xd6, 0x5f, 0x00), QColor(0x2c, 0x9c, 0x3c),
                                      QColor(0xb0, 0x30, 0x60), QColor(0x7a, 0x4f, 0xc0),
                                      QColor(0x00, 0x96, 0x9c), QColor(0x8c, 0x6d, 0x2c),
                                      QColor(0xc0, 0x40, 0x40), QColor(0x55, 0x55, 0x55)};
    return kPalette[ordinal % static_cast<int>(std::size(kPalette))];
}

/// One metric of a run: raw points and their EMA, shared with the graphs that draw them.
struct Series {
    QSharedPointer<QCPGraphDataContainer> raw = QSharedPointer<QCPGraphDataContainer>::create();
    QSharedPointer<QCPGraphDataContainer> smooth = QSharedPointer<QCPGraphDataContainer>::create();
    double smoothWeight = -1.0; ///< weight `smooth` was computed with
    vd::DebiasedEMA ema;
    double minValue = std::numeric_limits<double>::infinity();
    double maxValue = -std::numeric_limits<double>::infinity();
    double minPositive = std::numeric_limits<double>::infinity();

    double lastKey() const { return raw->isEmpty() ? -1.0 : (raw->constEnd() - 1)->key; }

    /// Points at or after `key` go (a resumed run rewrites them).
    void cutFrom(double key)
    {
        raw->removeAfter(key - 0.5);
        recompute(smoothWeight);
    }

    /// Appends points with increasing keys, all greater than lastKey().
    void append(const QVector<double>& keys, const QVector<double>& values)
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

    /// Recomputes the EMA and the value range with `weight`.
    void recompute(double weight)
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

private:
    /// Feeds one value to the EMA and the range; returns the smoothed value.
    double feed(double v)
    {
        minValue = std::min(minValue, v);
        maxValue = std::max(maxValue, v);
        if (v > 0.0) {
            minPositive = std::min(minPositive, v);
        }
        return ema.feed(v);
    }
};

using SeriesMap = std::map<QString, Series>;
/// Keys and values of one metric, keys increasing.
using Points = std::pair<QVector<double>, QVector<double>>;
using PointsMap = std::map<QString, Points>;

/// Adds a point to `points`, first dropping those at or after its step (a restarted run).
void addPoint(PointsMap& map, const QString& key, double step, double value)
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

/// What a metrics.jsonl holds, per metric, with keys increasing (a restart inside the file
/// replaces the points it rewrote).
struct LoadedRun {
    QString path;
    PointsMap series;
    int lines = 0;
    QString error;
};

LoadedRun readRun(const QString& path)
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

} // namespace

struct MetricsPlot::State {
    SeriesMap run;
    SeriesMap overlay;
    QString overlayPath;
    double weight = 0.6;
    QVector<Figure> figures{Figure::Loss};
    bool follow = true; ///< ranges follow the data until the user zooms or pans
    bool loadingRun = false;
    QVector<StepMetrics> liveWhileLoading;
    LatestOnlyRunner runReader;
    LatestOnlyRunner overlayReader;
    QCPItemTracer* tracer = nullptr;
    std::map<QString, int> ordinals; ///< stable colour per series name

    Figure figure(int index) const
    {
        return index >= 0 && index < figures.size() ? figures[index] : Figure::Loss;
    }

    int ordinalOf(const QString& key)
    {
        auto [it, added] = ordinals.emplace(key, static_cast<int>(ordinals.size()));
        return it->second;
    }

    /// Names of `map`'s series in figure `f`, "loss" first.
    static QStringList namesIn(const SeriesMap& map, Figure f)
    {
        QStringList names;
        for (const auto& [name, series] : map) {
            Figure g;
            if (figureOf(name, &g) && g == f && !series.raw->isEmpty()) {
                if (name == QLatin1String("loss")) {
                    names.prepend(name);
                } else {
                    names.push_back(name);
                }
            }
        }
        return names;
    }

    /// Appends each metric's points to `map`; a metric whose first point is at or before its
    /// newest loses its points from there on first.
    void append(SeriesMap& map, const PointsMap& batch)
    {
        for (const auto& [key, points] : batch) {
            if (points.first.isEmpty()) {
                continue;
            }
            Series& s = map[key];
            if (s.smoothWeight < 0.0) {
                s.recompute(weight); // a new series: its EMA starts with the current weight
            }
            if (!s.raw->isEmpty() && points.first.front() <= s.lastKey()) {
                s.cutFrom(points.first.front());
            }
            s.append(points.first, points.second);
        }
    }

    /// The logged step nearest to `step` in the first series of figure `f`; false if none.
    bool nearestStep(Figure f, double step, double* nearest) const
    {
        const QStringList names = namesIn(run, f);
        if (names.isEmpty()) {
            return false;
        }
        const Series& first = run.at(names.front());
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
};

MetricsPlot::MetricsPlot(QWidget* parent)
    : QWidget(parent), m_s(std::make_unique<State>()), m_figure(new QComboBox),
      m_smoothing(new QSlider(Qt::Horizontal)), m_smoothingLabel(new QLabel),
      m_logScale(new QCheckBox(tr("Log scale"))),
      m_overlayButton(new QPushButton(tr("Overlay Earlier Run…"))),
      m_clearOverlayButton(new QPushButton(tr("Clear Overlay"))), m_plot(new QCustomPlot)
{
    m_figure->setToolTip(tr("Which figure of the run to plot"));
    m_figure->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setMaximumWidth(140);
    m_smoothing->setToolTip(tr("Smoothing of the bold curves (exponential moving average)"));
    m_smoothingLabel->setMinimumWidth(
        m_smoothingLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.00 ")));
    m_logScale->setToolTip(tr("Logarithmic y axis"));
    m_overlayButton->setToolTip(tr("Draw the curves of another run's metrics.jsonl, dashed"));
    m_clearOverlayButton->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_figure);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Smoothing")));
    bar->addWidget(m_smoothing);
    bar->addWidget(m_smoothingLabel);
    bar->addWidget(m_logScale);
    bar->addStretch(1);
    bar->addWidget(m_overlayButton);
    bar->addWidget(m_clearOverlayButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumSize(240, 160);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->legend->setVisible(true);
    followPalette(m_plot);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_s->tracer = new QCPItemTracer(m_plot);
    m_s->tracer->setStyle(QCPItemTracer::tsCircle);
    m_s->tracer->setSize(7);
    m_s->tracer->setVisible(false);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);

    connect(m_figure, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { rebuildGraphs(); });
    // Recomputing the EMA of a million points takes a few ms per series: on release only.
    m_smoothing->setTracking(false);
    connect(m_smoothing, &QSlider::sliderMoved, this,
            [this](int v) { m_smoothingLabel->setText(QString::number(v / 100.0, 'f', 2)); });
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    connect(m_logScale, &QCheckBox::toggled, this, &MetricsPlot::setLogScale);
    connect(m_overlayButton, &QPushButton::clicked, this, &MetricsPlot::chooseOverlay);
    connect(m_clearOverlayButton, &QPushButton::clicked, this, &MetricsPlot::clearOverlay);
    connect(m_plot, &QCustomPlot::mouseMove, this, &MetricsPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_s->follow = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_s->follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_s->follow = true;
        updateRanges();
        replot();
    });

    setSmoothing(0.6);
    rebuildFigureList();
    rebuildGraphs();
}

MetricsPlot::~MetricsPlot() = default;

void MetricsPlot::appendMetrics(const QVector<StepMetrics>& metrics)
{
    if (metrics.isEmpty()) {
        return;
    }
    if (m_s->loadingRun) {
        m_s->liveWhileLoading += metrics;
        return;
    }
    const size_t seriesBefore = m_s->run.size();
    PointsMap batch;
    for (const StepMetrics& m : metrics) {
        const double step = static_cast<double>(m.step);
        addPoint(batch, QStringLiteral("loss"), step, m.loss);
        addPoint(batch, QStringLiteral("lr"), step, m.learningRate);
        addPoint(batch, QStringLiteral("grad_norm"), step, m.gradNorm);
        addPoint(batch, QStringLiteral("step_ms"), step, m.stepTimeMs);
        addPoint(batch, QStringLiteral("wait_ms"), step, m.loaderWaitMs);
        for (const auto& [name, value] : m.terms) {
            const QString key = QString::fromStdString(name);
            Figure figure;
            if (figureOf(key, &figure)) {
                addPoint(batch, key, step, value);
            }
        }
    }
    m_s->append(m_s->run, batch);
    if (m_s->run.size() != seriesBefore || m_plot->graphCount() == 0) {
        // A new metric appeared: it may open a figure or join the one shown.
        rebuildFigureList();
        rebuildGraphs();
        return;
    }
    updateRanges();
    replot();
}

void MetricsPlot::clear()
{
    m_s->run.clear();
    m_s->liveWhileLoading.clear();
    rebuildFigureList();
    rebuildGraphs();
}

void MetricsPlot::loadRun(const QString& metricsPath)
{
    m_s->loadingRun = true;
    m_s->liveWhileLoading.clear();
    m_s->runReader.submit([metricsPath] { return readRun(metricsPath); },
                          [this](const LoadedRun& loaded) {
                              m_s->loadingRun = false;
                              m_s->run.clear();
                              m_s->append(m_s->run, loaded.series);
                              const QVector<StepMetrics> live =
                                  std::exchange(m_s->liveWhileLoading, {});
                              appendMetrics(live);
                              rebuildFigureList();
                              rebuildGraphs();
                              if (!loaded.error.isEmpty()) {
                                  Q_EMIT loadFailed(loaded.error);
                              }
                              Q_EMIT runLoaded(loaded.lines);
                          });
}

void MetricsPlot::loadOverlay(const QString& metricsPath)
{
    m_s->overlayReader.submit([metricsPath] { return readRun(metricsPath); },
                              [this](const LoadedRun& loaded) {
                                  if (!loaded.error.isEmpty()) {
                                      Q_EMIT loadFailed(loaded.error);
                                      return;
                                  }
                                  m_s->overlay.clear();
                                  m_s->overlayPath = loaded.path;
                                  m_s->append(m_s->overlay, loaded.series);
                                  m_clearOverlayButton->setEnabled(true);
                                  m_clearOverlayButton->setToolTip(
                                      tr("Remove the overlay of %1").arg(loaded.path));
                                  rebuildFigureList();
                                  rebuildGraphs();
                                  Q_EMIT overlayLoaded(loaded.path, loaded.lines);
                              });
}

void MetricsPlot::clearOverlay()
{
    m_s->overlay.clear();
    m_s->overlayPath.clear();
    m_clearOverlayButton->setEnabled(false);
    m_clearOverlayButton->setToolTip({});
    rebuildFigureList();
    rebuildGraphs();
}

QString MetricsPlot::overlayPath() const
{
    return m_s->overlayPath;
}

QStringList MetricsPlot::figureNames() const
{
    QStringList names;
    for (Figure f : m_s->figures) {
        names << figureTitle(f);
    }
    return names;
}

int MetricsPlot::currentFigure() const
{
    return m_figure->currentIndex();
}

void MetricsPlot::setCurrentFigure(int index)
{
    m_figure->setCurrentIndex(index);
}

void MetricsPlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    m_s->weight = weight;
    m_smoothingLabel->setText(QString::number(weight, 'f', 2));
    const int sliderValue = static_cast<int>(std::lround(weight * 100.0));
    if (m_smoothing->value() != sliderValue) {
        const QSignalBlocker block(m_smoothing);
        m_smoothing->setValue(sliderValue);
    }
    // Only the figure shown is recomputed now; the others when they are shown.
    const Figure f = m_s->figure(m_figure->currentIndex());
    for (SeriesMap* map : {&m_s->run, &m_s->overlay}) {
        for (const QString& name : State::namesIn(*map, f)) {
            (*map)[name].recompute(weight);
        }
    }
    replot();
}

double MetricsPlot::smoothing() const
{
    return m_s->weight;
}

void MetricsPlot::setLogScale(bool on)
{
    if (m_logScale->isChecked() != on) {
        const QSignalBlocker block(m_logScale);
        m_logScale->setChecked(on);
    }
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_s->follow = true;
    updateRanges();
    replot();
}

bool MetricsPlot::logScale() const
{
    return m_logScale->isChecked();
}

int MetricsPlot::pointCount(const QString& name) const
{
    const auto it = m_s->run.find(name);
    return it == m_s->run.end() ? 0 : it->second.raw->size();
}

qint64 MetricsPlot::lastStep() const
{
    double last = 0.0;
    for (const auto& [name, series] : m_s->run) {
        last = std::max(last, series.lastKey());
    }
    return static_cast<qint64>(last);
}

void MetricsPlot::rebuildFigureList()
{
    QVector<Figure> figures;
    for (int i = 0; i < kFigureCount; ++i) {
        const auto f = static_cast<Figure>(i);
        if (f == Figure::Loss || !State::namesIn(m_s->run, f).isEmpty() ||
            !State::namesIn(m_s->overlay, f).isEmpty()) {
            figures.push_back(f);
        }
    }
    if (figures == m_s->figures && m_figure->count() == figures.size()) {
        return;
    }
    const Figure current = m_s->figure(m_figure->currentIndex());
    m_s->figures = figures;
    const QSignalBlocker block(m_figure);
    m_figure->clear();
    for (Figure f : figures) {
        m_figure->addItem(figureTitle(f));
    }
    m_figure->setCurrentIndex(std::max(0, static_cast<int>(figures.indexOf(current))));
}

void MetricsPlot::rebuildGraphs()
{
    const Figure f = m_s->figure(m_figure->currentIndex());
    m_s->tracer->setGraph(nullptr);
    m_s->tracer->setVisible(false);
    m_plot->clearGraphs();
    m_plot->yAxis->setLabel(figureTitle(f));

    for (const QString& name : State::namesIn(m_s->overlay, f)) {
        Series& s = m_s->overlay[name];
        if (s.smoothWeight != m_s->weight) {
            s.recompute(m_s->weight);
        }
        QColor color = seriesColor(name, m_s->ordinalOf(name)).lighter(130);
        QPen pen(color, 1.4, Qt::DashLine);
        QCPGraph* g = m_plot->addGraph();
        g->setData(s.smooth);
        g->setPen(pen);
        g->setName(tr("%1 (earlier run)").arg(seriesLabel(name)));
    }
    for (const QString& name : State::namesIn(m_s->run, f)) {
        Series& s = m_s->run[name];
        if (s.smoothWeight != m_s->weight) {
            s.recompute(m_s->weight);
        }
        const QColor color = seriesColor(name, m_s->ordinalOf(name));
        QColor light = color;
        light.setAlpha(70);
        QCPGraph* raw = m_plot->addGraph();
        raw->setData(s.raw);
        raw->setPen(QPen(light, 1.0));
        raw->removeFromLegend();
        QCPGraph* smooth = m_plot->addGraph();
        smooth->setData(s.smooth);
        smooth->setPen(QPen(color, 1.8));
        smooth->setName(seriesLabel(name));
        if (!m_s->tracer->graph()) {
            m_s->tracer->setGraph(smooth);
        }
    }
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);
    m_s->follow = true;
    updateRanges();
    replot();
}

void MetricsPlot::updateRanges()
{
    if (!m_s->follow) {
        return;
    }
    const Figure f = m_s->figure(m_figure->currentIndex());
    const bool log = m_logScale->isChecked();
    double minKey = std::numeric_limits<double>::infinity();
    double maxKey = -minKey;
    double minValue = std::numeric_limits<double>::infinity();
    double maxValue = -minValue;
    for (const SeriesMap* map : {&m_s->run, &m_s->overlay}) {
        for (const QString& name : State::namesIn(*map, f)) {
            const Series& s = map->at(name);
            minKey = std::min(minKey, s.raw->constBegin()->key);
            maxKey = std::max(maxKey, s.lastKey());
            minValue = std::min(minValue, log ? s.minPositive : s.minValue);
            maxValue = std::max(maxValue, s.maxValue);
        }
    }
    if (!std::isfinite(minKey)) {
        m_plot->xAxis->setRange(0, 100);
        m_plot->yAxis->setRange(log ? 0.01 : 0.0, 1.0);
        return;
    }
    if (maxKey <= minKey) {
        maxKey = minKey + 1.0;
    }
    m_plot->xAxis->setRange(minKey, maxKey + (maxKey - minKey) * 0.02);
    if (!std::isfinite(minValue) || !std::isfinite(maxValue)) {
        minValue = log ? 0.01 : 0.0;
        maxValue = 1.0;
    }
    if (log) {
        const double lo = minValue / 1.3;
        const double hi = std::max(maxValue * 1.3, lo * 10.0);
        m_plot->yAxis->setRange(lo, hi);
    } else {
        double span = maxValue - minValue;
        if (span <= 0.0) {
            span = std::max(std::abs(maxValue) * 0.1, 1e-6);
        }
        m_plot->yAxis->setRange(minValue - span * 0.05, maxValue + span * 0.05);
    }
}

void MetricsPlot::replot()
{
    // Antialiased curves cost ~20x per replot (bench/RESULTS.md, "Training curves": 123 vs
    // 6.6 ms at 80,000 points); past a few thousand points per curve they look the same.
    int points = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        points = std::max(points, m_plot->graph(g)->dataCount());
    }
    const bool fast = points > kAntialiasMaxPoints;
    if (fast != m_plot->plottingHints().testFlag(QCP::phFastPolylines)) {
        m_plot->setNotAntialiasedElements(fast ? QCP::aePlottables : QCP::aeNone);
        m_plot->setPlottingHint(QCP::phFastPolylines, fast);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString MetricsPlot::describeStep(double step) const
{
    const Figure f = m_s->figure(m_figure->currentIndex());
    const QStringList names = State::namesIn(m_s->run, f);
    double key = 0.0;
    if (!m_s->nearestStep(f, step, &key)) {
        return {};
    }
    QStringList lines{tr("step %1").arg(static_cast<qint64>(key))};
    for (const QString& name : names) {
        const Series& s = m_s->run.at(name);
        const auto r = s.raw->findBegin(key, false);
        if (r == s.raw->constEnd() || r->key != key) {
            continue;
        }
        const auto sm = s.smooth->findBegin(key, false);
        lines << tr("%1: %2 (smoothed %3)")
                     .arg(seriesLabel(name), QString::number(r->value, 'g', 5),
                          QString::number(sm->value, 'g', 5));
    }
    return lines.join(QLatin1Char('\n'));
}

void MetricsPlot::onMouseMove(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton || !m_s->tracer->graph()) {
        return;
    }
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    double snapped = 0.0;
    if (!m_s->nearestStep(m_s->figure(m_figure->currentIndex()), key, &snapped)) {
        return;
    }
    const QString text = describeStep(snapped);
    m_s->tracer->setGraphKey(snapped);
    m_s->tracer->setVisible(true);
    QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool MetricsPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Leave && m_s->tracer->visible()) {
        m_s->tracer->setVisible(false);
        QToolTip::hideText();
        replot();
    }
    return QWidget::eventFilter(watched, event);
}

void MetricsPlot::chooseOverlay()
{
    const QString start =
        m_s->overlayPath.isEmpty() ? QString() : QFileInfo(m_s->overlayPath).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Overlay Earlier Run"), start,
                                                      tr("Metrics logs (metrics.jsonl *.jsonl)"));
    if (!path.isEmpty()) {
        loadOverlay(path);
    }
}

} // namespace vd::ui
